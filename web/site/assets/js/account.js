import { ApiError, request, retryAfter, toLogin } from '/assets/js/api.js';
import { byId, offerDownload, say } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';
import { clearSession, currentToken, endSession } from '/assets/js/session.js';

/** The name the export is saved under: the API's own (its Content-Disposition). */
const EXPORT_FILE = 'medicarewizard-my-data.json';

/**
 * "Your data" on My bookings: download everything the center holds about the patient, or delete the
 * account. Both ask for the password again; a wrong one is said here and keeps the patient logged in
 * (the API answers it 401 `invalid-credentials`, unlike a token it no longer takes).
 */
export function setUpYourData() {
  const status = byId('account-status');
  const dialog = byId('erase-dialog');
  byId('export-form').addEventListener('submit', event => {
    event.preventDefault();
    exportData(status);
  });
  byId('erase-open').addEventListener('click', () => {
    byId('erase-form').reset();
    say(byId('erase-error'), '');
    dialog.showModal();
    byId('erase-password').focus();
  });
  byId('erase-keep').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => byId('erase-open').focus());
  byId('erase-form').addEventListener('submit', event => {
    event.preventDefault();
    erase();
  });
}

async function exportData(status) {
  const error = byId('export-error');
  const password = checkedPassword('export-password', error);
  if (password === null) return;
  say(status, '');
  const response = await confirmed('/api/v1/me/export', password, error, 'export-submit', { raw: true });
  if (!response) return;
  offerDownload(await response.blob(), EXPORT_FILE);
  byId('export-password').value = '';
  say(status, t('account.exported', { file: EXPORT_FILE }));
}

async function erase() {
  const error = byId('erase-error');
  const password = checkedPassword('erase-password', error);
  if (password === null) return;
  const understood = byId('erase-understood');
  understood.setAttribute('aria-invalid', String(!understood.checked));
  if (!understood.checked) {
    fail(error, t('account.notUnderstood'), understood);
    return;
  }
  say(error, t('account.erasing'));
  if (await confirmed('/api/v1/me/erasure', password, error, 'erase-yes') === undefined) return;
  // every tab of this browser logs out: the account is gone
  endSession();
  location.replace('/login?reason=account-erased');
}

function checkedPassword(id, error) {
  const field = byId(id);
  const missing = field.value === '';
  field.setAttribute('aria-invalid', String(missing));
  if (missing) {
    fail(error, t('account.missingPassword'), field);
    return null;
  }
  say(error, '');
  return field.value;
}

/**
 * Sends the password to {@code path} as the logged-in patient; answers the API's answer (null for a
 * 204), or undefined after saying in {@code error} why not. A token the API no longer takes ends the
 * session, as on every page.
 */
async function confirmed(path, password, error, buttonId, options = {}) {
  const token = await currentToken();
  if (!token) {
    toLogin('login-required');
    return undefined;
  }
  const button = byId(buttonId);
  button.disabled = true;
  try {
    return await request(path, { ...options, method: 'POST', body: { password }, token });
  } catch (e) {
    refused(e, error);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

function refused(e, error) {
  if (e instanceof ApiError && e.status === 401 && e.problem.code !== 'invalid-credentials') {
    clearSession();
    toLogin('expired');
    return;
  }
  const seconds = retryAfter(e);
  if (e instanceof ApiError && e.status === 401) {
    fail(error, t('account.wrongPassword'));
  } else if (e instanceof ApiError && e.status === 429 && seconds !== null) {
    fail(error, t('account.throttled', { seconds }));
  } else if (seconds !== null) {
    fail(error, t('account.busy'));
  } else {
    fail(error, t('common.unavailable'));
  }
}

function fail(error, text, field) {
  say(error, text);
  (field || error).focus();
}
