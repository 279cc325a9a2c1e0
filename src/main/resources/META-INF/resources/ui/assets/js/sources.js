// Sources: the registry with health and "fetch now"; index rebuild and file import with progress bars.
import {errorText, getJson, send, upload} from './api.js';
import {clear, el, fmtInstant, fmtNumber, say, table} from './dom.js';
import {t, word} from './i18n.js';

const status = document.getElementById('sources-status');
const tableBox = document.getElementById('sources-table');

function perDay(h) {
  if (typeof h.documentsPerDay === 'number') return fmtNumber(h.documentsPerDay, 1);
  if (typeof h.documentsLast7Days === 'number') return fmtNumber(h.documentsLast7Days / 7, 1);
  return '–';
}

/** The source's state as a machine value (the cell's data-health); healthText gives it in words. */
function healthState(s) {
  const h = s.health || {};
  if (h.suspended) return 'suspended';
  if ((h.consecutiveFailures || 0) > 0) return 'failing';
  if (!s.enabled) return 'disabled';
  return h.lastSuccessAt ? 'ok' : 'no-fetch-yet';
}

/** The source's state in the page's language. */
function healthText(s) {
  const state = healthState(s);
  return state === 'failing' ? t('healthFailing', {n: fmtNumber((s.health || {}).consecutiveFailures)}) : word('health', state);
}

function fetchResult(body) {
  const b = body || {};
  return t('fetchResult', {new: fmtNumber(b.new), duplicates: fmtNumber(b.duplicates), rejected: fmtNumber(b.rejected)})
    + (b.error ? '; ' + t('errorWas', {error: b.error}) : '');
}

// The last fetch answer per source, so that it survives the table being drawn again.
const lastAnswers = new Map();

function answer(s, message, text, kind) {
  lastAnswers.set(s.id, {text, kind});
  say(message, text, kind);
}

function fetchButton(s, message) {
  const button = el('button', {type: 'button', class: 'fetch-button', 'aria-label': t('fetchNowLabel', {name: s.name || s.id})},
    t('fetchNow'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    say(message, t('fetching'));
    const res = await send('POST', `/api/sources/${encodeURIComponent(s.id)}/fetch`);
    button.disabled = false;
    if (res.ok) {
      answer(s, message, fetchResult(res.body), res.body && res.body.error ? 'error' : 'ok');
      loadSources();
    } else if (res.cancelled) {
      answer(s, message, t('notFetchedNoKey'), 'error');
    } else if (res.status === 404 || res.status === 405) {
      answer(s, message, t('fetchUnavailable', {error: errorText(res)}), 'error');
    } else {
      answer(s, message, t('notFetched', {error: errorText(res)}), 'error');
    }
  });
  return button;
}

async function loadSources() {
  const res = await getJson('/api/sources');
  if (!res.ok) {
    say(status, t('sourcesNotLoaded', {error: errorText(res)}), 'error');
    return;
  }
  const sources = Array.isArray(res.body) ? res.body : (res.body.items || []);
  const failing = sources.filter(s => (s.health || {}).suspended || ((s.health || {}).consecutiveFailures || 0) > 0).length;
  say(status, t('sourcesSummary', {n: fmtNumber(sources.length), failing: fmtNumber(failing)}), failing ? 'error' : 'ok');
  const rows = sources.map(s => {
    const h = s.health || {};
    const message = el('span', {class: 'fetch-message', role: 'status'});
    if (lastAnswers.has(s.id)) {
      say(message, lastAnswers.get(s.id).text, lastAnswers.get(s.id).kind);
    }
    return [
      el('span', {}, el('strong', {}, s.name || s.id), s.name && s.name !== s.id ? [el('br'), el('code', {}, s.id)] : null),
      `${s.role ? word('role', s.role) : '–'}${s.side ? ' · ' + word('side', s.side) : ''}`,
      [s.type || 'import', s.enabled === false ? ` (${word('health', 'disabled')})` : ''],
      el('span', {class: 'health', 'data-health': healthState(s)}, healthText(s)),
      fmtNumber(h.documents),
      perDay(h),
      fmtInstant(h.lastSuccessAt),
      fmtInstant(h.nextFetchAt),
      h.lastError ? el('span', {class: 'error'}, h.lastError) : '–',
      el('span', {}, fetchButton(s, message), ' ', message),
    ];
  });
  clear(tableBox, table(t('sourcesTable'), [t('colSource'), t('colRoleSide'), t('colType'), t('colHealth'), t('colDocuments'),
    t('colPerDay'), t('colLastSuccess'), t('colNextFetch'), t('colLastError'), t('colAction')], rows,
  {rowHeaders: true, class: 'data sources'}));
}

