// The topic editor (topic page and "new topic"): as the query is typed, and at each pause, POST
// /api/topics/preview shows what it would catch — hits per language and side, samples with highlights, the
// timeline beside the saved topic's — without storing anything. Saving (PUT /api/topics/{id}) needs the API
// key; the topic's history is then re-drawn (GET /api/admin/reindex gives the progress) and the page follows.
import {errorText, getJson, send} from './api.js';
import {compareChart} from './charts.js';
import {clear, el, fmtDate, fmtInstant, fmtNumber, markedHtml, say} from './dom.js';
import {t, word} from './i18n.js';

const PAUSE_MS = 350;
const form = document.getElementById('topic-editor');
const isNew = form.dataset.new === 'true';
const page = document.getElementById('topic');
const idInput = document.getElementById('edit-id');
const queryInput = document.getElementById('edit-query');
const queryError = document.getElementById('edit-query-error');
const saveStatus = document.getElementById('edit-status');
const progress = document.getElementById('redraw-progress');
const previewStatus = document.getElementById('preview-status');
const counts = document.getElementById('preview-counts');
const chart = document.getElementById('preview-chart');
const samples = document.getElementById('preview-samples');
let timer = null;
let asked = 0;
let inFlight = null;

/**
 * The range the preview covers: the topic page's (as shown); on the new-topic page the address's ?from=&to=,
 * else the default (the year up to the newest document), by week.
 */
function range() {
  if (page) return {from: page.dataset.from || null, to: page.dataset.to || null, interval: page.dataset.interval || 'day'};
  const p = new URLSearchParams(location.search);
  return {from: p.get('from') || null, to: p.get('to') || null, interval: p.get('interval') || 'week'};
}

/** "syntax error at line 2, column 7 near 'x'": the query with a caret under that place. */
function showSyntaxError(message) {
  const m = /(?:line (\d+), )?column (\d+)/.exec(message);
  queryInput.setAttribute('aria-invalid', 'true');
  queryError.hidden = false;
  if (!m) {
    queryError.textContent = message;
    return;
  }
  const lineNo = m[1] ? Number(m[1]) : 1;
  const column = Number(m[2]);
  const line = queryInput.value.split('\n')[lineNo - 1] ?? '';
  clear(queryError, t('syntaxErrorAt', {line: lineNo, column}) + ' ' + message,
    el('pre', {class: 'caret', 'aria-hidden': 'true'}, line + '\n' + ' '.repeat(Math.max(0, column - 1)) + '^'));
  queryError.dataset.column = String(column);
  queryError.dataset.line = String(lineNo);
}

function clearError() {
  queryInput.removeAttribute('aria-invalid');
  queryError.hidden = true;
  queryError.textContent = '';
  delete queryError.dataset.column;
}

function countList(title, role, entries, label) {
  return el('div', {'data-role': role}, el('dt', {}, title),
    el('dd', {}, entries.length ? entries.map(([k, n], i) => [i ? ' · ' : '',
      el('span', {'data-key': k, 'data-count': String(n)}, `${label(k)} ${fmtNumber(n)}`)]) : '–'));
}

function showPreview(p) {
  clear(counts,
    el('div', {'data-role': 'total'}, el('dt', {}, t('previewTotal')), el('dd', {'data-count': String(p.total)}, fmtNumber(p.total))),
    countList(t('previewByLanguage'), 'languages', Object.entries(p.byLanguage || {}), k => word('lang', k)),
    countList(t('previewBySide'), 'sides', Object.entries(p.bySide || {}), k => word('side', k)));
  say(previewStatus, t('previewDone', {from: fmtDate(p.from), to: fmtDate(p.to), ms: fmtNumber(p.tookMs)})
    + (p.partial ? ' ' + t('previewPartial') : ''), 'ok');
  clear(samples, Object.entries(p.samples || {}).map(([lang, hits]) => el('section', {class: 'preview-language', 'data-lang': lang},
    el('h4', {}, word('lang', lang), ' ', el('span', {class: 'count'}, `(${fmtNumber((p.byLanguage || {})[lang] || 0)})`)),
    ((p.forms || {})[lang] || []).length ? el('p', {class: 'muted forms', 'data-role': 'forms', lang},
      t('previewForms'), ' ', p.forms[lang].map((f, i) => [i ? ', ' : '',
        el('span', {'data-form': f.form, 'data-count': String(f.documents)}, `${f.form} (${fmtNumber(f.documents)})`)])) : null,
    hits.length ? el('ol', {class: 'results compact'}, hits.map(h => el('li', {class: 'hit', 'data-id': h.id},
      el('a', {href: `/ui/documents/${encodeURIComponent(h.id)}`, lang: h.language || null}, h.title || t('documentN', {id: h.id})),
      el('span', {class: 'muted'}, ` ${h.source} · ${h.undateable ? t('undateable') : fmtInstant(h.published)}`),
      h.snippet ? el('p', {class: 'snippet', lang: h.language || null}, markedHtml(h.snippet)) : null)))
      : el('p', {class: 'muted'}, t('previewNoSamples')))));
  compareChart(chart, p.timeline.buckets, p.saved ? p.saved.buckets : null);
  form.dataset.previewTotal = String(p.total);
}

