// Topic page: attention of both sides on one axis, public tone beneath, episodes and responses;
// downloads of exactly the range shown.
import {errorText, getJson, query} from './api.js';
import {attentionChart, chartsPng, COLORS, timelineTable, toneChart} from './charts.js';
import {clear, el, externalLink, fmtHours, fmtInstant, fmtNumber, fmtTone, say, table} from './dom.js';

const root = document.getElementById('topic');
const topic = root.dataset.topic;
const label = root.dataset.label;
const status = document.getElementById('topic-status');
const attentionTarget = document.getElementById('attention-chart');
const toneTarget = document.getElementById('tone-chart');
const measure = document.getElementById('measure');
let timeline = null;
let answer = null;

function docLink(d) {
  if (!d) return '–';
  return el('span', {}, el('a', {href: `/ui/documents/${encodeURIComponent(d.id)}`}, d.title || `document ${d.id}`),
    ` (${d.source}, ${fmtInstant(d.at)}) `, d.url ? externalLink(d.url, 'original') : null);
}

async function draw() {
  const episodes = answer ? answer.episodes : [];
  await attentionChart(attentionTarget, timeline.buckets, measure.value, {episodes, zone: timeline.zone, sync: 'topic',
    height: 340});
  await toneChart(toneTarget, timeline.buckets, {episodes, sync: 'topic', height: 140});
  const what = measure.value === 'count' ? 'number of documents' : 'share of each side\'s documents';
  attentionTarget.setAttribute('aria-label', `${label}: ${what} per ${timeline.interval}, public side and government, `
    + `${timeline.from} to ${timeline.to}; ${episodes.length} episodes shaded. The numbers are in the table below.`);
}

function downloads() {
  const range = {topic, from: timeline.from, to: timeline.to, interval: timeline.interval, zone: timeline.zone};
  const name = `timeline-${topic}-${timeline.from}-${timeline.to}-${timeline.interval}`;
  const csv = document.getElementById('download-csv');
  csv.href = '/api/timeline' + query({...range, format: 'csv'});
  csv.download = name + '.csv';
  const json = document.getElementById('download-json');
  if (json.href.startsWith('blob:')) URL.revokeObjectURL(json.href);
  json.href = URL.createObjectURL(new Blob([JSON.stringify(timeline, null, 2)], {type: 'application/json'}));
  json.download = name + '.json';
  const episodes = {topic, from: timeline.from, to: timeline.to, zone: timeline.zone};
  const ecsv = document.getElementById('download-episodes-csv');
  ecsv.href = '/api/export/episodes' + query({...episodes, format: 'csv'});
  ecsv.download = `episodes-${topic}-${timeline.from}-${timeline.to}.csv`;
  const ejson = document.getElementById('download-episodes-json');
  ejson.href = '/api/export/episodes' + query({...episodes, format: 'json'});
  ejson.download = `episodes-${topic}-${timeline.from}-${timeline.to}.json`;
}

function verdictBox() {
  const box = document.getElementById('verdict');
  const m = answer.metrics || {};
  const ccf = m.ccf ? `${m.ccf.peakLagDays} days (r = ${Number(m.ccf.r).toFixed(2)})` : '–';
  clear(box,
    el('p', {}, 'Verdict: ', el('strong', {class: 'verdict', 'data-verdict': answer.verdict, id: 'verdict-value'}, answer.verdict),
      ` for ${answer.from} … ${answer.to}.`),
    el('dl', {class: 'stats'},
      el('div', {}, el('dt', {}, 'Episodes'), el('dd', {}, fmtNumber(m.episodes))),
      el('div', {}, el('dt', {}, 'Public-led / government-led'), el('dd', {}, `${fmtNumber(m.publicLed)} / ${fmtNumber(m.governmentLed)}`)),
      el('div', {}, el('dt', {}, 'Response rate'), el('dd', {}, m.responseRate == null ? '–' : Math.round(m.responseRate * 100) + ' %')),
      el('div', {}, el('dt', {}, 'Median lag (censored kept)'), el('dd', {}, m.medianLagHours == null ? 'not reached' : fmtHours(m.medianLagHours))),
      el('div', {}, el('dt', {}, 'Cross-correlation peak'), el('dd', {}, ccf))));
}

function episodeTable() {
  const box = document.getElementById('episodes');
  if (!answer.episodes.length) {
    clear(box, el('p', {}, 'No episode in this range.'));
    return;
  }
  clear(box, el('div', {class: 'table-wrap'}, table(`Episodes of ${label}, ${answer.from} … ${answer.to}`,
    ['Onset', 'Peak', 'End', 'Led by', 'Public documents', 'Peak z', 'Public tone', 'Response or announcement', 'Lag',
      'Evidence (public documents of the peak day)'],
    answer.episodes.map(e => [
      e.onset, e.peak, e.end,
      e.ledBy + (e.kind ? ` (${e.kind})` : ''),
      fmtNumber(e.publicCount), Number(e.peakScore).toFixed(1), fmtTone(e.publicTone),
      e.response ? docLink(e.response) : e.announcement ? docLink(e.announcement)
        : e.ledBy === 'public' ? `none (watched ${fmtHours(e.censoredAtHours)})` : '–',
      e.response ? fmtHours(e.response.lagHours) : '–',
      e.evidence && e.evidence.length ? el('ul', {class: 'evidence'}, e.evidence.map(d => el('li', {}, docLink(d)))) : '–',
    ]), {rowHeaders: true, class: 'data episodes-table'})));
}

async function load() {
  const range = {topic, from: root.dataset.from, to: root.dataset.to, interval: root.dataset.interval};
  const t = await getJson('/api/timeline' + query(range));
  if (!t.ok) {
    say(status, 'The timeline could not be loaded: ' + errorText(t), 'error');
    return;
  }
  timeline = t.body;
  document.getElementById('from').value = timeline.from;
  document.getElementById('to').value = timeline.to;
  const r = await getJson('/api/responsiveness' + query({topic, from: timeline.from, to: timeline.to, zone: timeline.zone}));
  answer = r.ok ? r.body : null;
  await draw();
  const undated = timeline.undateable ? timeline.undateable.public + timeline.undateable.government : 0;
  say(status, `${timeline.buckets.length} ${timeline.interval}s from ${timeline.from} to ${timeline.to} (days begin in ${timeline.zone})`
    + (undated ? `; ${undated} undateable documents are not on the axis.` : '.'));
  const numbers = document.getElementById('timeline-numbers');
  numbers.querySelector('table')?.remove();
  numbers.append(timelineTable(timeline.buckets, `${label}, ${timeline.from} … ${timeline.to}, per ${timeline.interval}`));
  downloads();
  if (answer) {
    verdictBox();
    episodeTable();
  } else {
    clear(document.getElementById('verdict'), el('p', {class: 'error'}, 'Episodes could not be computed: ' + errorText(r)));
  }
}

measure.addEventListener('change', () => { if (timeline) draw(); });
document.getElementById('download-png').addEventListener('click', () => {
  if (!timeline) return;
  const link = document.getElementById('png-link');
  link.href = chartsPng([attentionTarget, toneTarget], `${label}, ${timeline.from} … ${timeline.to}`,
    [{label: 'public side', color: COLORS.public}, {label: 'government', color: COLORS.government},
      {label: 'public tone', color: COLORS.tone}]);
  link.download = `chart-${topic}-${timeline.from}-${timeline.to}.png`;
  link.click();
});

load().finally(() => { document.body.dataset.loaded = 'true'; });
