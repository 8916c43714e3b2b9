// The staff console: queue (most urgent first), ticket detail with full context, claim, live chat, close.
// Polls the API (queue every 5 s, the open ticket's events every 2 s). Text is always set with
// textContent, never innerHTML: ticket content comes from users.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const PRIORITY = { urgent: '緊急', high: '高', normal: '通常' };
  const STATUS = { open: '対応待ち', claimed: '対応中', closed: '終了', cancelled: '取消' };
  const EVENT = {
    created: '受付', claimed: '担当', closed: '終了', cancelled: '取消', rated: '評価',
    'handoff-status': '連携', 'claim-timeout-notice': '待機のお知らせ',
  };
  let me = null;
  let current = null;
  let lastEventId = 0;

  async function api(path, options) {
    const response = await fetch('/api/helpdesk' + path, Object.assign({ headers: { 'Content-Type': 'application/json' } }, options));
    if (response.status === 401) {
      location.href = '/helpdesk/login?ReturnUrl=%2Fhelpdesk';
      throw new Error('signed out');
    }
    return response;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function time(value) {
    return value ? new Date(value).toLocaleString('ja-JP') : '';
  }

  function fact(list, label, value) {
    if (value === undefined || value === null || value === '') return;
    list.append(el('dt', null, label), el('dd', null, value));
  }

  async function loadQueue() {
    const params = new URLSearchParams({ status: $('status-filter').value, pageSize: '200' });
    const q = $('search').value.trim();
    if (q) params.set('q', q);
    $('export').href = '/api/helpdesk/tickets/export.csv?' + params.toString();
    const response = await api('/tickets?' + params.toString());
    if (!response.ok) return;
    const page = await response.json();
    const list = $('queue-list');
    list.replaceChildren();
    for (const item of page.items) {
      const li = el('li');
      li.dataset.number = item.number;
      if (current && current.number === item.number) li.classList.add('selected');
      const line1 = el('div', 'line1');
      line1.append(el('span', null, item.number), el('span', 'badge ' + item.priority, PRIORITY[item.priority]),
        el('span', 'badge', STATUS[item.status]));
      const line2 = el('div', 'line2', item.summary);
      const line3 = el('div', 'line2', time(item.createdAt) + (item.assignee ? ' ・ 担当: ' + item.assignee : ''));
      li.append(line1, line2, line3);
      li.addEventListener('click', () => openTicket(item.number));
      list.append(li);
    }
    $('queue-empty').hidden = page.items.length > 0;
  }

  async function openTicket(number) {
    const response = await api('/tickets/' + encodeURIComponent(number));
    if (!response.ok) return;
    const detail = await response.json();
    current = detail.ticket;
    lastEventId = 0;
    $('chat-log').replaceChildren();
    renderTicket(detail.ticket);
    renderEvents(detail.events);
    $('placeholder').hidden = true;
    $('detail').hidden = false;
    for (const li of $('queue-list').children) li.classList.toggle('selected', li.dataset.number === number);
  }

  function renderTicket(t) {
    $('d-number').textContent = t.number;
    $('d-priority').textContent = PRIORITY[t.priority];
    $('d-priority').className = 'badge ' + t.priority;
    $('d-status').textContent = STATUS[t.status] + (t.assignee ? '（' + t.assignee + '）' : '');
    $('d-summary').textContent = t.summary;
    const facts = $('d-facts');
    facts.replaceChildren();
    fact(facts, 'エラー表示', t.errorText);
    fact(facts, '残り日数', t.remainingDays);
    fact(facts, '製品バージョン', t.productVersion);
    fact(facts, 'OS', t.operatingSystem);
    fact(facts, 'フロー', t.flowId ? t.flowId + ' (v' + (t.flowVersion || '?') + ')' : '');
    fact(facts, '経路', (t.path || []).join(' → '));
    fact(facts, 'チャネル', t.channelId);
    fact(facts, '受付日時', time(t.createdAt));
    fact(facts, '評価', t.rating ? t.rating + ' / 5 ' + (t.ratingComment || '') : '');
    const answers = $('d-answers');
    answers.replaceChildren();
    for (const [key, value] of Object.entries(t.answers || {})) fact(answers, key, value);
    for (const [key, value] of Object.entries(t.slots || {})) fact(answers, '[' + key + ']', value);
    const tried = $('d-tried');
    tried.replaceChildren(...(t.tried || []).map((x) => el('li', null, x)));
    $('d-checks').textContent = (t.checks || []).length ? JSON.stringify(t.checks, null, 2) : '（なし）';
    const transcript = $('d-transcript');
    transcript.replaceChildren();
    for (const a of t.transcript || []) {
      if (!a.text) continue;
      const li = el('li');
      const role = a.from && a.from.role === 'user' ? 'user' : 'bot';
      li.append(el('span', 'who ' + role, role === 'user' ? '利用者' : 'ボット'), document.createTextNode(a.text));
      transcript.append(li);
    }
    const mine = me && t.assignee === me.userName;
    $('claim').disabled = t.status !== 'open';
    $('close').disabled = !(t.status === 'open' || t.status === 'claimed');
    $('chat-send').disabled = !(t.status === 'claimed' && mine);
  }

  function renderEvents(events) {
    const log = $('chat-log');
    for (const e of events) {
      lastEventId = Math.max(lastEventId, e.id);
      const li = el('li');
      li.dataset.kind = e.kind;
      if (e.kind === 'user-message') {
        li.append(el('span', 'who user', '利用者'), document.createTextNode(e.text || ''));
      } else if (e.kind === 'staff-message') {
        li.append(el('span', 'who staff', e.author), document.createTextNode(e.text || ''));
      } else {
        li.className = 'muted';
        li.textContent = '― ' + (EVENT[e.kind] || e.kind) + ' ' + time(e.at) + (e.author ? '（' + e.author + '）' : '') + (e.text ? ' ' + e.text : '');
      }
      log.append(li);
      log.scrollTop = log.scrollHeight;
    }
  }

  async function pollEvents() {
    if (!current) return;
    const number = current.number;
    const response = await api('/tickets/' + encodeURIComponent(number) + '/events?after=' + lastEventId);
    if (!response.ok || !current || current.number !== number) return;
    const events = await response.json();
    if (events.length === 0) return;
    renderEvents(events);
    if (events.some((e) => e.kind !== 'user-message' && e.kind !== 'staff-message')) {
      const detail = await (await api('/tickets/' + encodeURIComponent(number))).json();
      current = detail.ticket;
      renderTicket(current);
    }
  }

  async function act(path, body) {
    const response = await api('/tickets/' + encodeURIComponent(current.number) + path, { method: 'POST', body: JSON.stringify(body || {}) });
    const error = $('chat-error');
    error.hidden = response.ok;
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.error || '操作できませんでした（' + response.status + '）';
    }
    await pollEvents();
    await openTicket(current.number);
    await loadQueue();
    return response.ok;
  }

  $('claim').addEventListener('click', () => act('/claim'));
  $('close').addEventListener('click', () => {
    if (confirm('この受付を終了しますか？ 利用者に評価をお願いします。')) act('/close', {});
  });
  $('chat-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('chat-text').value.trim();
    if (!text) return;
    if (await act('/messages', { text })) $('chat-text').value = '';
  });
  $('chat-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('chat-form').requestSubmit();
  });
  $('status-filter').addEventListener('change', loadQueue);
  $('search').addEventListener('input', () => { clearTimeout(window.__searchTimer); window.__searchTimer = setTimeout(loadQueue, 300); });
  $('logout').addEventListener('click', async () => {
    await fetch('/api/helpdesk/logout', { method: 'POST' });
    location.href = '/helpdesk/login';
  });

  (async function start() {
    const response = await api('/me');
    me = await response.json();
    $('me').textContent = me.displayName + '（' + me.userName + '）';
    await loadQueue();
    setInterval(loadQueue, 5000);
    setInterval(pollEvents, 2000);
  })();
})();
