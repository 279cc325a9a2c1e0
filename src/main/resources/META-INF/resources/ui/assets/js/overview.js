// Overview: ingestion health first, then each topic's recent attention, verdict and open alerts.
import {errorText, getJson, query} from './api.js';
import {attentionChart, timelineTable, volumeChart} from './charts.js';
import {clear, el, fmtDate, fmtInstant, fmtNumber, pool, table} from './dom.js';
import {t, word} from './i18n.js';
import {openAlerts} from './alerts-api.js';

const root = document.getElementById('overview');
const from = root.dataset.from;
const to = root.dataset.to;
const wholeFrom = root.dataset.wholeFrom;
const wholeTo = root.dataset.wholeTo;
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
    clear(box, el('p', {class: 'error'}, t('healthUnavailable', {error: errorText(res)})));
    return;
  }
  const sources = Array.isArray(res.body) ? res.body : (res.body.items || []);
  const failing = sources.filter(sourceFailing);
  const rates = sources.map(perDay).filter(v => v !== null);
  const successes = sources.map(s => (s.health || {}).lastSuccessAt).filter(Boolean).sort();
  const last = successes.length ? successes[successes.length - 1] : null;
  const stats = el('dl', {class: 'stats'},
    el('div', {}, el('dt', {}, t('statSources')), el('dd', {}, fmtNumber(sources.length))),
    el('div', {class: failing.length ? 'bad' : 'good', 'data-role': 'failing'},
      el('dt', {}, t('statFailing')), el('dd', {}, fmtNumber(failing.length))),
    el('div', {}, el('dt', {}, t('statPerDay')),
      el('dd', {}, rates.length ? fmtNumber(rates.reduce((a, b) => a + b, 0), 1) : '–')),
    el('div', {}, el('dt', {}, t('statLastSuccess')), el('dd', {}, last ? fmtInstant(last) : t('noFetchYet'))));
  const parts = [stats];
  if (failing.length) {
    parts.push(el('p', {}, t('failingSources')),
      el('ul', {class: 'failing'}, failing.map(s => el('li', {},
        el('a', {href: '/ui/sources'}, s.name || s.id), ': ',
        (s.health || {}).suspended ? t('suspended') + '; ' : '',
        t('failuresInARow', {n: fmtNumber((s.health || {}).consecutiveFailures || 0)}),
        (s.health || {}).lastError ? ` — ${(s.health || {}).lastError}` : ''))));
  }
  parts.push(el('p', {}, el('a', {href: '/ui/sources'}, t('allSources'))));
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
    el('dt', {}, t('statRecent')),
    el('dd', {}, `${fmtNumber(recent, 1)} (${fmtNumber(usual, 1)})`));
  if (stats) stats.append(item);
  if (dropped) {
    document.getElementById('health').append(el('p', {class: 'error', role: 'alert'},
      t('ingestionDropped')));
  }
}

// Every card's numbers in one request (GET /api/overview); each part below reads its own piece of the answer.
const overview = getJson('/api/overview' + query({from, to, wholeFrom, wholeTo}));

/** A piece of the overview as an answer of its own: {ok, body} or the overview's error. */
async function part(pick) {
  const res = await overview;
  if (!res.ok) return res;
  const body = pick(res.body);
  return body ? {ok: true, status: res.status, body} : {ok: false, status: 404, body: null, error: 'missing'};
}

async function ingestion() {
  const res = await part(o => o.documents);
  const target = document.getElementById('ingestion-chart');
  const numbers = document.getElementById('ingestion-numbers');
  if (!res.ok) {
    clear(target, el('p', {class: 'error'}, t('ingestionUnavailable', {error: errorText(res)})));
    return;
  }
  const buckets = res.body.buckets;
  await volumeChart(target, buckets, {height: 150});
  recentVolume(buckets);
  numbers.append(table(t('ingestionTable'), [t('colDate'), t('colPublic'), t('colGovernment')],
    buckets.map(b => [fmtDate(b.date), fmtNumber(b.public.count), fmtNumber(b.government.count)]),
    {rowHeaders: true, class: 'data numbers-table'}));
}

/** The verdict over a range into a card's slot: the word in the page's language, the machine value in data-verdict. */
function showVerdict(slot, answer, range) {
  if (answer.ok) {
    slot.textContent = word('verdict', answer.body.verdict);
    slot.dataset.verdict = answer.body.verdict;
    slot.title = t('verdictTitle', {from: fmtDate(range.from), to: fmtDate(range.to),
      episodes: fmtNumber(answer.body.metrics.episodes ?? answer.body.episodes.length)});
  } else {
    slot.textContent = t('verdictUnavailable');
    slot.title = errorText(answer);
  }
}

async function topic(card) {
  const id = card.dataset.topic;
  const chart = card.querySelector('[data-role=chart]');
  const cardOf = o => o.topics.find(c => c.topic.id === id);
  const [timeline, answer, whole] = await Promise.all([
    part(o => cardOf(o)?.timeline),
    part(o => cardOf(o)?.recent),
    part(o => cardOf(o)?.whole),
  ]);
  showVerdict(card.querySelector('[data-role=verdict]'), answer, {from, to});
  showVerdict(card.querySelector('[data-role=verdict-whole]'), whole, {from: wholeFrom, to: wholeTo});
  if (!timeline.ok) {
    clear(chart, el('p', {class: 'error'}, t('timelineUnavailable', {error: errorText(timeline)})));
    return;
  }
  const buckets = timeline.body.buckets;
  await attentionChart(chart, buckets, 'share', {compact: true, height: 130,
    episodes: answer.ok ? answer.body.episodes : []});
  card.querySelector('[data-role=numbers]').append(timelineTable(buckets, `${card.dataset.label}, ${fmtDate(from)} – ${fmtDate(to)}`));
}

async function alerts() {
  const summary = document.getElementById('alerts-summary');
  const res = await openAlerts();
  if (!res.available) {
    summary.textContent = res.reason;
    for (const c of cards) {
      const a = c.querySelector('[data-role=alerts]');
      a.textContent = t('alertsUnavailable');
      a.dataset.count = '';
    }
    return;
  }
  const byTopic = new Map();
  for (const a of res.items) byTopic.set(a.topic, (byTopic.get(a.topic) || 0) + 1);
  summary.textContent = '';
  summary.append(t('openAlertsTotal', {n: fmtNumber(res.total)}) + ' ', el('a', {href: '/ui/alerts'}, t('seeAlerts')));
  for (const c of cards) {
    const n = byTopic.get(c.dataset.topic) || 0;
    const a = c.querySelector('[data-role=alerts]');
    clear(a, n ? el('a', {href: '/ui/alerts'}, t('openAlertsCount', {n: fmtNumber(n)})) : t('noOpenAlerts'));
    a.dataset.count = String(n);
  }
}

Promise.all([health().then(ingestion), alerts(), pool(cards, 2, topic)])
  .finally(() => { document.body.dataset.loaded = 'true'; });
