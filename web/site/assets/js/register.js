import { ApiError, request, retryingBusy } from '/assets/js/api.js';
import { byId, h, say } from '/assets/js/dom.js';
import { language, t, tOr } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import { carryNext, nextPage } from '/assets/js/next-page.js';
import { rememberDevice, saveSession } from '/assets/js/session.js';

const FIELDS = ['email', 'password', 'firstName', 'lastName', 'phone', 'taxCode', 'dateOfBirth'];

await setUpPage({ title: 'register.title', current: '/register' });
/** The page the visitor was on when asked to log in (the exam chosen on home), to return to. */
const next = new URLSearchParams(location.search).get('next');
carryNext(next, '/login');
const form = byId('register-form');
const summary = byId('register-errors');
const notice = byId('notice');
/** How many times a call refused as busy (503 with Retry-After: hashing saturated) is sent again. */
const BUSY_RETRIES = 10;

form.addEventListener('submit', async event => {
  event.preventDefault();
  clearErrors();
  const body = Object.fromEntries(FIELDS.map(name => [name, byId(name).value.trim()]));
  body.password = byId('password').value;
  body.language = language;
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await whenNotBusy(() => request('/api/v1/patients', { method: 'POST', body }));
    const session = await whenNotBusy(() => request('/api/v1/auth/token', {
      method: 'POST', body: { email: body.email, password: body.password },
    }));
    saveSession(session);
    await rememberDevice(body.email, session.deviceToken);
    location.assign(nextPage(next, location.origin, '/book'));
  } catch (e) {
    button.disabled = false;
    showErrors(e);
  }
});

/** Both calls hash the password: a 503 busy is retried as the log-in page does, saying so meanwhile. */
function whenNotBusy(send) {
  return retryingBusy(send, {
    retries: BUSY_RETRIES,
    waiting: seconds => say(notice, seconds === null ? '' : t('register.busy', { seconds })),
  });
}

function showErrors(e) {
  const fields = e instanceof ApiError && e.status === 400 && Array.isArray(e.problem.errors)
    ? [...new Set(e.problem.errors.map(error => error.field).filter(f => FIELDS.includes(f)))] : [];
  const reasons = Object.fromEntries(e.problem?.errors?.map(error => [error.field, error.reason]) ?? []);
  const messages = Object.fromEntries(fields.map(field => [field, message(field, reasons[field])]));
  fields.forEach(field => {
    byId(field).setAttribute('aria-invalid', 'true');
    say(byId(`${field}-error`), messages[field]);
  });
  let text = t('common.unavailable');
  if (fields.length) text = t('register.fix');
  else if (e instanceof ApiError && e.status === 409) text = t('register.taken');
  summary.replaceChildren(h('p', {}, text), fields.length
    ? h('ul', {}, ...fields.map(f => h('li', {}, h('a', { href: `#${f}` }, messages[f])))) : '');
  summary.hidden = false;
  summary.focus();
}

function clearErrors() {
  summary.hidden = true;
  FIELDS.forEach(field => {
    byId(field).removeAttribute('aria-invalid');
    say(byId(`${field}-error`), '');
  });
}

/** The message for a refused field: for the password, the rule the server says it broke first. */
function message(field, reason) {
  return tOr(`register.error.${field}.${reason}`, t(`register.error.${field}`));
}
