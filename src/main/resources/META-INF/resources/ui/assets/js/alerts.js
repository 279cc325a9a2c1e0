// Alerts: the list, kept live by server-sent events (no reload), and acknowledgement with the API key.
import {errorText, getJson} from './api.js';
import {acknowledge, explanationFacts, explanationText, listAlerts} from './alerts-api.js';
import {clear, el, externalLink, fmtInstant, fmtNumber, say} from './dom.js';
import {labelIn, t, word} from './i18n.js';

const list = document.getElementById('alert-list');
const status = document.getElementById('alerts-status');
const filter = document.getElementById('alert-filter');
const live = document.getElementById('live-state');
const shown = new Map();
let source = null;
const topicLabels = new Map();

async function loadTopicLabels() {
  const res = await getJson('/api/topics');
  if (res.ok && Array.isArray(res.body)) for (const x of res.body) topicLabels.set(x.id, labelIn(x.label));
}

function wanted(alert) {
  return !filter.value || alert.status === filter.value;
}

function item(alert) {
  const text = explanationText(alert, topicLabels.get(alert.topic));
  const facts = explanationFacts(alert);
  const acked = alert.status === 'acknowledged';
  const message = el('p', {class: 'ack-message', role: 'status', 'aria-live': 'polite'});
  const button = acked ? null : el('button', {type: 'button', class: 'ack-button',
    'aria-label': t('acknowledgeAlert', {id: alert.id})}, t('acknowledge'));
  const li = el('li', {class: 'alert-item', 'data-alert-id': alert.id, 'data-status': alert.status, 'data-kind': alert.kind},
    el('div', {class: 'alert-head'},
      el('span', {class: `badge badge-${acked ? 'done' : 'new'}`}, word('status', acked ? 'acknowledged' : 'new')),
      el('strong', {class: 'alert-kind'}, word('kind', alert.kind || 'alert')),
      subject(alert),
      el('time', {datetime: alert.createdAt || ''}, fmtInstant(alert.createdAt)),
      alert.rule ? el('span', {class: 'muted'}, t('ruleName', {rule: alert.rule})) : null,
      alert.historical ? el('span', {class: 'badge'}, t('historical')) : null),
    text ? el('p', {class: 'explanation'}, text) : null,
    facts.length ? el('dl', {class: 'facts compact'}, facts.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, String(v))))) : null,
    alert.documents && alert.documents.length ? el('ul', {class: 'alert-docs'}, alert.documents.map(d => el('li', {},
      el('a', {href: `/ui/documents/${encodeURIComponent(d.id)}`}, d.title || t('documentN', {id: d.id})),
      ` (${d.source || '?'}, ${fmtInstant(d.published)}) `, d.url ? externalLink(d.url, t('original')) : null))) : null,
    button, message);
  li._alert = alert;
  if (button) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      say(message, t('acknowledging'));
      const res = await acknowledge(alert.id);
      if (res.ok) {
        show(res.body && res.body.id !== undefined ? res.body : {...alert, status: 'acknowledged'}, true);
        return;
      }
      button.disabled = false;
      say(message, res.cancelled ? t('notAcknowledgedNoKey') : t('notAcknowledged', {error: errorText(res)}), 'error');
    });
  }
  return li;
}

/** What the alert is about: a topic, or the saved search a new-match rule watches. */
function subject(alert) {
  if (!alert.topic) return null;
  if (alert.topic.startsWith('search:')) {
    const name = (alert.numbers && alert.numbers.savedSearchName) || alert.topic.slice('search:'.length);
    return el('span', {}, t('savedSearchSubject', {name}));
  }
  return el('a', {href: `/ui/topics/${encodeURIComponent(alert.topic)}`}, topicLabels.get(alert.topic) || alert.topic);
}

/** Adds or replaces an alert's entry; newest first. */
function show(alert, replace = false) {
  const old = shown.get(String(alert.id));
  if (!wanted(alert) && !(replace && old)) {
    if (old) old.remove();
    shown.delete(String(alert.id));
    return;
  }
  const li = item(alert);
  if (old) old.replaceWith(li);
  else list.prepend(li);
  shown.set(String(alert.id), li);
  counts();
}

function counts() {
  const n = list.querySelectorAll('.alert-item').length;
  say(status, n ? t('alertsShown', {n: fmtNumber(n)}) : t('noAlertsShown'));
}

async function load() {
  const res = await listAlerts(filter.value, 1);
  if (!res.available) {
    say(status, res.reason, 'error');
    live.textContent = t('liveOff');
    live.dataset.state = 'off';
    return false;
  }
  shown.clear();
  clear(list);
  for (const a of [...res.items].reverse()) show(a);
  counts();
  if (res.total > res.items.length) say(status, t('alertsShownOf', {n: fmtNumber(res.items.length), total: fmtNumber(res.total)}));
  return true;
}

/** Adds alerts the list does not show yet, without clearing it. */
async function merge() {
  const res = await listAlerts(filter.value, 1);
  if (!res.available) return;
  for (const a of [...res.items].reverse()) {
    const li = shown.get(String(a.id));
    if (!li || li.dataset.status !== a.status) show(a, true);
  }
}

function connect() {
  source = new EventSource('/api/alerts/stream');
  source.addEventListener('open', () => {
    live.textContent = t('liveOn');
    live.dataset.state = 'live';
    merge(); // whatever was raised while the stream was (re)connecting
  });
  source.addEventListener('error', () => { live.textContent = t('liveRetry'); live.dataset.state = 'retry'; });
  source.addEventListener('alert', e => {
    try { show(JSON.parse(e.data)); } catch (err) { /* a malformed event is skipped */ }
  });
  source.addEventListener('ack', e => {
    let data;
    try { data = JSON.parse(e.data); } catch (err) { data = {id: e.data}; }
    const id = data && typeof data === 'object' ? data.id : data;
    if (id === undefined || id === null) return;
    if (data.status) show(data, true);
    else if (shown.has(String(id))) show({...alertOf(id), status: 'acknowledged'}, true);
  });
}

function alertOf(id) {
  const li = shown.get(String(id));
  return li ? li._alert : {id};
}

filter.addEventListener('change', load);
loadTopicLabels().then(load).then(ok => { if (ok) connect(); }).finally(() => { document.body.dataset.loaded = 'true'; });
