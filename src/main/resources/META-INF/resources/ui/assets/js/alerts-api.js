// The alerts API (GET /api/alerts, POST /api/alerts/{id}/ack, SSE /api/alerts/stream). A server without
// the alerting feature answers 404: pages then say so instead of failing.
import {errorText, getJson, query, send} from './api.js';
import {t, word} from './i18n.js';
import {fmtDate, fmtHours, fmtInstant, fmtNumber} from './dom.js';

const PAGE = 200;
const MAX_PAGES = 20;

/** Every open alert: {available, reason, total, items}. */
export async function openAlerts() {
  return listAlerts('new', MAX_PAGES);
}

/** Alerts with the given status ('' for all), newest pages first: {available, reason, total, items}. */
export async function listAlerts(status, pages = 1) {
  const items = [];
  let total = 0;
  for (let page = 1; page <= pages; page++) {
    const res = await getJson('/api/alerts' + query({status, page, size: PAGE}));
    if (res.status === 404) {
      return {available: false, reason: t('alertsNotOnServer')};
    }
    if (!res.ok) return {available: false, reason: t('alertsNotLoaded', {error: errorText(res)})};
    total = res.body.total ?? 0;
    items.push(...(res.body.items || []));
    if (items.length >= total || (res.body.items || []).length === 0) break;
  }
  return {available: true, total, items};
}

export function acknowledge(id) {
  return send('POST', `/api/alerts/${encodeURIComponent(id)}/ack`);
}

/**
 * An alert's explanation as a sentence in the page's language, built from its numbers; the server's own
 * sentence (English, citing documents by title) on an English page or for a kind without one.
 */
export function explanationText(alert, topicLabel) {
  const english = typeof alert.explanation === 'string' ? alert.explanation : '';
  const e = alert.numbers;
  if (!e || typeof e !== 'object' || document.documentElement.lang === 'en') return english;
  const topic = topicLabel || alert.topic || '';
  const v = {topic, n: fmtNumber(e.publicCount ?? e.documents), onset: fmtDate(e.onset), end: fmtDate(e.end),
    peak: fmtDate(e.peak), z: fmtNumber(e.peakScore, 1), first: fmtInstant(e.firstPublicAt ?? e.firstPublished),
    last: fmtInstant(e.lastPublished), lag: fmtHours(e.lagHours), days: fmtNumber(e.days), deadline: fmtInstant(e.deadline),
    announced: fmtInstant(e.announcedAt), reaction: fmtDate(e.reactionOnset), windowHours: fmtHours(e.windowHours)};
  switch (alert.kind) {
    case 'sensitive-announcement':
      return e.documents === 1 ? t('explainAnnouncementOne', v) : t('explainAnnouncementMany', v);
    case 'public-surge':
      return t('explainSurge', v) + ' ' + (e.answered ? t('explainAnswered', v) : t('explainNotAnswered'));
    case 'unanswered':
      return t('explainUnanswered', v) + ' ' + (e.response ? t('explainAnswered', {lag: fmtHours(e.response.lagHours)})
        : t('explainStillUnanswered'));
    case 'trial-balloon':
      return t('explainBalloon', v);
    case 'new-match':
      return t(e.documents === 1 ? 'explainNewMatchOne' : 'explainNewMatchMany', {...v, n: fmtNumber(e.documents),
        name: e.savedSearchName || e.savedSearch || ''});
    default:
      return english;
  }
}

/** The alert's numbers (counts, dates, thresholds) as [name in the page's language, value] pairs. */
export function explanationFacts(alert) {
  const e = alert.numbers;
  if (!e || typeof e !== 'object') return [];
  return Object.entries(e).filter(([k, v]) => v !== null && typeof v !== 'object' && k !== 'savedSearchName')
    .map(([k, v]) => [word('fact', k), typeof v === 'number' ? fmtNumber(v, Number.isInteger(v) ? 0 : 2)
      : typeof v === 'boolean' ? word('bool', String(v))
        : /^\d{4}-\d{2}-\d{2}T/.test(v) ? fmtInstant(v) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v]);
}
