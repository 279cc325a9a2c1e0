// Topic page: attention of both sides on one axis, public tone beneath, episodes and responses;
// downloads of exactly the range shown.
import {errorText, getJson, query} from './api.js';
import {attentionChart, chartsPng, COLORS, timelineTable, toneChart} from './charts.js';
import {clear, el, externalLink, fmtDate, fmtHours, fmtInstant, fmtNumber, fmtShare, fmtTone, say, table} from './dom.js';
import {LANG, t, word} from './i18n.js';

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
  return el('span', {}, el('a', {href: `/ui/documents/${encodeURIComponent(d.id)}`}, d.title || t('documentN', {id: d.id})),
    ` (${d.source}, ${fmtInstant(d.at)}) `, d.url ? externalLink(d.url, t('original')) : null);
}

async function draw() {
  const episodes = answer ? answer.episodes : [];
  root.dataset.draws = String(Number(root.dataset.draws || 0) + 1);
  await attentionChart(attentionTarget, timeline.buckets, measure.value, {episodes, zone: timeline.zone, sync: 'topic',
    height: 340});
  await toneChart(toneTarget, timeline.buckets, {episodes, sync: 'topic', height: 140});
  attentionTarget.setAttribute('aria-label', t(measure.value === 'count' ? 'attentionLabelCount' : 'attentionLabelShare',
    {label, interval: word('interval', timeline.interval), from: fmtDate(timeline.from), to: fmtDate(timeline.to),
      episodes: fmtNumber(episodes.length)}));
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
  const ccf = m.ccf ? t('ccfValue', {days: fmtNumber(m.ccf.peakLagDays), r: fmtNumber(m.ccf.r, 2)}) : '–';
  clear(box,
    el('p', {}, t('verdictLabel') + ' ', el('strong', {class: 'verdict', 'data-verdict': answer.verdict, id: 'verdict-value'},
      word('verdict', answer.verdict)), ' ' + t('verdictFor', {from: fmtDate(answer.from), to: fmtDate(answer.to)})),
    el('p', {class: 'muted'}, word('verdictExplain', answer.verdict)),
    el('dl', {class: 'stats'},
      el('div', {}, el('dt', {}, t('statEpisodes')), el('dd', {}, fmtNumber(m.episodes))),
      el('div', {}, el('dt', {}, t('statLed')), el('dd', {}, `${fmtNumber(m.publicLed)} / ${fmtNumber(m.governmentLed)}`)),
      el('div', {}, el('dt', {}, t('statResponseRate')), el('dd', {}, m.responseRate == null ? '–' : fmtShare(m.responseRate))),
      el('div', {}, el('dt', {}, t('statMedianLag')), el('dd', {}, m.medianLagHours == null ? t('notReached') : fmtHours(m.medianLagHours))),
      el('div', {}, el('dt', {}, t('statCcf')), el('dd', {}, ccf))));
}

function episodeTable() {
  const box = document.getElementById('episodes');
  if (!answer.episodes.length) {
    clear(box, el('p', {}, t('noEpisodes')));
    return;
  }
  clear(box, el('div', {class: 'table-wrap'}, table(t('episodesCaption', {label, from: fmtDate(answer.from), to: fmtDate(answer.to)}),
    [t('colOnset'), t('colPeak'), t('colEnd'), t('colLedBy'), t('colPublicDocs'), t('colPeakZ'), t('colPublicTone'),
      t('colResponse'), t('colLag'), t('colEvidence')],
    answer.episodes.map(e => [
      fmtDate(e.onset), fmtDate(e.peak), fmtDate(e.end),
      word('led', e.ledBy) + (e.kind ? ` (${word('kind', e.kind)})` : ''),
      fmtNumber(e.publicCount), fmtNumber(e.peakScore, 1), fmtTone(e.publicTone),
      e.response ? docLink(e.response) : e.announcement ? docLink(e.announcement)
        : e.ledBy === 'public' ? t('noneWatched', {hours: fmtHours(e.censoredAtHours)}) : '–',
      e.response ? fmtHours(e.response.lagHours) : '–',
      e.evidence && e.evidence.length ? el('ul', {class: 'evidence'}, e.evidence.map(d => el('li', {}, docLink(d)))) : '–',
    ]), {rowHeaders: true, class: 'data episodes-table'})));
}

