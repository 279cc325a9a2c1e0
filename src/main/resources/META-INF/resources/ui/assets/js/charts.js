// Charts drawn with uPlot, which the service ships from its own jar (the page names the module's address
// in <html data-chart-script>, read from the WebJar, so no version is repeated here).
// Each chart records in data-points how many points it plotted, from the data it was handed.
import {el, fmtDate, fmtHours, fmtNumber, fmtShare, fmtTone, table} from './dom.js';
import {formatPercent, monthName, t} from './i18n.js';

export const COLORS = {
  public: '#c2410c',
  government: '#1d4ed8',
  tone: '#047857',
  publicEpisode: 'rgba(194, 65, 12, 0.13)',
  governmentEpisode: 'rgba(29, 78, 216, 0.13)',
  response: '#111827',
  grid: 'rgba(0, 0, 0, 0.08)',
  axis: '#374151',
};

const DAY = 86400;
const SMALL_FONT = '11px system-ui, sans-serif';
let library;

export function uPlotLib() {
  library ??= import(document.documentElement.dataset.chartScript).then(m => m.default);
  return library;
}

/** "2023-02-06" as Unix seconds at UTC midnight: buckets are days, drawn on a UTC axis. */
export function daySeconds(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

function isoDay(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Seconds of an instant, placed on the same axis as the day buckets (their wall-clock day in the zone). */
function instantSeconds(iso, zone) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return null;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {timeZone: zone || 'UTC', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(t);
    const p = Object.fromEntries(parts.map(x => [x.type, x.value]));
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) / 1000;
  } catch (e) {
    return t.getTime() / 1000;
  }
}

function font(px, weight = '') {
  return `${weight} ${Math.round(px * devicePixelRatio)}px system-ui, sans-serif`.trim();
}

function baseOptions(uPlot, width, height, extra) {
  return Object.assign({
    width,
    height,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {x: {time: true}},
    cursor: {drag: {x: false, y: false}},
  }, extra);
}

/**
 * Time ticks as "6 Feb" (the year on the first tick and on each new year), or "Feb 2023" when ticks are months
 * apart; month names in the page's language.
 */
function dateTicks(u, splits) {
  const step = splits.length > 1 ? splits[1] - splits[0] : DAY;
  let lastYear = null;
  return splits.map(s => {
    if (s == null) return '';
    const d = new Date(s * 1000);
    const y = d.getUTCFullYear();
    const withYear = y !== lastYear;
    lastYear = y;
    if (step >= 28 * DAY) return `${monthName(d.getUTCMonth())} ${y}`;
    return `${d.getUTCDate()} ${monthName(d.getUTCMonth())}` + (withYear ? `\n${y}` : '');
  });
}

function axis(stroke, extra = {}) {
  return Object.assign({stroke, grid: {stroke: COLORS.grid, width: 1}, ticks: {stroke: COLORS.grid, width: 1}}, extra);
}

function cursor(syncKey) {
  const c = {drag: {x: false, y: false}};
  if (syncKey) c.sync = {key: syncKey};
  return c;
}

function widthOf(target, fallback) {
  return Math.max(240, Math.floor(target.clientWidth || fallback));
}

/** Keeps a chart as wide as its box. */
function follow(target, u, height) {
  // Resizing inside the observer's callback would re-trigger it in the same frame ("ResizeObserver loop"
  // error); the next animation frame is soon enough.
  let pending = false;
  let stopped = false;
  const ro = new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (stopped) return;
      const w = widthOf(target, u.width);
      if (Math.abs(w - u.width) > 2) u.setSize({width: w, height});
    });
  });
  ro.observe(target);
  return () => { stopped = true; ro.disconnect(); };
}

/** Shades episodes (public-led orange, government-led blue) behind the series. */
function shadeEpisodes(u, episodes) {
  const ctx = u.ctx;
  const {left, top, width, height} = u.bbox;
  ctx.save();
  for (const e of episodes) {
    let x0 = u.valToPos(daySeconds(e.onset), 'x', true);
    let x1 = u.valToPos(daySeconds(e.end) + DAY, 'x', true);
    x0 = Math.max(left, x0);
    x1 = Math.min(left + width, x1);
    if (x1 <= x0) continue;
    ctx.fillStyle = e.ledBy === 'government' ? COLORS.governmentEpisode : COLORS.publicEpisode;
    ctx.fillRect(x0, top, Math.max(x1 - x0, 2 * devicePixelRatio), height);
  }
  ctx.restore();
}

