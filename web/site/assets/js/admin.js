import { ApiError, request, retryingBusy } from '/assets/js/api.js';
import { showAudit } from '/assets/js/admin-audit.js';
import { showCenter } from '/assets/js/admin-center.js';
import { clearRefusals, fieldErrors, refuse, submitting } from '/assets/js/admin-forms.js';
import { showStaff } from '/assets/js/admin-staff.js';
import { byId, say } from '/assets/js/dom.js';
import { t, tOr } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import {
  clearStaffSession, saveStaffSession, staffRequest, staffSession, whenStaffSessionEnds,
} from '/assets/js/staff-session.js';

// The center's own page for its staff: an invitation's link sets a password, a member logs in, and an
// administrator runs the staff accounts, the center (its closures above all) and reads the audit trail.
/** The invitation's token, taken out of the address before anything else so that it does not linger there. */
const invitation = takeInvitation();
await setUpPage({ title: 'admin.title', current: '/admin' });
/** As the patients' log-in page: setting or checking a password hashes it, and a crowd may keep that busy. */
const BUSY_RETRIES = 10;
const notice = byId('notice');
const views = ['invitation-form', 'login-form', 'signed-in', 'console'];

whenStaffSessionEnds(() => showLogIn(t('admin.login.ended')));
byId('invitation-form').addEventListener('submit', acceptInvitation);
byId('login-form').addEventListener('submit', logIn);
byId('to-login').addEventListener('click', () => {
  showLogIn('');
  byId('staff-email').focus();
});
byId('staff-logout').addEventListener('click', logOut);

if (invitation) showOnly('invitation-form');
else if (staffSession()) await signedIn();
else showLogIn('');

function takeInvitation() {
  const match = /^#invitation=([^&]+)/.exec(location.hash);
  if (!location.hash) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  return match ? decodeURIComponent(match[1]) : null;
}

function showOnly(...shown) {
  views.forEach(id => { byId(id).hidden = !shown.includes(id); });
}

function showLogIn(message) {
  clearStaffSession();
  byId('console').querySelectorAll('button').forEach(button => { button.disabled = false; });
  showOnly('login-form');
  say(notice, message);
  if (message) notice.focus();
}

async function acceptInvitation(event) {
  event.preventDefault();
  const form = event.target;
  const error = byId('invitation-error');
  const password = byId('new-password').value;
  clearRefusals(form);
  if (password !== byId('repeat-password').value) {
    return refuse(form, error, { 'repeat-password': t('admin.invitation.differ') });
  }
  await submitting(form, async () => {
    try {
      await retryingBusy(() => request('/api/v1/staff/invitation', { method: 'POST', body: { token: invitation, password } }), {
        retries: BUSY_RETRIES,
        waiting: seconds => say(notice, seconds === null ? '' : t('login.busy', { seconds })),
      });
      form.reset();
      showLogIn(t('admin.invitation.done'));
      byId('staff-email').focus();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) return refuse(form, error, {}, t('common.unavailable'));
      const reason = fieldErrors(e).password;
      if (e.problem?.code === 'invalid-invitation' || reason === undefined) {
        return refuse(form, error, {}, t('admin.invitation.invalid'));
      }
      refuse(form, error, { 'new-password': tOr(`register.error.password.${reason}`, t('register.error.password')) });
    }
  });
}

async function logIn(event) {
  event.preventDefault();
  const form = event.target;
  say(notice, '');
  await submitting(form, async () => {
    try {
      const body = { email: byId('staff-email').value.trim(), password: byId('staff-password').value };
      const answer = await retryingBusy(() => request('/api/v1/staff/auth/token', { method: 'POST', body }), {
        retries: BUSY_RETRIES,
        waiting: seconds => say(notice, seconds === null ? '' : t('login.busy', { seconds })),
      });
      saveStaffSession(answer);
      form.reset();
      await signedIn();
    } catch (e) {
      refuse(form, byId('login-error'), {}, logInMessage(e));
    }
  });
}

function logInMessage(e) {
  if (!(e instanceof ApiError)) return t('common.unavailable');
  if (e.status === 401) return t('login.wrong');
  if (e.status === 429) return t('login.throttled', { seconds: e.headers.get('Retry-After') || '60' });
  if (e.status === 400) return t('login.missing');
  return t('common.unavailable');
}

/** The member of this tab's session: an administrator gets the console, anyone else is told it is not theirs. */
async function signedIn() {
  const me = await staffRequest('/api/v1/staff/me');
  const admin = me.role === 'admin';
  byId('who').textContent = t('admin.who', { name: me.name, role: t(`admin.role.${me.role}`) });
  byId('not-admin').hidden = admin;
  showOnly(...(admin ? ['signed-in', 'console'] : ['signed-in']));
  byId('main').focus();
  if (admin) await Promise.all([showStaff(me), showCenter(), showAudit()]);
}

async function logOut() {
  const session = staffSession();
  clearStaffSession();
  if (session) {
    try {
      await request('/api/v1/staff/auth/logout', { method: 'POST', token: session.token });
    } catch {
      // the token is forgotten here either way
    }
  }
  showLogIn(t('admin.loggedOut'));
}
