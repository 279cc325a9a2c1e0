// Sources: the registry with health and "fetch now"; index rebuild and file import with progress bars.
import {errorText, getJson, send, upload} from './api.js';
import {clear, el, fmtInstant, fmtNumber, say, table} from './dom.js';

const status = document.getElementById('sources-status');
const tableBox = document.getElementById('sources-table');

function perDay(h) {
  if (typeof h.documentsPerDay === 'number') return fmtNumber(h.documentsPerDay, 1);
  if (typeof h.documentsLast7Days === 'number') return fmtNumber(h.documentsLast7Days / 7, 1);
  return '–';
}

function healthText(s) {
  const h = s.health || {};
  if (h.suspended) return 'suspended';
  if ((h.consecutiveFailures || 0) > 0) return `failing (${h.consecutiveFailures} in a row)`;
  if (!s.enabled) return 'disabled';
  return h.lastSuccessAt ? 'ok' : 'no fetch yet';
}

function fetchResult(body) {
  const b = body || {};
  const parts = [`${fmtNumber(b.new)} new`, `${fmtNumber(b.duplicates)} duplicates`, `${fmtNumber(b.rejected)} rejected`];
  return parts.join(', ') + (b.error ? `; error: ${b.error}` : '');
}

// The last fetch answer per source, so that it survives the table being drawn again.
const lastAnswers = new Map();

function answer(s, message, text, kind) {
  lastAnswers.set(s.id, {text, kind});
  say(message, text, kind);
}

function fetchButton(s, message) {
  const button = el('button', {type: 'button', class: 'fetch-button', 'aria-label': `Fetch ${s.name || s.id} now`}, 'Fetch now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    say(message, 'Fetching…');
    const res = await send('POST', `/api/sources/${encodeURIComponent(s.id)}/fetch`);
    button.disabled = false;
    if (res.ok) {
      answer(s, message, fetchResult(res.body), res.body && res.body.error ? 'error' : 'ok');
      loadSources();
    } else if (res.cancelled) {
      answer(s, message, 'Not fetched: the API key is needed.', 'error');
    } else if (res.status === 404 || res.status === 405) {
      answer(s, message, 'Fetching on demand is not available on this server (' + errorText(res) + ').', 'error');
    } else {
      answer(s, message, 'Not fetched: ' + errorText(res), 'error');
    }
  });
  return button;
}

async function loadSources() {
  const res = await getJson('/api/sources');
  if (!res.ok) {
    say(status, 'The sources could not be loaded: ' + errorText(res), 'error');
    return;
  }
  const sources = Array.isArray(res.body) ? res.body : (res.body.items || []);
  const failing = sources.filter(s => (s.health || {}).suspended || ((s.health || {}).consecutiveFailures || 0) > 0).length;
  say(status, `${sources.length} source${sources.length === 1 ? '' : 's'}; ${failing} failing or suspended.`, failing ? 'error' : 'ok');
  const rows = sources.map(s => {
    const h = s.health || {};
    const message = el('span', {class: 'fetch-message', role: 'status'});
    if (lastAnswers.has(s.id)) {
      say(message, lastAnswers.get(s.id).text, lastAnswers.get(s.id).kind);
    }
    return [
      el('span', {}, el('strong', {}, s.name || s.id), s.name && s.name !== s.id ? [el('br'), el('code', {}, s.id)] : null),
      `${s.role || '–'}${s.side ? ' · ' + s.side : ''}`,
      [s.type || 'import', s.enabled === false ? ' (disabled)' : ''],
      el('span', {class: 'health', 'data-health': healthText(s)}, healthText(s)),
      fmtNumber(h.documents),
      perDay(h),
      fmtInstant(h.lastSuccessAt),
      fmtInstant(h.nextFetchAt),
      h.lastError ? el('span', {class: 'error'}, h.lastError) : '–',
      el('span', {}, fetchButton(s, message), ' ', message),
    ];
  });
  clear(tableBox, table('Sources, their health and documents', ['Source', 'Role · side', 'Type', 'Health', 'Documents',
    'Per day (7 days)', 'Last success', 'Next fetch', 'Last error', 'Action'], rows, {rowHeaders: true, class: 'data sources'}));
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
    idle: 'No rebuild since the service started.',
    running: `Rebuilding: ${fmtNumber(s.done)} of ${fmtNumber(s.total)} documents (${pct} %), `
      + `${fmtNumber(s.rate, 0)} documents/s` + (s.etaSeconds != null ? `, about ${fmtNumber(s.etaSeconds)} s left.` : '.'),
    done: `Last rebuild finished ${fmtInstant(s.finishedAt)}: ${fmtNumber(s.total)} documents.`,
    failed: `The last rebuild failed: ${s.error || 'unknown error'}.`,
  }[s.state] || `State: ${s.state}`;
  progressText.textContent = text;
  startButton.disabled = s.state === 'running';
}

async function pollReindex() {
  const res = await getJson('/api/admin/reindex');
  if (!res.ok) {
    progressText.textContent = 'Index status unavailable: ' + errorText(res);
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
    progressText.textContent = res.cancelled ? 'Not started: the API key is needed.' : 'Not started: ' + errorText(res);
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
  clear(importResult, `Importing ${file.name}…`);
  const res = await upload('POST', '/api/import', file, 'application/x-ndjson', f => { importBar.value = f; });
  importBar.value = res.ok ? 1 : importBar.value;
  if (!res.ok) {
    clear(importResult, el('p', {class: 'error'}, res.cancelled ? 'Not imported: the API key is needed.'
      : 'Not imported: ' + errorText(res)));
    return;
  }
  const b = res.body || {};
  const errors = (b.errors || []).slice(0, 20);
  clear(importResult,
    el('p', {class: 'ok'}, `${fmtNumber(b.accepted)} accepted, ${fmtNumber(b.duplicates)} duplicates, ${fmtNumber(b.rejected)} rejected.`),
    errors.length ? el('ul', {class: 'errors'}, errors.map(x => el('li', {}, `line ${x.line}: ${x.reason}`))) : null);
  loadSources();
});

Promise.all([loadSources(), pollReindex()]).finally(() => { document.body.dataset.loaded = 'true'; });
