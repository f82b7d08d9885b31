import { ApiError, request, retryingBusy } from '/assets/js/api.js';
import { byId, say } from '/assets/js/dom.js';
import { t, tOr } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import { carryNext } from '/assets/js/next-page.js';

await setUpPage({ title: 'reset.title', current: '/reset' });
/** The page the patient was on before logging in, carried back to the log-in page once the password is set. */
const next = new URLSearchParams(location.search).get('next');
carryNext(next, '/login');
const requestForm = byId('request-form');
const resetForm = byId('reset-form');
const notice = byId('notice');
/** As the log-in page: setting the password hashes it, and a crowd may keep the hashing busy a while. */
const BUSY_RETRIES = 10;

requestForm.addEventListener('submit', async event => {
  event.preventDefault();
  clear(['email'], byId('request-error'));
  const email = byId('email').value.trim();
  if (!email) return refuse(byId('request-error'), { email: t('register.error.email') });
  await submitting(requestForm, async () => {
    try {
      const answer = await request('/api/v1/auth/password-reset', { method: 'POST', body: { email } });
      showCodeStep(email, Math.round(answer.expiresIn / 60));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) return refuse(byId('request-error'), { email: t('register.error.email') });
      showError(byId('request-error'), requestMessage(e));
    }
  });
});

resetForm.addEventListener('submit', async event => {
  event.preventDefault();
  const error = byId('reset-error');
  clear(['code', 'password'], error);
  const body = { email: byId('email').value.trim(), code: byId('code').value, password: byId('password').value };
  await submitting(resetForm, async () => {
    try {
      await retryingBusy(() => request('/api/v1/auth/password-reset/complete', { method: 'POST', body }), {
        retries: BUSY_RETRIES,
        waiting: seconds => say(notice, seconds === null ? '' : t('login.busy', { seconds })),
      });
      const login = new URL('/login', location.origin);
      login.searchParams.set('reason', 'password-reset');
      if (next) login.searchParams.set('next', next);
      location.assign(login.pathname + login.search);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) return showError(error, t('common.unavailable'));
      if (e.problem?.code === 'invalid-reset-code') return refuse(error, { code: t('reset.error.invalid') });
      const reasons = Object.fromEntries((e.problem?.errors ?? []).map(err => [err.field, err.reason]));
      const fields = {};
      if ('code' in reasons) fields.code = t('reset.error.code');
      if ('password' in reasons) fields.password = tOr(`register.error.password.${reasons.password}`, t('register.error.password'));
      refuse(error, Object.keys(fields).length ? fields : { code: t('reset.error.invalid') });
    }
  });
});

byId('again').addEventListener('click', () => {
  resetForm.hidden = true;
  requestForm.hidden = false;
  byId('email').focus();
});

function showCodeStep(email, minutes) {
  requestForm.hidden = true;
  resetForm.hidden = false;
  byId('code').value = '';
  byId('password').value = '';
  const sent = byId('sent');
  sent.textContent = t('reset.sent', { email, minutes });
  sent.focus();
}

async function submitting(form, work) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

function requestMessage(e) {
  if (!(e instanceof ApiError)) return t('common.unavailable');
  if (e.status === 429) return t('reset.error.tooMany', { seconds: e.headers.get('Retry-After') || '60' });
  if (e.status === 503 && e.problem?.code === 'mail-unavailable') return t('reset.error.mail');
  return t('common.unavailable');
}

/** Marks each refused field with its message, and sums them up in the form's alert. */
function refuse(summary, messages) {
  Object.entries(messages).forEach(([field, text]) => {
    byId(field).setAttribute('aria-invalid', 'true');
    say(byId(`${field}-error`), text);
  });
  showError(summary, Object.values(messages).join(' '));
  byId(Object.keys(messages)[0]).focus();
}

function showError(element, text) {
  say(element, text);
  element.focus();
}

function clear(fields, summary) {
  say(summary, '');
  say(notice, '');
  fields.forEach(field => {
    byId(field).removeAttribute('aria-invalid');
    say(byId(`${field}-error`), '');
  });
}
