// The page's language and words. The server renders the page in one language (?lang=, the cookie set by the
// switcher, Accept-Language, English) and puts the scripts' messages in <script id="ui-messages"> as JSON,
// from the same Qute message bundles as the page (tyndau.ui.ScriptMessages). "%name" in a message is a value.

const node = document.getElementById('ui-messages');
let messages = {};
try {
  messages = node ? JSON.parse(node.textContent) : {};
} catch (e) {
  messages = {};
}

/** "en", "kk" or "ru": the language the page was rendered in. */
export const LANG = document.documentElement.lang || 'en';

/** A message with its %values filled in; the key itself when a message is missing (a test keeps them complete). */
export function t(key, values = {}) {
  const m = messages[key];
  if (typeof m !== 'string') return key;
  return m.replace(/%([A-Za-z]+)/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** A machine value (a verdict, a side, a kind) in the page's language, or the value itself when it has no word. */
export function word(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = group + '_' + String(value).replace(/[^A-Za-z0-9]+/g, '_');
  return typeof messages[key] === 'string' ? messages[key] : String(value);
}

// Separators, the percent pattern and month names come from the server (the JDK's CLDR data), since a browser
// may lack a language (Chromium's ICU has no Kazakh): numbers are laid out by Intl in a neutral locale and
// given the language's separators.
const formats = messages._formats || {decimal: '.', group: ',', percent: '#%',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']};
const numberFormats = new Map();

function layout(v, minDigits, maxDigits) {
  const k = minDigits + ':' + maxDigits;
  if (!numberFormats.has(k)) {
    numberFormats.set(k, new Intl.NumberFormat('en-US', {minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits}));
  }
  return numberFormats.get(k).format(v).replace(/[,.]/g, c => (c === ',' ? formats.group : formats.decimal));
}

export function formatNumber(v, digits = 0) {
  return layout(v, digits, digits);
}

/** At most that many decimals: 1.5 h, 2 h. */
export function formatUpTo(v, digits) {
  return layout(v, 0, digits);
}

export function formatPercent(fraction, digits = 1) {
  return formats.percent.replace('#', layout(fraction * 100, 0, digits));
}

/** A month's short name in the page's language (0 = January): "ақп.", "февр.", "Feb". */
export function monthName(index) {
  return formats.months[index];
}

/** A UTC date as "3 ақп. 2023", "3 февр. 2023", "3 Feb 2023" (the same pattern as the server's pages). */
export function formatDay(date) {
  return `${date.getUTCDate()} ${monthName(date.getUTCMonth())} ${date.getUTCFullYear()}`;
}

/** A topic's label from the API (a string, or {kk, ru, en}) in the page's language, else English, else any. */
export function labelIn(label) {
  if (label === null || label === undefined) return '';
  if (typeof label === 'string') return label;
  return label[LANG] || label.en || Object.values(label).find(v => typeof v === 'string' && v) || '';
}
