// Search: the form is a plain GET form (bookmarkable); this fills it from the address, asks /api/search
// and shows hits with their highlighted snippets, facets that narrow the search, and pages.
import {errorText, getJson, query} from './api.js';
import {clear, el, externalLink, fmtInstant, fmtNumber, fmtTone, markedHtml, say} from './dom.js';

const FIELDS = ['q', 'topic', 'side', 'role', 'lang', 'source', 'from', 'to', 'sort'];
const FACET_PARAM = {topic: 'topic', source: 'source', language: 'lang', side: 'side', role: 'role'};
const FACET_TITLE = {topic: 'Topic', source: 'Source', language: 'Language', side: 'Side', role: 'Role'};
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
  const meta = [h.source, h.side ? `${h.side} side` : null, h.language,
    h.undateable ? 'undateable' : fmtInstant(h.published), `tone ${fmtTone(h.tone)}`].filter(Boolean).join(' · ');
  return el('li', {class: 'hit', 'data-id': h.id},
    el('h2', {class: 'hit-title'}, el('a', {href: `/ui/documents/${encodeURIComponent(h.id)}`}, h.title || `document ${h.id}`)),
    el('p', {class: 'hit-meta'}, meta),
    h.snippet ? el('p', {class: 'snippet'}, markedHtml(h.snippet)) : null,
    el('p', {class: 'hit-links'},
      h.topics && h.topics.length ? el('span', {class: 'topics'}, 'Topics: ',
        h.topics.map((t, i) => [i ? ', ' : '', el('a', {href: `/ui/topics/${encodeURIComponent(t)}`}, t)])) : null,
      h.url ? [' ', externalLink(h.url, 'original')] : null));
}

function facets(answer, p) {
  const box = document.getElementById('facets');
  const groups = [];
  const active = Object.entries(FACET_PARAM).filter(([, param]) => p[param]);
  if (active.length || p.from || p.to) {
    groups.push(el('section', {class: 'facet'}, el('h2', {}, 'Active filters'),
      el('ul', {}, [...active.map(([name, param]) => el('li', {}, `${FACET_TITLE[name]}: ${p[param]} `,
        el('a', {href: href({[param]: ''}), 'aria-label': `Remove the ${FACET_TITLE[name]} filter ${p[param]}`}, 'remove'))),
      p.from || p.to ? el('li', {}, `Dates: ${p.from || '…'} – ${p.to || '…'} `,
        el('a', {href: href({from: '', to: ''})}, 'remove')) : null])));
  }
  for (const [name, counts] of Object.entries(answer.facets || {})) {
    const param = FACET_PARAM[name];
    const entries = Object.entries(counts || {}).slice(0, 12);
    if (!param || !entries.length) continue;
    groups.push(el('section', {class: 'facet', 'data-facet': name}, el('h2', {}, FACET_TITLE[name] || name),
      el('ul', {}, entries.map(([value, n]) => el('li', {},
        p[param] === value ? el('strong', {}, value) : el('a', {href: href({[param]: value})}, value),
        ' ', el('span', {class: 'count'}, `(${fmtNumber(n)})`))))));
  }
  clear(box, groups.length ? groups : el('p', {class: 'muted'}, 'No facets.'));
}

function pager(answer, p) {
  const nav = document.getElementById('pager');
  const pages = Math.max(1, Math.ceil(answer.total / SIZE));
  const items = [];
  if (p.page > 1) items.push(el('a', {href: href({page: p.page - 1}), rel: 'prev'}, '← previous'));
  items.push(el('span', {}, ` page ${p.page} of ${fmtNumber(pages)} `));
  if (p.page < pages) items.push(el('a', {href: href({page: p.page + 1}), rel: 'next'}, 'next →'));
  clear(nav, items);
}

async function run() {
  const p = current();
  fillForm(p);
  say(status, 'Searching…');
  const res = await getJson('/api/search' + query({...p, size: SIZE}));
  const results = document.getElementById('results');
  if (!res.ok) {
    clear(results);
    clear(document.getElementById('facets'));
    clear(document.getElementById('pager'));
    say(status, (res.status === 400 ? 'The query cannot be run: ' : 'Search failed: ') + errorText(res), 'error');
    return;
  }
  const a = res.body;
  say(status, `${fmtNumber(a.total)} document${a.total === 1 ? '' : 's'} match`
    + (p.q ? ` “${p.q}”` : '') + (a.sort ? `, ordered by ${a.sort}` : '') + '.', 'ok');
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

run().finally(() => { document.body.dataset.loaded = 'true'; });