/** The topic's events in the range shown (GET /api/events), titles in the page's language, with language badges. */
async function eventList() {
  const box = document.getElementById('events');
  const res = await getJson('/api/events' + query({topic, from: timeline.from, to: timeline.to, lang: LANG, size: 20}));
  if (!res.ok) {
    clear(box, el('p', {class: 'error'}, t('eventsNotLoaded', {error: errorText(res)})));
    return;
  }
  if (!res.body.items.length) {
    clear(box, el('p', {}, t('noEvents')));
    return;
  }
  clear(box, el('div', {class: 'table-wrap'}, table(
    t('eventsCaption', {label, from: fmtDate(timeline.from), to: fmtDate(timeline.to), n: fmtNumber(res.body.total)}),
    [t('colEvent'), t('colLanguages'), t('colReports'), t('colFirstLast')],
    res.body.items.map(e => [
      el('span', {lang: e.titleLanguage || undefined, 'data-event': String(e.id)}, e.title || '–'),
      el('span', {class: 'languages'}, e.languages.map(l => el('span', {class: 'badge badge-lang', lang: l, title: l}, l.toUpperCase()))),
      fmtNumber(e.documents),
      `${fmtInstant(e.first)} – ${fmtInstant(e.last)}`,
    ]), {rowHeaders: true, class: 'data events-table'})));
}

async function load() {
  const range = {topic, from: root.dataset.from, to: root.dataset.to, interval: root.dataset.interval};
  const res = await getJson('/api/timeline' + query(range));
  if (!res.ok) {
    say(status, t('timelineNotLoaded', {error: errorText(res)}), 'error');
    return;
  }
  timeline = res.body;
  document.getElementById('from').value = timeline.from;
  document.getElementById('to').value = timeline.to;
  const r = await getJson('/api/responsiveness' + query({topic, from: timeline.from, to: timeline.to, zone: timeline.zone}));
  answer = r.ok ? r.body : null;
  await draw();
  const undated = timeline.undateable ? timeline.undateable.public + timeline.undateable.government : 0;
  say(status, t('timelineStatus', {n: fmtNumber(timeline.buckets.length), interval: word('intervals', timeline.interval),
    from: fmtDate(timeline.from), to: fmtDate(timeline.to), zone: timeline.zone})
    + (undated ? ' ' + t('undatedOffAxis', {n: fmtNumber(undated)}) : ''));
  const numbers = document.getElementById('timeline-numbers');
  numbers.querySelector('table')?.remove();
  numbers.append(timelineTable(timeline.buckets, `${label}, ${fmtDate(timeline.from)} – ${fmtDate(timeline.to)}`));
  downloads();
  await eventList();
  if (answer) {
    verdictBox();
    episodeTable();
  } else {
    clear(document.getElementById('verdict'), el('p', {class: 'error'}, t('episodesNotComputed', {error: errorText(r)})));
  }
}

measure.addEventListener('change', () => { if (timeline) draw(); });
// The editor below saved the topic and its history was re-drawn: show the new query's chart.
document.addEventListener('tyndau:topic-saved', e => {
  document.getElementById('saved-query').textContent = e.detail.query;
  load();
});
document.getElementById('download-png').addEventListener('click', () => {
  if (!timeline) return;
  const link = document.getElementById('png-link');
  link.href = chartsPng([attentionTarget, toneTarget], `${label}, ${fmtDate(timeline.from)} – ${fmtDate(timeline.to)}`,
    [{label: t('publicSide'), color: COLORS.public}, {label: t('government'), color: COLORS.government},
      {label: t('publicTone'), color: COLORS.tone}]);
  link.download = `chart-${topic}-${timeline.from}-${timeline.to}.png`;
  link.click();
});

load().finally(() => { document.body.dataset.loaded = 'true'; });
