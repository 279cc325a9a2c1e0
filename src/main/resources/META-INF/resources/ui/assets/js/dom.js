import {formatDay, formatNumber, formatPercent, formatUpTo, t} from './i18n.js';

// DOM building and formatting (numbers and dates in the page's language). Everything taken from data goes in as text (textContent / text nodes),
// never as HTML; the one exception is markedHtml(), which rebuilds only text and <mark> from a fragment.

/** el('a', {href: '/x', class: 'y'}, 'text', childNode) */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = String(v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** An http(s) address as given, or null: data never becomes a javascript: or data: link. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  return /^https?:\/\//i.test(u) ? u : null;
}

/** A link to the original when its address is http(s); plain text otherwise. */
export function externalLink(url, label) {
  const href = safeHref(url);
  return href ? el('a', {href, rel: 'noopener noreferrer external'}, label ?? url) : document.createTextNode(label ?? url ?? '');
}

/**
 * The API's highlight fragments are HTML-escaped text with matches in <mark>. They are parsed inert
 * (a <template> runs no script and loads nothing) and rebuilt from text nodes and <mark> only, so even a
 * fragment that broke that promise could not inject markup.
 */
export function markedHtml(fragment) {
  const out = document.createDocumentFragment();
  const t = document.createElement('template');
  t.innerHTML = String(fragment ?? '');
  const walk = (from, into) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) into.append(document.createTextNode(n.nodeValue));
      else if (n.nodeType === Node.ELEMENT_NODE && n.nodeName === 'MARK') {
        const m = document.createElement('mark');
        walk(n, m);
        into.append(m);
      } else if (n.nodeType === Node.ELEMENT_NODE) walk(n, into);
    }
  };
  walk(t.content, out);
  return out;
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function fmtNumber(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return formatNumber(Number(v), digits);
}

export function fmtShare(v) {
  if (v === null || v === undefined) return '–';
  return formatPercent(v, 1);
}

/** A tone with its sign and two decimals in the page's language: "+0.25", "-0,40". */
export function fmtTone(v) {
  if (v === null || v === undefined) return '–';
  return (v > 0 ? '+' : v < 0 ? '-' : '') + formatNumber(Math.abs(Number(v)), 2);
}

/** "2023-02-06" as "6 Feb 2023" in the page's language. */
export function fmtDate(isoDate) {
  if (!isoDate) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate));
  if (!m) return String(isoDate);
  return formatDay(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** An ISO instant as "6 Feb 2023, 14:05 UTC" (the service's data are compared across time zones). */
export function fmtInstant(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return formatDay(d) + ', ' + d.toISOString().slice(11, 16) + ' UTC';
}

export function fmtHours(h) {
  if (h === null || h === undefined) return '–';
  return formatUpTo(Number(h), 1) + '\u00a0' + t('hoursUnit');
}

/** A table from a header row and rows of cells (strings, numbers or nodes). */
export function table(caption, header, rows, opts = {}) {
  return el('table', {class: opts.class || 'data'},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, header.map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map((c, i) => i === 0 && opts.rowHeaders
      ? el('th', {scope: 'row'}, c) : el('td', {}, c))))));
}

/** Status line text (role=status elements); kind is '', 'error' or 'ok'. */
export function say(node, text, kind = '') {
  node.textContent = text;
  node.dataset.kind = kind;
}

/** Runs fn over items with at most n in flight: the service has a few cores and other clients. */
export async function pool(items, n, fn) {
  const queue = [...items];
  const workers = Array.from({length: Math.min(n, queue.length)}, async () => {
    while (queue.length) await fn(queue.shift());
  });
  await Promise.all(workers);
}
