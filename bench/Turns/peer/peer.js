'use strict';
// Peer for bench/Turns: the passage-license flow written with Microsoft's botbuilder + botbuilder-dialogs 4.23.3.
// One WaterfallDialog per state of dialogs/passage-license.yaml (generated from the YAML with js-yaml):
//   ask   → say messages + ChoicePrompt (suggested actions) or, for states with a typed input, a TextPrompt + validator
//   step  → say + the instruction + "解決しましたか？" ChoicePrompt (resolved / not-resolved)
//   end   → say + text, end of the dialog
// A "menu" dialog greets on conversationUpdate with the same three choices SupportBot offers.
// MemoryStorage + ConversationState. Served by node:http calling CloudAdapter.process on /api/messages,
// authentication disabled (no app id); replies go to the activity's serviceUrl (the load client's listener).
// Usage: node peer.js <port> <flow.yaml>
const http = require('node:http');
const fs = require('node:fs');
const yaml = require('js-yaml');
const {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, MessageFactory, ActivityTypes,
} = require('botbuilder');
const {
  DialogSet, WaterfallDialog, ChoicePrompt, TextPrompt, ListStyle, DialogTurnStatus,
} = require('botbuilder-dialogs');

const port = Number(process.argv[2] || 3979);
const flow = yaml.load(fs.readFileSync(process.argv[3], 'utf8'));
const states = new Map(flow.states.map((s) => [s.id, s]));

const MENU = {
  ja: {
    greeting: 'こんにちは。SupportBot です。Passage のライセンスに関するお困りごとを、一つずつご案内いたします。どのようなことでお困りでしょうか。下のボタンからお選びください。',
    choices: ['Passage に『ライセンスが確認できません』と表示される', 'ライセンスキーが正しいのに認証できない', '担当者と話したい'],
    fixed: '解決しましたか？', yes: 'はい、解決しました', no: 'いいえ、まだです', yesSyn: ['はい', '解決しました'], noSyn: ['いいえ', 'まだです'],
    retry: '恐れ入りますが、下のボタンからお選びいただけますか。', other: 'この症状の手順ガイドは準備中です。',
  },
  en: {
    greeting: "Hello, I'm SupportBot. I'll guide you step by step through Passage license problems. What can I help you with? Please choose below.",
    choices: ['Passage says "License cannot be verified"', 'My correct license key will not activate', 'Talk to a person'],
    fixed: 'Did that fix it?', yes: 'Yes, it is fixed', no: 'No, not yet', yesSyn: ['yes', 'fixed'], noSyn: ['no', 'not yet'],
    retry: 'Sorry, could you choose with one of the buttons below?', other: 'The guide for this problem is being prepared.',
  },
};

const lang = (ctx) => ((ctx.activity.locale || '').toLowerCase().startsWith('en') ? 'en' : 'ja');
const t = (text, l) => (text == null ? '' : typeof text === 'string' ? text : (text[l] ?? text.ja));
const fill = (s, slots) => s.replace(/\{(\w+)\}/g, (_, k) => (slots[k] ?? `{${k}}`));

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const dialogState = conversationState.createProperty('dialogState');
const slotsProperty = conversationState.createProperty('slots');
const dialogs = new DialogSet(dialogState);
const choicePrompt = new ChoicePrompt('choice', undefined, 'ja-jp');
choicePrompt.style = ListStyle.suggestedAction;
dialogs.add(choicePrompt);

function compare(value, op, right) {
  switch (op) {
    case '<=': return value <= right;
    case '>=': return value >= right;
    case '<': return value < right;
    case '>': return value > right;
    case '==': return value === right;
    case '!=': return value !== right;
    default: return false;
  }
}

// `next` is a state id or a list of { when: "slot op number", goto } branches (last without when).
function resolveNext(next, slots) {
  if (typeof next === 'string') return next;
  for (const branch of next || []) {
    if (!branch.when) return branch.goto;
    const m = /^\s*(\w+)\s*(<=|>=|==|!=|<|>)\s*([\d.]+)\s*$/.exec(branch.when);
    if (m && typeof slots[m[1]] === 'number' && compare(slots[m[1]], m[2], Number(m[3]))) return branch.goto;
  }
  return flow.defaults.gaveUp;
}

const normalise = (s) => String(s || '').trim().toLowerCase().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function matchChoice(state, text, l) {
  const said = normalise(text);
  for (const c of state.choices || []) {
    const words = [c.id, t(c.label, l), ...((c.synonyms && c.synonyms[l]) || [])].map(normalise);
    if (words.some((w) => w && (said === w || said.includes(w)))) return c;
  }
  return null;
}

function choicesFor(state, l) {
  return (state.choices || []).map((c) => ({
    value: c.id, action: { type: 'imBack', title: t(c.label, l), value: t(c.label, l) }, synonyms: [t(c.label, l), ...((c.synonyms && c.synonyms[l]) || [])],
  }));
}

async function sayAll(step, state, l, slots) {
  const says = (state.say || []).map((s) => MessageFactory.text(fill(t(s, l), slots)));
  if (says.length) await step.context.sendActivities(says);
}

