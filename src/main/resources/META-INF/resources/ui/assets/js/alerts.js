// Alerts: the list, kept live by server-sent events (no reload), and acknowledgement with the API key.
import {errorText} from './api.js';
import {acknowledge, explanationFacts, explanationText, listAlerts} from './alerts-api.js';
import {clear, el, externalLink, fmtInstant, say} from './dom.js';

const list = document.getElementById('alert-list');
const status = document.getElementById('alerts-status');
const filter = document.getElementById('alert-filter');
const live = document.getElementById('live-state');
const shown = new Map();
let source = null;

function wanted(alert) {
  return !filter.value || alert.status === filter.value;
}

function item(alert) {
  const text = explanationText(alert);
  const facts = explanationFacts(alert);
  const acked = alert.status === 'acknowledged';
  const message = el('p', {class: 'ack-message', role: 'status', 'aria-live': 'polite'});
  const button = acked ? null : el('button', {type: 'button', class: 'ack-button',
    'aria-label': `Acknowledge alert ${alert.id}`}, 'Acknowledge');
  const li = el('li', {class: 'alert-item', 'data-alert-id': alert.id, 'data-status': alert.status, 'data-kind': alert.kind},
    el('div', {class: 'alert-head'},
      el('span', {class: `badge badge-${acked ? 'done' : 'new'}`}, acked ? 'acknowledged' : 'new'),
      el('strong', {class: 'alert-kind'}, alert.kind || 'alert'),
      alert.topic ? el('a', {href: `/ui/topics/${encodeURIComponent(alert.topic)}`}, alert.topic) : null,
      el('time', {datetime: alert.createdAt || ''}, fmtInstant(alert.createdAt)),
      alert.rule ? el('span', {class: 'muted'}, `rule ${alert.rule}`) : null),
    text ? el('p', {class: 'explanation'}, text) : null,
    facts.length ? el('dl', {class: 'facts compact'}, facts.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, String(v))))) : null,
    alert.documents && alert.documents.length ? el('ul', {class: 'alert-docs'}, alert.documents.map(d => el('li', {},
      el('a', {href: `/ui/documents/${encodeURIComponent(d.id)}`}, d.title || `document ${d.id}`),
      ` (${d.source || '?'}, ${fmtInstant(d.published)}) `, d.url ? externalLink(d.url, 'original') : null))) : null,
    button, message);
  li._alert = alert;
  if (button) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      say(message, 'Acknowledging…');
      const res = await acknowledge(alert.id);
      if (res.ok) {
        show(res.body && res.body.id !== undefined ? res.body : {...alert, status: 'acknowledged'}, true);
        return;
      }
      button.disabled = false;
      say(message, res.cancelled ? 'Not acknowledged: the API key is needed.' : 'Not acknowledged: ' + errorText(res), 'error');
    });
  }
  return li;
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
  say(status, n ? `${n} alert${n === 1 ? '' : 's'} shown.` : 'No alerts to show.');
}

async function load() {
  const res = await listAlerts(filter.value, 1);
  if (!res.available) {
    say(status, res.reason, 'error');
    live.textContent = 'not connected';
    live.dataset.state = 'off';
    return false;
  }
  shown.clear();
  clear(list);
  for (const a of [...res.items].reverse()) show(a);
  counts();
  if (res.total > res.items.length) say(status, `${res.items.length} of ${res.total} alerts shown (newest).`);
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
    live.textContent = 'live';
    live.dataset.state = 'live';
    merge(); // whatever was raised while the stream was (re)connecting
  });
  source.addEventListener('error', () => { live.textContent = 'reconnecting…'; live.dataset.state = 'retry'; });
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
load().then(ok => { if (ok) connect(); }).finally(() => { document.body.dataset.loaded = 'true'; });