async function preview() {
  const query = queryInput.value;
  const mine = ++asked; // an answer to an older query, still on its way, is dropped
  if (inFlight) inFlight.abort();
  if (!query.trim()) {
    clearError();
    say(previewStatus, t('previewEmpty'));
    form.dataset.previewTotal = '';
    return;
  }
  inFlight = new AbortController();
  say(previewStatus, t('previewRunning'));
  const body = {query, ...range(), compareTo: isNew ? null : form.dataset.topic};
  let res;
  try {
    const r = await fetch('/api/topics/preview', {method: 'POST', signal: inFlight.signal,
      headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(body)});
    res = {ok: r.ok, status: r.status, body: await r.json().catch(() => null)};
  } catch (e) {
    if (e.name === 'AbortError') return;
    res = {ok: false, status: 0, body: {error: 'network', detail: t('unreachable')}};
  }
  if (mine !== asked) return; // a newer query is on its way
  if (!res.ok) {
    const detail = (res.body && res.body.detail) || errorText(res);
    if (res.status === 400 && /syntax|Lucene|query/.test(detail)) showSyntaxError(detail);
    say(previewStatus, t('previewFailed', {error: detail}), 'error');
    form.dataset.previewTotal = '';
    return;
  }
  clearError();
  showPreview(res.body);
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(preview, PAUSE_MS);
}

/** The labels as the API takes them: one string when one is given, else {kk, ru, en}. */
function labelValue() {
  const given = Object.fromEntries(['kk', 'ru', 'en']
    .map(l => [l, document.getElementById(`edit-label-${l}`).value.trim()]).filter(([, v]) => v));
  const langs = Object.keys(given);
  if (langs.length === 0) return null;
  return langs.length === 1 ? given[langs[0]] : given;
}

async function followRedraw() {
  progress.hidden = false;
  for (let i = 0; i < 600; i++) {
    const res = await getJson('/api/admin/reindex');
    if (!res.ok) break;
    const s = res.body;
    progress.max = Math.max(1, s.total || 0);
    progress.value = s.state === 'done' ? progress.max : Math.min(s.done || 0, progress.max);
    if (s.state !== 'running') break;
    say(saveStatus, t('redrawing', {done: fmtNumber(s.done), total: fmtNumber(s.total)}));
    await new Promise(r => setTimeout(r, 500));
  }
  progress.value = progress.max;
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  const id = idInput.value.trim();
  const label = labelValue();
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) {
    say(saveStatus, t('badId'), 'error');
    idInput.focus();
    return;
  }
  if (!label) {
    say(saveStatus, t('labelNeeded'), 'error');
    document.getElementById('edit-label-en').focus();
    return;
  }
  const body = {id, label, query: queryInput.value.trim(), sensitive: document.getElementById('edit-sensitive').checked};
  say(saveStatus, t('saving'));
  const res = await send('PUT', `/api/topics/${encodeURIComponent(id)}`, {body: JSON.stringify(body), contentType: 'application/json'});
  if (!res.ok) {
    const detail = res.cancelled ? t('needKey') : errorText(res);
    if (res.status === 400 && /column/.test(detail)) showSyntaxError(detail);
    say(saveStatus, t('notSavedTopic', {error: detail}), 'error');
    return;
  }
  // Let the rebuild start before asking for its progress (it begins on the topic change event).
  await new Promise(r => setTimeout(r, 300));
  await followRedraw();
  say(saveStatus, t('topicSaved'), 'ok');
  form.dataset.saved = String(Number(form.dataset.saved || 0) + 1);
  if (isNew) {
    location.assign(`/ui/topics/${encodeURIComponent(id)}`);
  } else {
    document.dispatchEvent(new CustomEvent('tyndau:topic-saved', {detail: {id, query: body.query}}));
    preview();
  }
});

queryInput.addEventListener('input', schedule);
if (!isNew) {
  // The saved topic is the starting point: its preview is drawn when the editor is opened.
  document.getElementById('editor-panel')?.addEventListener('toggle', e => { if (e.target.open && !form.dataset.previewTotal) preview(); });
} else if (queryInput.value.trim()) {
  preview();
}
if (!page) document.body.dataset.loaded = 'true';
