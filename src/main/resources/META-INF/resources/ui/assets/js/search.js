// Search: the form is a plain GET form (bookmarkable); this fills it from the address, asks /api/search
// and shows hits with their highlighted snippets, facets that narrow the search, and pages. Searches can be
// saved under a name (/api/saved-searches), opened, renamed, deleted and made a topic.
import {errorText, getJson, query, send} from './api.js';
import {clear, el, externalLink, fmtInstant, fmtNumber, fmtTone, markedHtml, say} from './dom.js';
import {labelIn, t, word} from './i18n.js';

// The page's parameters; the language filter is "language" here ("lang" chooses the page's own language)
// and "lang" in the API.
const FIELDS = ['q', 'topic', 'side', 'role', 'language', 'source', 'tone', 'from', 'to', 'sort'];
const API_NAME = {language: 'lang'};
const FACET_PARAM = {topic: 'topic', source: 'source', language: 'language', side: 'side', role: 'role', toneLabel: 'tone'};
const FACET_TITLE = {topic: t('facetTopic'), source: t('facetSource'), language: t('facetLanguage'), side: t('facetSide'),
  role: t('facetRole'), toneLabel: t('facetTone')};
// Facet values shown in words of the page's language (the address keeps the machine value).
const FACET_WORDS = {language: 'lang', side: 'side', role: 'role', toneLabel: 'tone'};
const topicLabels = new Map();
const SIZE = 20;

const params = new URLSearchParams(location.search);
const status = document.getElementById('search-status');
const form = document.getElementById('search-form');

function current() {
  const out = {};
  for (const f of FIELDS) out[f] = params.get(f) || '';
  out.page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  return out;
}

function href(changes) {
  const next = {...current(), page: 1, ...changes};
  if (next.page === 1) delete next.page;
  return '/ui/search' + query(next);
}

function fillForm(p) {
  for (const f of FIELDS) {
    const input = form.elements.namedItem(f);
    if (!input) continue;
    if (input.tagName === 'SELECT' && p[f] && ![...input.options].some(o => o.value === p[f])) {
      input.append(el('option', {value: p[f]}, p[f]));
    }
    input.value = p[f];
  }
}

function hit(h) {
  const meta = [h.source, h.side ? word('side', h.side) : null, h.language ? word('lang', h.language) : null,
    h.undateable ? t('undateable') : fmtInstant(h.published),
    t('toneValue', {tone: fmtTone(h.tone)}) + (h.toneLabel ? ` (${word('tone', h.toneLabel)})` : '')].filter(Boolean).join(' · ');
  return el('li', {class: 'hit', 'data-id': h.id},
    el('h2', {class: 'hit-title', lang: h.language || null}, el('a', {href: `/ui/documents/${encodeURIComponent(h.id)}`},
      h.title || t('documentN', {id: h.id}))),
    el('p', {class: 'hit-meta'}, meta),
    h.snippet ? el('p', {class: 'snippet', lang: h.language || null}, markedHtml(h.snippet)) : null,
    el('p', {class: 'hit-links'},
      h.topics && h.topics.length ? el('span', {class: 'topics'}, t('topicsList') + ' ',
        h.topics.map((x, i) => [i ? ', ' : '', el('a', {href: `/ui/topics/${encodeURIComponent(x)}`}, topicLabels.get(x) || x)])) : null,
      h.url ? [' ', externalLink(h.url, t('original'))] : null));
}

function facetValue(name, value) {
  if (name === 'topic') return topicLabels.get(value) || value;
  return FACET_WORDS[name] ? word(FACET_WORDS[name], value) : value;
}

function facets(answer, p) {
  const box = document.getElementById('facets');
  const groups = [];
  const active = Object.entries(FACET_PARAM).filter(([, param]) => p[param]);
  if (active.length || p.from || p.to) {
    groups.push(el('section', {class: 'facet'}, el('h2', {}, t('activeFilters')),
      el('ul', {}, [...active.map(([name, param]) => el('li', {}, `${FACET_TITLE[name]}: ${facetValue(name, p[param])} `,
        el('a', {href: href({[param]: ''}), 'aria-label': t('removeFilterLabel', {facet: FACET_TITLE[name], value: p[param]})},
          t('remove')))),
      p.from || p.to ? el('li', {}, `${t('dates')}: ${p.from || '…'} – ${p.to || '…'} `,
        el('a', {href: href({from: '', to: ''})}, t('remove'))) : null])));
  }
  for (const [name, counts] of Object.entries(answer.facets || {})) {
    const param = FACET_PARAM[name];
    const entries = Object.entries(counts || {}).slice(0, 12);
    if (!param || !entries.length) continue;
    groups.push(el('section', {class: 'facet', 'data-facet': name}, el('h2', {}, FACET_TITLE[name] || name),
      el('ul', {}, entries.map(([value, n]) => el('li', {},
        p[param] === value ? el('strong', {}, facetValue(name, value)) : el('a', {href: href({[param]: value})}, facetValue(name, value)),
        ' ', el('span', {class: 'count'}, `(${fmtNumber(n)})`))))));
  }
  clear(box, groups.length ? groups : el('p', {class: 'muted'}, t('noFacets')));
}

