// Overview: ingestion health first, then each topic's recent attention, verdict and open alerts.
import {errorText, getJson, query} from './api.js';
import {attentionChart, timelineTable, volumeChart} from './charts.js';
import {clear, el, fmtInstant, fmtNumber, pool, table} from './dom.js';
import {openAlerts} from './alerts-api.js';

const root = document.getElementById('overview');
const from = root.dataset.from;
const to = root.dataset.to;
const cards = [...document.querySelectorAll('.topic-card')];

function sourceFailing(s) {
  const h = s.health || {};
  return h.suspended || (h.consecutiveFailures || 0) > 0;
}

function perDay(s) {
  const h = s.health || {};
  if (typeof h.documentsPerDay === 'number') return h.documentsPerDay;
  if (typeof h.documentsLast7Days === 'number') return h.documentsLast7Days / 7;
  return null;
}

async function health() {
  const box = document.getElementById('health');
  const res = await getJson('/api/sources');
  if (!res.ok) {
    clear(box, el('p', {class: 'error'}, 'Source health unavailable: ' + errorText(res)));
    return;
  }
  const sources = Array.isArray(res.body) ? res.body : (res.body.items || []);
  const failing = sources.filter(sourceFailing);
  const rates = sources.map(perDay).filter(v => v !== null);
  const successes = sources.map(s => (s.health || {}).lastSuccessAt).filter(Boolean).sort();
  const last = successes.length ? successes[successes.length - 1] : null;
  const stats = el('dl', {class: 'stats'},
    el('div', {}, el('dt', {}, 'Sources'), el('dd', {}, fmtNumber(sources.length))),
    el('div', {class: failing.length ? 'bad' : 'good', 'data-role': 'failing'},
      el('dt', {}, 'Failing or suspended'), el('dd', {}, fmtNumber(failing.length))),
    el('div', {}, el('dt', {}, 'Documents stored per day (last 7 days)'),
      el('dd', {}, rates.length ? fmtNumber(rates.reduce((a, b) => a + b, 0), 1) : '–')),
    el('div', {}, el('dt', {}, 'Last successful fetch'), el('dd', {}, last ? fmtInstant(last) : 'none yet (imports only)')));
  const parts = [stats];
  if (failing.length) {
    parts.push(el('p', {}, 'Failing sources (their silence is not the public\'s):'),
      el('ul', {class: 'failing'}, failing.map(s => el('li', {},
        el('a', {href: '/ui/sources'}, s.name || s.id), ': ',
        (s.health || {}).suspended ? 'suspended; ' : '',
        `${(s.health || {}).consecutiveFailures || 0} failures in a row`,
        (s.health || {}).lastError ? ` — ${(s.health || {}).lastError}` : ''))));
  }
  parts.push(el('p', {}, el('a', {href: '/ui/sources'}, 'All sources and their health')));
  clear(box, parts);
}

/**
 * Documents published per day in the last 7 days of the range beside the whole range's mean: when the
 * recent days fall below half of it, the overview says ingestion dropped before anyone reads the topics.
 */
function recentVolume(buckets) {
  const perDay = list => list.reduce((s, b) => s + b.public.count + b.government.count, 0) / Math.max(1, list.length);
  const recent = perDay(buckets.slice(-7));
  const usual = perDay(buckets);
  const dropped = usual > 0 && recent < usual / 2;
  const stats = document.querySelector('#health .stats');
  const item = el('div', {class: dropped ? 'warn' : '', 'data-role': 'recent-volume'},
    el('dt', {}, 'Published per day, last 7 days (range mean)'),
    el('dd', {}, `${fmtNumber(recent, 1)} (${fmtNumber(usual, 1)})`));
  if (stats) stats.append(item);
  if (dropped) {
    document.getElementById('health').append(el('p', {class: 'error', role: 'alert'},
      'Fewer documents than usual arrived in the last 7 days: a fall in attention below may be a fall in ingestion.'));
  }
}

async function ingestion() {
  const res = await getJson('/api/timeline' + query({from, to}));
  const target = document.getElementById('ingestion-chart');
  const numbers = document.getElementById('ingestion-numbers');
  if (!res.ok) {
    clear(target, el('p', {class: 'error'}, 'Ingestion chart unavailable: ' + errorText(res)));
    return;
  }
  const buckets = res.body.buckets;
  await volumeChart(target, buckets, {height: 150});
  recentVolume(buckets);
  numbers.append(table('Documents per day by publication date', ['Date', 'Public side', 'Government'],
    buckets.map(b => [b.date, fmtNumber(b.public.count), fmtNumber(b.government.count)]),
    {rowHeaders: true, class: 'data numbers-table'}));
}

async function topic(card) {
  const id = card.dataset.topic;
  const chart = card.querySelector('[data-role=chart]');
  const [timeline, answer] = await Promise.all([
    getJson('/api/timeline' + query({topic: id, from, to})),
    getJson('/api/responsiveness' + query({topic: id, from, to})),
  ]);
  const verdict = card.querySelector('[data-role=verdict]');
  if (answer.ok) {
    verdict.textContent = answer.body.verdict;
    verdict.dataset.verdict = answer.body.verdict;
    verdict.title = `Verdict over ${from} … ${to}: ${answer.body.metrics.episodes ?? answer.body.episodes.length} episodes`;
  } else {
    verdict.textContent = 'verdict unavailable';
    verdict.title = errorText(answer);
  }
  if (!timeline.ok) {
    clear(chart, el('p', {class: 'error'}, 'Timeline unavailable: ' + errorText(timeline)));
    return;
  }
  const buckets = timeline.body.buckets;
  await attentionChart(chart, buckets, 'share', {compact: true, height: 130,
    episodes: answer.ok ? answer.body.episodes : []});
  card.querySelector('[data-role=numbers]').append(timelineTable(buckets, `${card.dataset.label}, ${from} … ${to}`));
}

async function alerts() {
  const summary = document.getElementById('alerts-summary');
  const res = await openAlerts();
  if (!res.available) {
    summary.textContent = res.reason;
    for (const c of cards) {
      const a = c.querySelector('[data-role=alerts]');
      a.textContent = 'alerts not available';
      a.dataset.count = '';
    }
    return;
  }
  const byTopic = new Map();
  for (const a of res.items) byTopic.set(a.topic, (byTopic.get(a.topic) || 0) + 1);
  summary.textContent = '';
  summary.append(`${fmtNumber(res.total)} open alert${res.total === 1 ? '' : 's'} in all. `,
    el('a', {href: '/ui/alerts'}, 'See the alerts'));
  for (const c of cards) {
    const n = byTopic.get(c.dataset.topic) || 0;
    const a = c.querySelector('[data-role=alerts]');
    clear(a, n ? el('a', {href: '/ui/alerts'}, `${n} open alert${n === 1 ? '' : 's'}`) : 'no open alerts');
    a.dataset.count = String(n);
  }
}

Promise.all([health().then(ingestion), alerts(), pool(cards, 2, topic)])
  .finally(() => { document.body.dataset.loaded = 'true'; });