/**
 * Where the episode labels go: each label takes the first of a few rows where it overlaps no label already
 * drawn; one that fits nowhere is left out (its episode is still in the table), so labels never overlap.
 */
function labelRows(ctx, left, width, rows) {
  const taken = Array.from({length: rows}, () => []);
  return (text, x) => {
    const w = ctx.measureText(text).width + 8;
    const cx = Math.min(Math.max(x, left + w / 2 + 2), left + width - w / 2 - 2);
    const span = [cx - w / 2, cx + w / 2];
    for (let row = 0; row < rows; row++) {
      if (taken[row].every(([a, b]) => span[1] <= a || span[0] >= b)) {
        taken[row].push(span);
        return {row, x: cx};
      }
    }
    return null;
  };
}

/** From each episode's first public document to its response: an arrow with the lag written on it. */
function drawResponses(u, episodes, zone) {
  const ctx = u.ctx;
  const {left, top, width} = u.bbox;
  const px = devicePixelRatio;
  ctx.save();
  ctx.font = font(11, '600');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  const place = labelRows(ctx, left, width, 4);
  const rowY = row => top + (16 + 15 * row) * px;
  for (const e of episodes) {
    const startIso = e.firstPublicAt || null;
    const s = startIso ? instantSeconds(startIso, zone) : daySeconds(e.onset);
    if (e.response && e.response.at) {
      const r = instantSeconds(e.response.at, zone);
      if (s === null || r === null) continue;
      const x0 = Math.max(left, u.valToPos(s, 'x', true));
      const x1 = Math.min(left + width, Math.max(u.valToPos(r, 'x', true), x0 + 6 * px));
      const text = t('lagToResponse', {lag: fmtHours(e.response.lagHours)});
      const spot = place(text, (x0 + x1) / 2);
      const y = rowY(spot ? spot.row : 0);
      ctx.strokeStyle = COLORS.response;
      ctx.fillStyle = COLORS.response;
      ctx.lineWidth = 1.5 * px;
      ctx.beginPath();
      ctx.arc(x0, y, 2.5 * px, 0, 2 * Math.PI);
      ctx.fill();
      ctx.beginPath();
      ctx.moveTo(x0, y);
      ctx.lineTo(x1, y);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x1, y);
      ctx.lineTo(x1 - 6 * px, y - 4 * px);
      ctx.lineTo(x1 - 6 * px, y + 4 * px);
      ctx.closePath();
      ctx.fill();
      if (spot) label(ctx, text, spot.x, y - 3 * px);
    } else if (e.ledBy === 'public') {
      const x0 = Math.max(left, u.valToPos(daySeconds(e.onset), 'x', true));
      const text = e.censoredAtHours != null ? t('noResponseIn', {hours: fmtHours(e.censoredAtHours)}) : t('noResponse');
      const spot = place(text, x0 + ctx.measureText(text).width / 2);
      if (!spot) continue;
      ctx.fillStyle = COLORS.public;
      label(ctx, text, spot.x, rowY(spot.row));
    } else if (e.announcement && e.announcement.at) {
      const a = instantSeconds(e.announcement.at, zone);
      const x = u.valToPos(a, 'x', true);
      if (x < left || x > left + width) continue;
      ctx.strokeStyle = COLORS.government;
      ctx.fillStyle = COLORS.government;
      ctx.setLineDash([4 * px, 3 * px]);
      ctx.lineWidth = 1.5 * px;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
      const text = e.kind === 'trial-balloon' ? t('announcementReaction') : t('announcement');
      const spot = place(text, x);
      if (spot) label(ctx, text, spot.x, rowY(spot.row));
    }
  }
  ctx.restore();
}

/** A label centred on x (already kept inside the plot), on a light box so it reads over the lines. */
function label(ctx, text, x, y) {
  const w = ctx.measureText(text).width;
  const fill = ctx.fillStyle;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(x - w / 2 - 2, y - 13 * devicePixelRatio, w + 4, 13 * devicePixelRatio);
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
}

const shareAxis = (u, vals) => vals.map(v => v == null ? '' : formatPercent(v, v < 0.1 && v !== 0 ? 1 : 0));
const countAxis = (u, vals) => vals.map(v => v == null ? '' : fmtNumber(v));

/**
 * Public and government attention on one time axis. measure: 'share' or 'count'.
 * opts: {height, episodes, zone, compact, sync}. Returns {chart, points, destroy}.
 */
