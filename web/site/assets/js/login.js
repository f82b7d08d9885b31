import { ApiError, request, retryingBusy } from '/assets/js/api.js';
import { byId, say } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import { carryNext, nextPage } from '/assets/js/next-page.js';
import { deviceTokenFor, rememberDevice, saveSession } from '/assets/js/session.js';

await setUpPage({ title: 'login.title', current: '/login' });
const params = new URLSearchParams(location.search);
const notices = {
  expired: 'login.expired', 'login-required': 'login.required', 'logged-out': 'login.loggedOut',
  'logged-out-elsewhere': 'login.loggedOutElsewhere', 'password-reset': 'login.passwordReset',
  'account-erased': 'login.accountErased',
};
if (notices[params.get('reason')]) say(byId('notice'), t(notices[params.get('reason')]));
// a visitor who registers instead of logging in comes back to the same page (the exam chosen)
carryNext(params.get('next'), '/register');
carryNext(params.get('next'), '/reset');

/**
 * How many times a log-in refused as busy (503 with Retry-After) is sent again before the page gives
 * up: a crowd arriving at once may keep the hashing busy for a minute (ADR 0011), and the page says
 * it is trying again meanwhile. The load test's plan retries as many times (JourneyScriptsTest).
 */
const BUSY_RETRIES = 10;
const form = byId('login-form');
const error = byId('login-error');
const notice = byId('notice');
form.addEventListener('submit', async event => {
  event.preventDefault();
  say(error, '');
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const email = byId('email').value.trim();
    const answer = await logIn({ email, password: byId('password').value, deviceToken: await deviceTokenFor(email) });
    saveSession(answer);
    await rememberDevice(email, answer.deviceToken);
    location.assign(nextPage(params.get('next')));
  } catch (e) {
    button.disabled = false;
    say(error, message(e));
    error.focus();
  }
});

/**
 * Asks for a token; when the server is too busy hashing passwords (503 with Retry-After), says so and
 * asks again after about the time it gave, at most {@link BUSY_RETRIES} times ({@link retryingBusy}).
 */
function logIn(body) {
  return retryingBusy(() => request('/api/v1/auth/token', { method: 'POST', body }), {
    retries: BUSY_RETRIES,
    waiting: seconds => say(notice, seconds === null ? '' : t('login.busy', { seconds })),
  });
}

function message(e) {
  if (!(e instanceof ApiError)) return t('common.unavailable');
  if (e.status === 401) return t('login.wrong');
  if (e.status === 429) return t('login.throttled', { seconds: e.headers.get('Retry-After') || '60' });
  if (e.status === 400) return t('login.missing');
  return t('common.unavailable');
}

