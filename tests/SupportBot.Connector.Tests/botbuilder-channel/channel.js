'use strict';
// A Teams-like channel built from Microsoft's botbuilder package: ChannelServiceRoutes + ChannelServiceHandler receive
// the bot's replies on a local serviceUrl, and Teams-shaped activities are posted to the bot's /api/messages.
// Usage: node channel.js --bot http://127.0.0.1:5000/api/messages --script scripts/echo-bot.json
// Prints a JSON transcript; exits 1 when an expectation fails (the reason on stderr).
const fs = require('fs');
const { ChannelServiceHandler, ChannelServiceRoutes } = require('botbuilder');
const { SimpleCredentialProvider, AuthenticationConfiguration } = require('botframework-connector');
const { createServer } = require('./server');
const activities = require('./activities');
const { checkStep, pick } = require('./expect');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const script = JSON.parse(fs.readFileSync(args.script, 'utf8'));
const timeoutMs = Number(args.timeout || script.timeoutMs || 15000);
const received = [];
let waiter = null;

// No app id = the channel runs anonymously, as the bot does in this test (its calls carry no token).
class RecordingHandler extends ChannelServiceHandler {
  async onSendToConversation(_identity, conversationId, activity) {
    return this.record(conversationId, null, activity);
  }
  async onReplyToActivity(_identity, conversationId, activityId, activity) {
    return this.record(conversationId, activityId, activity);
  }
  async record(conversationId, activityId, activity) {
    received.push({ conversationId, activityId, activity });
    if (waiter) waiter();
    return { id: `reply-${received.length}` };
  }
}

function waitForMessages(from, count) {
  const messages = () => received.slice(from).filter((r) => r.activity.type === 'message');
  return new Promise((resolve) => {
    const deadline = setTimeout(() => done(), timeoutMs);
    const done = () => {
      clearTimeout(deadline);
      waiter = null;
      resolve(messages());
    };
    waiter = () => messages().length >= count && done();
    waiter();
  });
}

async function run() {
  const web = createServer();
  new ChannelServiceRoutes(new RecordingHandler(new SimpleCredentialProvider('', ''), new AuthenticationConfiguration())).register(web, '/teams');
  await new Promise((resolve) => web.server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${web.server.address().port}/teams/`;
  const conversation = { ...script.conversation, id: `${script.conversation.id}-${Date.now()}` };
  const transcript = [];
  let last = [];
  try {
    for (const [index, step] of script.steps.entries()) {
      const text = step.choose ? pick(last, step.choose) : step.text;
      const activity = step.install ? activities.install(serviceUrl, conversation) : activities.message(serviceUrl, conversation, text, step.mention);
      const from = received.length;
      const response = await fetch(args.bot, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
      const expected = step.expect || [];
      last = await waitForMessages(from, expected.length);
      if (!expected.length) await new Promise((r) => setTimeout(r, 300)); // silence must stay silent
      transcript.push({ step: index, sent: activity.text ?? activity.type, status: response.status, replies: received.slice(from) });
      checkStep(step, index, activity, response.status, received.slice(from), conversation);
    }
    process.stdout.write(JSON.stringify({ script: script.name, serviceUrl, steps: transcript }, null, 1));
  } finally {
    web.server.close();
  }
}

run().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