export async function attentionChart(target, buckets, measure, opts = {}) {
  const uPlot = await uPlotLib();
  const height = opts.height || 320;
  const xs = buckets.map(b => daySeconds(b.date));
  const pick = side => buckets.map(b => measure === 'count' ? b[side].count : b[side].share);
  const fmt = measure === 'count' ? (u, v) => v == null ? '–' : fmtNumber(v) : (u, v) => v == null ? '–' : fmtShare(v);
  const episodes = opts.episodes || [];
  const options = baseOptions(uPlot, widthOf(target, 800), height, {
    legend: {show: !opts.compact, live: true},
    cursor: cursor(opts.sync),
    scales: {x: {time: true}, y: {range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1]}},
    series: [
      {label: t('colDate'), value: (u, v) => v == null ? '–' : fmtDate(isoDay(v))},
      {label: t('publicSideCap'), stroke: COLORS.public, width: 2, value: fmt, points: {show: false}},
      {label: t('governmentCap'), stroke: COLORS.government, width: 2, value: fmt, points: {show: false}},
    ],
    axes: [
      axis(COLORS.axis, opts.compact ? {space: 70, size: 40, font: SMALL_FONT, values: dateTicks} : {values: dateTicks, size: 48}),
      axis(COLORS.axis, Object.assign({values: measure === 'count' ? countAxis : shareAxis, size: opts.compact ? 44 : 56},
        opts.compact ? {font: SMALL_FONT} : {})),
    ],
    hooks: {
      drawClear: [u => shadeEpisodes(u, episodes)],
      draw: [u => { if (!opts.compact) drawResponses(u, episodes, opts.zone); }],
    },
  });
  return mount(uPlot, target, options, [xs, pick('public'), pick('government')], height);
}

/** Documents per day by side: the ingestion behind the attention figures. */
export async function volumeChart(target, buckets, opts = {}) {
  const uPlot = await uPlotLib();
  const height = opts.height || 140;
  const options = baseOptions(uPlot, widthOf(target, 800), height, {
    legend: {show: false},
    scales: {x: {time: true}, y: {range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1]}},
    series: [
      {label: t('colDate')},
      {label: t('publicSideCap'), stroke: COLORS.public, width: 1.5, points: {show: false}},
      {label: t('governmentCap'), stroke: COLORS.government, width: 1.5, points: {show: false}},
    ],
    axes: [axis(COLORS.axis, {space: 70, size: 40, font: SMALL_FONT, values: dateTicks}),
      axis(COLORS.axis, {values: countAxis, size: 44, font: SMALL_FONT})],
  });
  return mount(uPlot, target, options,
    [buckets.map(b => daySeconds(b.date)), buckets.map(b => b.public.count), buckets.map(b => b.government.count)], height);
}

/**
 * The topic editor's preview: documents per bucket the query would count on each side (solid) beside the
 * saved topic's (dashed), on one axis. saved may be null (a new topic).
 */
export async function compareChart(target, drawn, saved, opts = {}) {
  const uPlot = await uPlotLib();
  const height = opts.height || 180;
  const count = (u, v) => v == null ? '–' : fmtNumber(v);
  const series = [
    {label: t('colDate'), value: (u, v) => v == null ? '–' : fmtDate(isoDay(v))},
    {label: t('previewPublic'), stroke: COLORS.public, width: 2, value: count, points: {show: false}},
    {label: t('previewGovernment'), stroke: COLORS.government, width: 2, value: count, points: {show: false}},
  ];
  const data = [drawn.map(b => daySeconds(b.date)), drawn.map(b => b.public.count), drawn.map(b => b.government.count)];
  if (saved) {
    const byDate = new Map(saved.map(b => [b.date, b]));
    series.push({label: t('savedPublic'), stroke: COLORS.public, width: 1.5, dash: [5, 4], value: count, points: {show: false}},
      {label: t('savedGovernment'), stroke: COLORS.government, width: 1.5, dash: [5, 4], value: count, points: {show: false}});
    data.push(drawn.map(b => byDate.get(b.date)?.public.count ?? null), drawn.map(b => byDate.get(b.date)?.government.count ?? null));
  }
  const options = baseOptions(uPlot, widthOf(target, 800), height, {
    legend: {show: true, live: true},
    scales: {x: {time: true}, y: {range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1]}},
    series,
    axes: [axis(COLORS.axis, {space: 70, size: 40, font: SMALL_FONT, values: dateTicks}),
      axis(COLORS.axis, {values: countAxis, size: 44, font: SMALL_FONT})],
  });
  return mount(uPlot, target, options, data, height);
}