for (const state of flow.states) {
  const dialogId = `state:${state.id}`;
  if (state.end) {
    dialogs.add(new WaterfallDialog(dialogId, [async (step) => {
      const l = lang(step.context); const slots = (await slotsProperty.get(step.context, {}));
      const says = [...(state.say || []), ...(state.text ? [state.text] : [])].map((s) => MessageFactory.text(fill(t(s, l), slots)));
      await step.context.sendActivities(says);
      return step.endDialog(state.end);
    }]));
  } else if (state.step) {
    dialogs.add(new WaterfallDialog(dialogId, [
      async (step) => {
        const l = lang(step.context); const slots = (await slotsProperty.get(step.context, {}));
        await sayAll(step, state, l, slots);
        await step.context.sendActivity(fill(t(state.step, l), slots));
        const m = MENU[l];
        return step.prompt('choice', {
          prompt: m.fixed,
          retryPrompt: m.fixed,
          choices: [{ value: 'resolved', action: { type: 'imBack', title: m.yes, value: m.yes }, synonyms: m.yesSyn },
            { value: 'not-resolved', action: { type: 'imBack', title: m.no, value: m.no }, synonyms: m.noSyn }],
        });
      },
      async (step) => {
        const slots = (await slotsProperty.get(step.context, {}));
        const next = step.result.value === 'resolved' ? (state.resolved || flow.defaults.resolved) : resolveNext(state.next, slots);
        return step.replaceDialog(`state:${next}`);
      },
    ]));
  } else if (state.input) {
    const promptId = `input:${state.id}`;
    dialogs.add(new TextPrompt(promptId, async (pc) => {
      const l = lang(pc.context); const text = pc.recognized.value;
      if (matchChoice(state, text, l)) return true;
      if (state.input.kind !== 'number') return Boolean(text && text.trim());
      const m = /\d+/.exec(normalise(text));
      return Boolean(m) && Number(m[0]) >= (state.input.min ?? -Infinity) && Number(m[0]) <= (state.input.max ?? Infinity);
    }));
    dialogs.add(new WaterfallDialog(dialogId, [
      async (step) => {
        const l = lang(step.context); const slots = (await slotsProperty.get(step.context, {}));
        await sayAll(step, state, l, slots);
        const prompt = MessageFactory.suggestedActions(choicesFor(state, l).map((c) => c.action), fill(t(state.ask, l), slots));
        return step.prompt(promptId, { prompt, retryPrompt: t(state.input.retry, l) || t(state.ask, l) });
      },
      async (step) => {
        const l = lang(step.context); const slots = (await slotsProperty.get(step.context, {}));
        const choice = matchChoice(state, step.result, l);
        if (choice) return step.replaceDialog(`state:${choice.next}`);
        if (state.input.kind === 'number') slots[state.input.slot] = Number(/\d+/.exec(normalise(step.result))[0]);
        else if (state.input.slot) slots[state.input.slot] = String(step.result).trim();
        await slotsProperty.set(step.context, slots);
        return step.replaceDialog(`state:${resolveNext(state.input.next, slots)}`);
      },
    ]));
  } else {
    dialogs.add(new WaterfallDialog(dialogId, [
      async (step) => {
        const l = lang(step.context); const slots = (await slotsProperty.get(step.context, {}));
        await sayAll(step, state, l, slots);
        return step.prompt('choice', { prompt: fill(t(state.ask, l), slots), retryPrompt: t(state.ask, l), choices: choicesFor(state, l) });
      },
      async (step) => {
        const choice = (state.choices || []).find((c) => c.id === step.result.value);
        return step.replaceDialog(`state:${choice ? choice.next : flow.defaults.gaveUp}`);
      },
    ]));
  }
}

dialogs.add(new WaterfallDialog('menu', [
  async (step) => {
    const m = MENU[lang(step.context)];
    return step.prompt('choice', {
      prompt: m.greeting, retryPrompt: m.retry, choices: m.choices.map((c, i) => ({ value: String(i), action: { type: 'imBack', title: c, value: c } })),
    });
  },
  async (step) => {
    if (step.result.value === '0') {
      await slotsProperty.set(step.context, {});
      return step.replaceDialog(`state:${flow.start}`);
    }
    await step.context.sendActivity(MENU[lang(step.context)].other);
    return step.replaceDialog('menu');
  },
]));

async function onTurn(ctx) {
  const dc = await dialogs.createContext(ctx);
  if (ctx.activity.type === ActivityTypes.Message) {
    const r = await dc.continueDialog();
    if (r.status === DialogTurnStatus.empty) await dc.beginDialog('menu');
  } else if (ctx.activity.type === ActivityTypes.ConversationUpdate) {
    const joined = (ctx.activity.membersAdded || []).some((m) => m.id !== ctx.activity.recipient.id);
    if (joined) await dc.beginDialog('menu');
  }
  await conversationState.saveChanges(ctx, false);
}

const auth = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (ctx, err) => {
  console.error('turn error', err);
  await ctx.sendActivity('error');
};

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The restify/express-like response surface CloudAdapter uses.
    const shim = {
      statusCode: 200,
      headers: {},
      status(code) { this.statusCode = code; return this; },
      header(name, value) { this.headers[name] = value; return this; },
      send(body) { this.body = body; return this; },
      end() {
        if (res.headersSent) return;
        const payload = this.body === undefined ? '' : (typeof this.body === 'string' ? this.body : JSON.stringify(this.body));
        res.writeHead(this.statusCode, { 'content-type': 'application/json', ...this.headers });
        res.end(payload);
      },
    };
    adapter.process(req, shim, onTurn).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
});
server.keepAliveTimeout = 120000;
server.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
