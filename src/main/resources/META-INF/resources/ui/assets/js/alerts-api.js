// The alerts API (GET /api/alerts, POST /api/alerts/{id}/ack, SSE /api/alerts/stream). A server without
// the alerting feature answers 404: pages then say so instead of failing.
import {errorText, getJson, query, send} from './api.js';

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
      return {available: false, reason: 'Alerts are not available on this server (GET /api/alerts answered 404).'};
    }
    if (!res.ok) return {available: false, reason: 'Alerts could not be loaded: ' + errorText(res)};
    total = res.body.total ?? 0;
    items.push(...(res.body.items || []));
    if (items.length >= total || (res.body.items || []).length === 0) break;
  }
  return {available: true, total, items};
}

export function acknowledge(id) {
  return send('POST', `/api/alerts/${encodeURIComponent(id)}/ack`);
}

/** An alert's explanation as text, whether the server sends a string or an object with a text field. */
export function explanationText(alert) {
  const e = alert.explanation;
  if (e === null || e === undefined) return '';
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && typeof e.text === 'string') return e.text;
  return '';
}

/** The explanation's other values (numbers, dates) as [name, value] pairs. */
export function explanationFacts(alert) {
  const e = alert.explanation;
  if (!e || typeof e !== 'object') return [];
  return Object.entries(e).filter(([k, v]) => k !== 'text' && v !== null && typeof v !== 'object');
}