function pager(answer, p) {
  const nav = document.getElementById('pager');
  const pages = Math.max(1, Math.ceil(answer.total / SIZE));
  const items = [];
  if (p.page > 1) items.push(el('a', {href: href({page: p.page - 1}), rel: 'prev'}, '← ' + t('previous')));
  items.push(el('span', {}, ' ' + t('pageOf', {page: fmtNumber(p.page), pages: fmtNumber(pages)}) + ' '));
  if (p.page < pages) items.push(el('a', {href: href({page: p.page + 1}), rel: 'next'}, t('next') + ' →'));
  clear(nav, items);
}

async function run() {
  const p = current();
  fillForm(p);
  say(status, t('searching'));
  const res = await getJson('/api/search' + query({...apiParams(p), page: p.page, size: SIZE}));
  const results = document.getElementById('results');
  if (!res.ok) {
    clear(results);
    clear(document.getElementById('facets'));
    clear(document.getElementById('pager'));
    say(status, t(res.status === 400 ? 'queryCannotRun' : 'searchFailed', {error: errorText(res)}), 'error');
    return;
  }
  const a = res.body;
  say(status, t('documentsMatch', {n: fmtNumber(a.total)}) + (p.q ? ` “${p.q}”` : '')
    + (a.sort ? ` (${word('sort', a.sort)})` : '') + '.', 'ok');
  clear(results, a.items.map(hit));
  results.setAttribute('start', String((p.page - 1) * SIZE + 1));
  facets(a, p);
  pager(a, p);
}

form.addEventListener('submit', e => {
  e.preventDefault();
  const next = {};
  for (const f of FIELDS) next[f] = form.elements.namedItem(f).value.trim();
  location.assign('/ui/search' + query(next));
});

// Saved searches.
const savedList = document.getElementById('saved-list');
const savedStatus = document.getElementById('saved-status');
const saveForm = document.getElementById('save-form');
const FILTERS = ['q', 'topic', 'side', 'role', 'lang', 'source', 'tone', 'from', 'to', 'sort'];

/** The page's parameters under the API's names. */
function apiParams(p) {
  return Object.fromEntries(FIELDS.map(f => [API_NAME[f] || f, p[f]]));
}

// A saved search's filters in words: its field (API name) → the facet it is and how its value reads.
const SAVED_FIELDS = {topic: 'topic', side: 'side', role: 'role', lang: 'language', source: 'source', tone: 'toneLabel'};

function describe(s) {
  const parts = [];
  if (s.q) parts.push(`“${s.q}”`);
  for (const [f, facet] of Object.entries(SAVED_FIELDS)) {
    if (s[f]) parts.push(`${FACET_TITLE[facet]}: ${String(s[f]).split(',').map(v => facetValue(facet, v.trim())).join(', ')}`);
  }
  if (s.from || s.to) parts.push(`${t('dates')}: ${s.from || '…'} – ${s.to || '…'}`);
  if (s.sort) parts.push(word('sort', s.sort));
  return parts.join(' · ') || t('everything');
}

