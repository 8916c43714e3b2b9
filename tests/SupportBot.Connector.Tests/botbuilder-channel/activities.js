'use strict';
// Teams-shaped inbound activities (protocol.md §1 and §7): ids, tenant, clientInfo, mention entity.
const BOT = { id: '28:6f3a1f0e-1111-4c3b-9a52-0b1d7c2f0001', name: 'Support Bot' };
const USER = { id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g', name: 'Megan Bowen', aadObjectId: '7faf8ab2-3d9e-4d2b-b6a3-0e0a1c2f9b11' };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
let next = 1;

function base(type, serviceUrl, conversation) {
  const now = new Date();
  return {
    type,
    id: `${Date.now()}${next++}`,
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString().replace('Z', '+00:00'),
    serviceUrl,
    channelId: 'msteams',
    from: { ...USER },
    conversation: {
      id: conversation.id,
      conversationType: conversation.type,
      tenantId: TENANT,
      ...(conversation.type === 'personal' ? {} : { isGroup: true }),
    },
    recipient: { ...BOT },
    locale: conversation.locale || 'en-US',
    channelData: { tenant: { id: TENANT } },
  };
}

function install(serviceUrl, conversation) {
  return { ...base('conversationUpdate', serviceUrl, conversation), membersAdded: [{ id: BOT.id }, { id: USER.id }] };
}

function message(serviceUrl, conversation, text, mention) {
  const activity = base('message', serviceUrl, conversation);
  activity.textFormat = 'plain';
  activity.text = mention ? `<at>${BOT.name}</at> ${text}\r\n` : text;
  activity.entities = [{ type: 'clientInfo', locale: activity.locale, country: 'US', platform: 'Windows', timezone: 'America/Los_Angeles' }];
  if (mention) {
    activity.entities.push({ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` });
  }
  return activity;
}

module.exports = { BOT, USER, TENANT, install, message };