// Index rebuild: GET /api/admin/reindex gives {state, done, total, rate, etaSeconds}.
const progress = document.getElementById('reindex-progress');
const progressText = document.getElementById('reindex-text');
const startButton = document.getElementById('reindex-start');
let polling = null;

function showReindex(s) {
  progress.max = Math.max(1, s.total || 0);
  progress.value = s.state === 'done' ? progress.max : Math.min(s.done || 0, progress.max);
  progress.dataset.state = s.state;
  const pct = s.total ? Math.floor((100 * (s.done || 0)) / s.total) : 0;
  const text = {
    idle: t('reindexIdle'),
    running: t('reindexRunning', {done: fmtNumber(s.done), total: fmtNumber(s.total), pct: fmtNumber(pct), rate: fmtNumber(s.rate, 0)})
      + (s.etaSeconds != null ? ' ' + t('reindexEta', {seconds: fmtNumber(s.etaSeconds)}) : ''),
    done: t('reindexDone', {at: fmtInstant(s.finishedAt), total: fmtNumber(s.total)}),
    failed: t('reindexFailed', {error: s.error || '?'}),
  }[s.state] || s.state;
  progressText.textContent = text;
  startButton.disabled = s.state === 'running';
}

async function pollReindex() {
  const res = await getJson('/api/admin/reindex');
  if (!res.ok) {
    progressText.textContent = t('reindexUnavailable', {error: errorText(res)});
    return;
  }
  showReindex(res.body);
  clearTimeout(polling);
  if (res.body.state === 'running') polling = setTimeout(pollReindex, 1000);
}

startButton.addEventListener('click', async () => {
  startButton.disabled = true;
  const res = await send('POST', '/api/admin/reindex');
  if (res.ok || res.status === 409) {
    if (res.status === 409) progressText.textContent = errorText(res);
    pollReindex();
  } else {
    startButton.disabled = false;
    progressText.textContent = res.cancelled ? t('notStartedNoKey') : t('notStarted', {error: errorText(res)});
  }
});

// Import: the file goes up as one streamed body; the bar follows the bytes sent (the service commits as it reads).
const importForm = document.getElementById('import-form');
const importBar = document.getElementById('import-progress');
const importResult = document.getElementById('import-result');

importForm.addEventListener('submit', async e => {
  e.preventDefault();
  const file = document.getElementById('import-file').files[0];
  if (!file) return;
  importBar.hidden = false;
  importBar.value = 0;
  clear(importResult, t('importing', {name: file.name}));
  const res = await upload('POST', '/api/import', file, 'application/x-ndjson', f => { importBar.value = f; });
  importBar.value = res.ok ? 1 : importBar.value;
  if (!res.ok) {
    clear(importResult, el('p', {class: 'error'}, res.cancelled ? t('notImportedNoKey') : t('notImported', {error: errorText(res)})));
    return;
  }
  const b = res.body || {};
  const errors = (b.errors || []).slice(0, 20);
  clear(importResult,
    el('p', {class: 'ok'}, t('importResult', {accepted: fmtNumber(b.accepted), duplicates: fmtNumber(b.duplicates),
      near: fmtNumber(b.nearDuplicates ?? 0), rejected: fmtNumber(b.rejected)})),
    errors.length ? el('ul', {class: 'errors'}, errors.map(x => el('li', {}, t('lineError', {line: x.line, reason: x.reason})))) : null);
  loadSources();
});

Promise.all([loadSources(), pollReindex()]).finally(() => { document.body.dataset.loaded = 'true'; });