function savedItem(s) {
  const message = el('span', {class: 'saved-message', role: 'status'});
  const rename = el('button', {type: 'button', 'data-action': 'rename'}, t('rename'));
  const remove = el('button', {type: 'button', 'data-action': 'delete'}, t('delete'));
  const topic = s.q ? el('button', {type: 'button', 'data-action': 'topic'}, t('makeTopic')) : null;
  const watch = el('button', {type: 'button', 'data-action': 'watch'}, t('watch'));
  const li = el('li', {class: 'saved-item', 'data-saved': s.id},
    el('a', {href: s.link + (s.link.includes('?') ? '&' : '?') + 'saved=' + encodeURIComponent(s.id), class: 'saved-open'}, s.name),
    ' ', el('span', {class: 'muted'}, describe(s)), ' ',
    el('a', {href: s.api, class: 'muted'}, 'API'), ' ', rename, ' ', remove, ' ', topic, ' ', watch, ' ', message);
  watch.addEventListener('click', async () => {
    // An alert rule of kind new-match: each evaluation raises one alert for the documents new since.
    const id = ('watch-' + s.id).slice(0, 64).replace(/-+$/, '');
    const res = await send('POST', '/api/alert-rules', {body: JSON.stringify({id, kind: 'new-match', label: s.name,
      params: {savedSearch: s.id}}), contentType: 'application/json'});
    // A 409 is "watched already" only when the rule of that id watches this search (else: the limit, or
    // another search whose id begins the same).
    const existing = res.status === 409 ? await getJson(`/api/alert-rules/${encodeURIComponent(id)}`) : null;
    const already = existing && existing.ok && existing.body && existing.body.kind === 'new-match'
      && (existing.body.params || {}).savedSearch === s.id;
    if (res.ok || already) {
      clear(message, (res.ok ? t('watching') : t('watchExists')) + ' ', el('a', {href: '/ui/alerts'}, t('seeAlerts')));
      message.dataset.kind = 'ok';
    } else {
      say(message, res.cancelled ? t('needKey') : errorText(res), 'error');
    }
  });
  rename.addEventListener('click', async () => {
    const name = prompt(t('renamePrompt'), s.name);
    if (name === null || !name.trim()) return;
    const body = {...Object.fromEntries(FILTERS.map(f => [f, s[f] || null])), name: name.trim()};
    const res = await send('PUT', `/api/saved-searches/${encodeURIComponent(s.id)}`,
      {body: JSON.stringify(body), contentType: 'application/json'});
    if (res.ok) loadSaved(t('renamed'));
    else say(message, res.cancelled ? t('needKey') : errorText(res), 'error');
  });
  remove.addEventListener('click', async () => {
    if (!confirm(t('deleteConfirm', {name: s.name}))) return;
    const res = await send('DELETE', `/api/saved-searches/${encodeURIComponent(s.id)}`);
    if (res.ok) loadSaved(t('deleted'));
    else say(message, res.cancelled ? t('needKey') : errorText(res), 'error');
  });
  topic?.addEventListener('click', async () => {
    const res = await send('POST', `/api/saved-searches/${encodeURIComponent(s.id)}/topic`,
      {body: JSON.stringify({}), contentType: 'application/json'});
    if (res.ok && res.body && res.body.id) {
      clear(message, t('topicMade') + ' ', el('a', {href: `/ui/topics/${encodeURIComponent(res.body.id)}`}, labelIn(res.body.label)));
      message.dataset.kind = 'ok';
    } else {
      say(message, res.cancelled ? t('needKey') : errorText(res), 'error');
    }
  });
  return li;
}

async function loadSaved(note) {
  const res = await getJson('/api/saved-searches');
  if (!res.ok) {
    say(savedStatus, t('savedUnavailable', {error: errorText(res)}), 'error');
    return;
  }
  const items = Array.isArray(res.body) ? res.body : [];
  clear(savedList, items.map(savedItem));
  say(savedStatus, (note ? note + ' ' : '') + (items.length ? t('savedCount', {n: fmtNumber(items.length)}) : t('savedNone')),
    note ? 'ok' : '');
}

saveForm.addEventListener('submit', async e => {
  e.preventDefault();
  const name = document.getElementById('save-name').value.trim();
  if (!name) return;
  const p = current();
  const api = apiParams(p);
  const body = {name, ...Object.fromEntries(FILTERS.map(f => [f, api[f] || null]))};
  const res = await send('POST', '/api/saved-searches', {body: JSON.stringify(body), contentType: 'application/json'});
  if (res.ok) {
    document.getElementById('save-name').value = '';
    loadSaved(t('saved', {name}));
  } else {
    say(savedStatus, res.cancelled ? t('needKey') : t('notSaved', {error: errorText(res)}), 'error');
  }
});

async function topicNames() {
  const res = await getJson('/api/topics');
  if (res.ok && Array.isArray(res.body)) for (const x of res.body) topicLabels.set(x.id, labelIn(x.label));
}

topicNames().then(() => Promise.all([run(), loadSaved()])).finally(() => { document.body.dataset.loaded = 'true'; });