/** Mean public tone per bucket, −1 … 1, beneath the attention chart (empty buckets are gaps). */
export async function toneChart(target, buckets, opts = {}) {
  const uPlot = await uPlotLib();
  const height = opts.height || 130;
  const episodes = opts.episodes || [];
  const options = baseOptions(uPlot, widthOf(target, 800), height, {
    legend: {show: true, live: true},
    cursor: cursor(opts.sync),
    scales: {x: {time: true}, y: {range: [-1, 1]}},
    series: [
      {label: t('colDate'), value: (u, v) => v == null ? '–' : fmtDate(isoDay(v))},
      {label: t('publicToneCap'), stroke: COLORS.tone, width: 2, spanGaps: false, value: (u, v) => fmtTone(v),
        points: {show: true, size: 4, fill: COLORS.tone}},
    ],
    axes: [axis(COLORS.axis, {values: dateTicks, size: 48}),
      axis(COLORS.axis, {values: (u, vals) => vals.map(v => fmtTone(v)), size: 56, splits: () => [-1, -0.5, 0, 0.5, 1]})],
    hooks: {
      drawClear: [u => shadeEpisodes(u, episodes)],
      draw: [u => {
        const y = u.valToPos(0, 'y', true);
        u.ctx.save();
        u.ctx.strokeStyle = 'rgba(0,0,0,0.35)';
        u.ctx.lineWidth = devicePixelRatio;
        u.ctx.beginPath();
        u.ctx.moveTo(u.bbox.left, y);
        u.ctx.lineTo(u.bbox.left + u.bbox.width, y);
        u.ctx.stroke();
        u.ctx.restore();
      }],
    },
  });
  return mount(uPlot, target, options,
    [buckets.map(b => daySeconds(b.date)), buckets.map(b => b.public.count > 0 ? b.public.tone : null)], height);
}

function mount(uPlot, target, options, data, height) {
  if (target._chart) target._chart.destroy();
  target.replaceChildren();
  const chart = new uPlot(options, data, target);
  const stop = follow(target, chart, height);
  target._chart = {destroy: () => { stop(); chart.destroy(); }};
  target.dataset.points = String(chart.data[0].length);
  return chart;
}

/** The numbers of a timeline chart, as the text alternative one click away. */
export function timelineTable(buckets, caption) {
  return table(caption, [t('colDate'), t('colPublicOnTopic'), t('colPublicAll'), t('colPublicShare'), t('colPublicTone'),
    t('colGovernmentOnTopic'), t('colGovernmentAll'), t('colGovernmentShare'), t('colGovernmentTone')],
  buckets.map(b => [fmtDate(b.date), fmtNumber(b.public.count), fmtNumber(b.public.all), fmtShare(b.public.share),
    fmtTone(b.public.tone), fmtNumber(b.government.count), fmtNumber(b.government.all), fmtShare(b.government.share),
    fmtTone(b.government.tone)]), {rowHeaders: true, class: 'data numbers-table'});
}

/** The canvases of the given charts stacked into one PNG (white background, a title line on top). */
export function chartsPng(targets, title, legend = []) {
  const canvases = targets.map(t => t.querySelector('canvas')).filter(Boolean);
  const px = devicePixelRatio;
  const head = Math.round(30 * px);
  const w = Math.max(...canvases.map(c => c.width));
  const h = head + canvases.reduce((s, c) => s + c.height, 0);
  const out = el('canvas', {width: w, height: h});
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#111827';
  ctx.font = font(14, '600');
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 10 * px, head / 2);
  ctx.font = font(12);
  let x = w - 10 * px - legend.reduce((s, l) => s + ctx.measureText(l.label).width + 26 * px, 0);
  for (const l of legend) {
    ctx.fillStyle = l.color;
    ctx.fillRect(x, head / 2 - 2 * px, 14 * px, 4 * px);
    ctx.fillStyle = '#111827';
    ctx.fillText(l.label, x + 18 * px, head / 2);
    x += ctx.measureText(l.label).width + 26 * px;
  }
  let y = head;
  for (const c of canvases) {
    ctx.drawImage(c, 0, y);
    y += c.height;
  }
  return out.toDataURL('image/png');
}
