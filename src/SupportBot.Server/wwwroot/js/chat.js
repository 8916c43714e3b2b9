// The 「チャットで聞く」 widget: gets a Direct Line token from /api/directline/token (no secret in the
// page), runs the official Web Chat bundle against our own /v3/directline, and resumes the same
// conversation after a page reload (conversationId + current token kept in sessionStorage).
(function () {
  'use strict';

  var SESSION_KEY = 'supportbot.directline';
  var ConnectionStatus = { ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };
  var openButton = document.getElementById('open-chat');
  var closeButton = document.getElementById('close-chat');
  var panel = document.getElementById('chat-panel');
  var progressBar = document.getElementById('chat-progress-bar');
  var progressLabel = document.getElementById('chat-progress-label');
  var started = false;
  // Proxies that block WebSockets: open the page with ?transport=polling (DirectLineJS never falls back by itself).
  var useWebSocket = new URLSearchParams(window.location.search).get('transport') !== 'polling';

  function loadSession() {
    try { return JSON.parse(sessionStorage.getItem(SESSION_KEY)); } catch (e) { return null; }
  }

  function saveSession(session) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  function fetchToken() {
    return fetch('/api/directline/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(function (response) {
        if (!response.ok) { throw new Error('token request failed: ' + response.status); }
        return response.json();
      });
  }

  function showProgress(progress) {
    var percent = Math.round(Math.max(0, Math.min(1, progress)) * 100);
    progressBar.style.width = percent + '%';
    progressLabel.textContent = percent + '%';
  }

  // Where the conversation stands, on the panel's data-* attributes (read by analytics tags and the end-to-end tests).
  var botMessageIds = {};
  function noteBotMessage(id, place) {
    if (id) { botMessageIds[id] = true; }
    panel.dataset.botMessages = String(Object.keys(botMessageIds).length);
    if (place) {
      panel.dataset.flow = String(place.flow);
      panel.dataset.state = String(place.state);
    }
  }

  // Web Chat store middleware: the last bot message's channelData.supportBot.progress drives the bar.
  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var activity = action.payload.activity;
            var place = activity && activity.channelData && activity.channelData.supportBot;
            if (activity.type === 'message' && activity.from && activity.from.role === 'bot') {
              noteBotMessage(activity.id, place);
              if (place && typeof place.progress === 'number') { showProgress(place.progress); }
            }
          }
          return next(action);
        };
      };
    });
  }

  function connect(session, resuming) {
    var options = { domain: window.location.origin + '/v3/directline', token: session.token, webSocket: useWebSocket };
    if (resuming) { options.conversationId = session.conversationId; }
    var directLine = window.WebChat.createDirectLine(options);

    directLine.connectionStatus$.subscribe(function (status) {
      if (resuming && (status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.Ended)) {
        // The saved conversation can't be resumed (token expired, server reset): start a new one.
        sessionStorage.removeItem(SESSION_KEY);
        resuming = false;
        start();
      }
    });
    // DirectLineJS refreshes the token every 15 minutes: keep the current one for the next reload.
    window.setInterval(function () {
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        saveSession(session);
      }
    }, 30000);

    window.WebChat.renderWebChat({
      directLine: directLine,
      store: createStore(),
      locale: 'ja-JP',
      styleOptions: {
        hideUploadButton: true,
        primaryFont: getComputedStyle(document.body).fontFamily,
        botAvatarInitials: 'SB',
        bubbleBorderRadius: 8,
        bubbleFromUserBorderRadius: 8,
        suggestedActionLayout: 'stacked',
        suggestedActionHeight: 'auto'
      }
    }, document.getElementById('webchat'));
  }

  function start() {
    var saved = loadSession();
    if (saved && saved.conversationId && saved.token) {
      connect(saved, true);
      return;
    }
    fetchToken().then(function (grant) {
      var session = { conversationId: grant.conversationId, token: grant.token };
      saveSession(session);
      connect(session, false);
    }).catch(function (error) {
      document.getElementById('webchat').textContent = '申し訳ございません。チャットに接続できませんでした。時間をおいて再度お試しください。';
      console.error(error);
    });
  }

  function openChat() {
    panel.hidden = false;
    openButton.setAttribute('aria-expanded', 'true');
    if (!started) {
      started = true;
      start();
    }
  }

  openButton.addEventListener('click', openChat);
  closeButton.addEventListener('click', function () {
    panel.hidden = true;
    openButton.setAttribute('aria-expanded', 'false');
  });
  // After a reload, reopen the panel on the conversation already in progress.
  if (loadSession()) { openChat(); }
}());
