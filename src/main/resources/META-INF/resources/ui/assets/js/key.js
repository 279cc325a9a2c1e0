// The header's key button: shows whether a key is kept for this session; sets or forgets it.
import {askKey, forgetKey, storedKey} from './api.js';
import {t} from './i18n.js';

const button = document.getElementById('key-button');

function show() {
  const kept = !!storedKey();
  button.textContent = kept ? t('keyKept') : t('keyNotSet');
  button.dataset.kept = String(kept);
}

button.addEventListener('click', async () => {
  if (storedKey()) forgetKey();
  else await askKey(null);
  show();
});
document.addEventListener('tyndau:key', show);
show();
