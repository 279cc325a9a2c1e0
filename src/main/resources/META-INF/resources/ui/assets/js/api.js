// Talking to the service's JSON API. Reads are open; writes carry the API key, asked for once in a dialog
// and kept in sessionStorage only (gone when the tab closes). A 401 forgets it and asks again.

import {t} from './i18n.js';

const KEY = 'tyndau.apiKey';

/** {ok, status, body}: body is the parsed JSON, or null. Never throws on HTTP errors. */
export async function getJson(url) {
  try {
    const r = await fetch(url, {headers: {Accept: 'application/json'}});
    return {ok: r.ok, status: r.status, body: await parse(r)};
  } catch (e) {
    return {ok: false, status: 0, body: {error: 'network', detail: t('unreachable')}};
  }
}

async function parse(r) {
  const text = await r.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return {error: 'unreadable answer', detail: text.slice(0, 200)};
  }
}

/** The API's error record {"error","detail"} as one line. */
export function errorText(res) {
  const b = res.body || {};
  if (b.detail && b.error) return `${b.error}: ${b.detail}`;
  return b.detail || b.error || `HTTP ${res.status}`;
}

export function storedKey() {
  return sessionStorage.getItem(KEY);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
  keyChanged();
}

function keyChanged() {
  document.dispatchEvent(new CustomEvent('tyndau:key'));
}

/** Opens the key dialog; resolves to the key entered, or null when cancelled. */
export function askKey(reason) {
  const dialog = document.getElementById('key-dialog');
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  const error = document.getElementById('key-error');
  const cancel = document.getElementById('key-cancel');
  error.hidden = !reason;
  error.textContent = reason || '';
  input.value = '';
  return new Promise(resolve => {
    const done = value => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onSubmit = e => {
      e.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY, key);
      keyChanged();
      done(key);
    };
    const onCancel = e => {
      e.preventDefault();
      done(null);
    };
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    input.focus();
  });
}

/**
 * A write: method and url, optional body and content type. Asks for the key when none is kept;
 * on 401 forgets it and asks again (the user may cancel). {ok, status, body, cancelled}.
 */
export async function send(method, url, {body = null, contentType = null} = {}) {
  let reason = null;
  for (;;) {
    const key = storedKey() || await askKey(reason);
    if (!key) {
      return {ok: false, status: 401, cancelled: true, body: {error: 'unauthorized', detail: t('noKeyGiven')}};
    }
    const headers = {Accept: 'application/json', Authorization: 'Bearer ' + key};
    if (contentType) headers['Content-Type'] = contentType;
    let r;
    try {
      r = await fetch(url, {method, headers, body});
    } catch (e) {
      return {ok: false, status: 0, body: {error: 'network', detail: t('unreachable')}};
    }
    const res = {ok: r.ok, status: r.status, body: await parse(r)};
    if (r.status !== 401) return res;
    forgetKey();
    reason = t('keyRefused');
  }
}

/**
 * An upload with progress (fetch reports none for request bodies): XMLHttpRequest, same key rules as send().
 * onProgress(fraction) is called as bytes leave.
 */
export async function upload(method, url, blob, contentType, onProgress) {
  let reason = null;
  for (;;) {
    const key = storedKey() || await askKey(reason);
    if (!key) {
      return {ok: false, status: 401, cancelled: true, body: {error: 'unauthorized', detail: t('noKeyGiven')}};
    }
    const res = await new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Authorization', 'Bearer ' + key);
      xhr.setRequestHeader('Content-Type', contentType);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = () => {
        let body = null;
        try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { body = null; }
        resolve({ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body});
      };
      xhr.onerror = () => resolve({ok: false, status: 0, body: {error: 'network', detail: t('uploadFailed')}});
      xhr.send(blob);
    });
    if (res.status !== 401) return res;
    forgetKey();
    reason = t('keyRefused');
  }
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
