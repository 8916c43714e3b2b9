'use strict';
// Checks one scripted step against what the botbuilder channel received.
const { BOT, USER, TENANT } = require('./activities');

function fail(index, message, records) {
  const error = new Error(`step ${index}: ${message}\nreceived: ${JSON.stringify(records.map((r) => r.activity), null, 1)}`);
  throw error;
}

// The choices the user could click on a message: suggested actions, else hero card buttons.
function choices(activity) {
  const suggested = activity.suggestedActions?.actions ?? [];
  const buttons = (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.hero')
    .flatMap((a) => a.content?.buttons ?? []);
  return [...suggested, ...buttons];
}

function pick(lastMessages, choose) {
  const options = lastMessages.flatMap((r) => choices(r.activity));
  const action = typeof choose === 'number' ? options[choose - 1] : options.find((o) => o.title === choose || o.value === choose);
  if (!action) throw new Error(`no choice ${JSON.stringify(choose)} among ${JSON.stringify(options)}`);
  return action.value ?? action.title;
}

// Whether every key of `expected` (recursively) has the same value in `actual`.
function subset(expected, actual) {
  if (expected === null || typeof expected !== 'object') return expected === actual;
  return actual !== null && typeof actual === 'object' && Object.keys(expected).every((k) => subset(expected[k], actual[k]));
}

function checkStep(step, index, sent, status, records, conversation) {
  const okStatus = step.status ? [step.status] : [200, 202];
  if (!okStatus.includes(status)) fail(index, `HTTP ${status}, expected ${okStatus.join('/')}`, records);
  for (const { conversationId, activityId, activity } of records) {
    if (conversationId !== conversation.id) fail(index, `reply went to conversation ${conversationId}`, records);
    if (activityId !== null && activityId !== sent.id) fail(index, `reply to ${activityId}, expected ${sent.id}`, records);
    if (activity.from?.id !== BOT.id || activity.recipient?.id !== USER.id) fail(index, 'reply is not from the bot to the user', records);
    if (activity.channelData?.tenant?.id !== TENANT) fail(index, 'reply lost channelData.tenant', records);
  }
  const messages = records.filter((r) => r.activity.type === 'message').map((r) => r.activity);
  const expected = step.expect || [];
  if (messages.length !== expected.length) fail(index, `${messages.length} messages, expected ${expected.length}`, records);
  expected.forEach((e, i) => {
    const m = messages[i];
    if (e.text !== undefined && m.text !== e.text) fail(index, `message ${i} text ${JSON.stringify(m.text)}, expected ${JSON.stringify(e.text)}`, records);
    if (e.textMatches && !new RegExp(e.textMatches, 'u').test(m.text ?? '')) fail(index, `message ${i} text does not match /${e.textMatches}/`, records);
    if (e.suggestedActions !== undefined && (m.suggestedActions?.actions?.length ?? 0) !== e.suggestedActions) fail(index, `message ${i} suggested actions`, records);
    (e.contains ?? []).forEach((part) => (m.text ?? '').includes(part) || fail(index, `message ${i} text lacks ${JSON.stringify(part)}`, records));
    if (e.channelData !== undefined && !subset(e.channelData, m.channelData)) fail(index, `message ${i} channelData does not contain ${JSON.stringify(e.channelData)}`, records);
    const buttons = choices({ attachments: m.attachments }).length;
    if (e.heroButtons !== undefined && buttons !== e.heroButtons) fail(index, `message ${i} has ${buttons} hero buttons, expected ${e.heroButtons}`, records);
  });
}

module.exports = { checkStep, pick, choices };
