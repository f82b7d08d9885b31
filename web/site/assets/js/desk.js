import { ApiError, request } from '/assets/js/api.js';
import { examTypes, sites, siteName } from '/assets/js/catalog.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatInstant, t } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import {
  clearStaffSession, saveStaffSession, staffRequest, staffSession, whenStaffSessionEnds,
} from '/assets/js/staff-session.js';
import { addDays, today } from '/assets/js/times.js';

/**
 * A call as the member of staff, in the session the staff's pages share (staff-session.js); a refused
 * session sends them back to the log-in form, and the call never settles.
 */
const desk = staffRequest;
const FIELDS = ['email', 'firstName', 'lastName', 'phone', 'taxCode', 'dateOfBirth'];

await setUpPage({ title: 'desk.title', current: '/desk' });
const login = byId('staff-login');
let patient = null;
let exams = [];

login.addEventListener('submit', logIn);
byId('staff-logout').addEventListener('click', logOut);
byId('find-form').addEventListener('submit', find);
byId('register-form').addEventListener('submit', register);
byId('open-form').addEventListener('submit', openPatient);
byId('book-form').addEventListener('submit', showTimes);
byId('schedule-form').addEventListener('submit', event => { event.preventDefault(); showSchedule(); });
byId('print').addEventListener('click', () => window.print());
whenStaffSessionEnds(() => stop(t('desk.refused')));
if (staffSession()) start(); else stop('');

async function logIn(event) {
  event.preventDefault();
  try {
    const answer = await request('/api/v1/staff/auth/token', { method: 'POST',
      body: { email: byId('staff-email').value.trim(), password: byId('staff-password').value } });
    saveStaffSession(answer);
    byId('staff-password').value = '';
    start();
  } catch (e) {
    say(byId('login-error'), e instanceof ApiError && e.status === 401 ? t('desk.wrong') : t('common.unavailable'));
    byId('login-error').focus();
  }
}

async function logOut() {
  const session = staffSession();
  try {
    if (session) await request('/api/v1/staff/auth/logout', { method: 'POST', token: session.token });
  } catch {
    // the session is forgotten either way
  }
  stop('');
}

async function start() {
  login.hidden = true;
  byId('desk').hidden = false;
  try {
    const me = await desk('/api/v1/staff/me');
    say(byId('staff-who'), t('desk.who', { name: me.name }));
  } catch {
    return;
  }
  exams = await examTypes();
  byId('book-exam').replaceChildren(...exams.map(e => h('option', { value: e.code }, e.name)));
  byId('book-day').value = addDays(today(), 1);
  byId('schedule-site').replaceChildren(...[...(await sites()).keys()].map(id => h('option', { value: id }, siteName(id))));
  byId('schedule-day').value = today();
  showSchedule();
}

/** Back to the log-in form: the session is forgotten (refused, or the member logged out). */
function stop(message) {
  clearStaffSession();
  byId('desk').hidden = true;
  login.hidden = false;
  say(byId('login-error'), message);
}


async function find(event) {
  event.preventDefault();
  const email = byId('find-email').value.trim();
  try {
    const found = await desk('/api/v1/desk/patients?' + new URLSearchParams({ email }));
    say(byId('find-status'), found.length ? '' : t('desk.notFound'));
    byId('found').replaceChildren(...found.map(p => h('li', {}, describe(p), ' ',
      h('button', { type: 'button', onclick: () => choose(p) }, t('desk.choose')))));
  } catch {
    say(byId('find-status'), t('desk.badEmail'));
  }
}

function describe(p) {
  return `${p.firstName} ${p.lastName} · ${p.email} · ${p.phone} · ${t('desk.born', { year: p.yearOfBirth })}`;
}

async function register(event) {
  event.preventDefault();
  const form = byId('register-form');
  const body = Object.fromEntries(FIELDS.map(f => [f, form.elements[f].value.trim()]));
  body.language = form.elements.language.value;
  FIELDS.forEach(f => fieldError(f, ''));
  say(byId('register-summary'), '');
  try {
    const made = await desk('/api/v1/desk/patients', { method: 'POST', body });
    form.reset();
    say(byId('register-status'), t('desk.registered', { name: `${made.firstName} ${made.lastName}` }));
    choose(made);
  } catch (e) {
    const errors = e instanceof ApiError ? e.problem.errors || [] : [];
    errors.forEach(error => fieldError(error.field, t(`register.error.${error.field}`)));
    say(byId('register-summary'), e instanceof ApiError && e.status === 409 ? t('desk.emailTaken')
      : errors.length ? t('desk.fixFields') : t('common.unavailable'));
    byId('register-summary').focus();
  }
}

function fieldError(field, text) {
  const error = byId(`reg-${field}-error`);
  if (!error) return;
  say(error, text);
  byId(`reg-${field}`).setAttribute('aria-invalid', text ? 'true' : 'false');
  if (text) byId(`reg-${field}`).setAttribute('aria-describedby', error.id);
}

function choose(p) {
  patient = p;
  byId('patient-section').hidden = false;
  byId('patient-heading').textContent = t('desk.patient', { name: `${p.firstName} ${p.lastName}` });
  byId('patient-contact').textContent = describe(p);
  byId('times').replaceChildren();
  say(byId('book-status'), '');
  byId('patient-heading').focus();
  showBookings();
}

async function openPatient(event) {
  event.preventDefault();
  const reason = byId('open-reason').value.trim();
  const full = await desk(`/api/v1/desk/patients/${encodeURIComponent(patient.id)}?` + new URLSearchParams({ reason }));
  byId('patient-contact').textContent = `${full.firstName} ${full.lastName} · ${full.email} · ${full.phone} · `
    + `${full.taxCode} · ${full.dateOfBirth}`;
  byId('open-reason').value = '';
}

async function showTimes(event) {
  event.preventDefault();
  const exam = byId('book-exam').value;
  const day = byId('book-day').value;
  const free = await request('/api/v1/availability?' + new URLSearchParams({ examType: exam, from: day, to: day }));
  const open = free.filter(slot => slot.available > 0);
  say(byId('book-status'), open.length ? '' : t('desk.noTimes'));
  byId('times').replaceChildren(...open.map(slot => h('li', {}, h('button', { type: 'button', class: 'time',
    onclick: () => book(exam, slot) }, `${formatInstant(slot.start, 'time')} · ${siteName(slot.site)}`))));
}

async function book(exam, slot) {
  say(byId('book-status'), t('desk.processing'));
  byId('times').replaceChildren();
  const base = `/api/v1/desk/patients/${encodeURIComponent(patient.id)}/reservations`;
  try {
    const accepted = await desk(base, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { examType: exam, start: slot.start, site: slot.site } });
    let reservation = accepted.reservation;
    while (reservation.status === 'PENDING') {
      reservation = await desk(`${base}/${reservation.id}`, { headers: { Prefer: 'wait=20' } });
    }
    say(byId('book-status'), t(`desk.outcome.${reservation.status}`, { time: formatInstant(reservation.start) }));
  } catch (e) {
    say(byId('book-status'), e instanceof ApiError && e.problem.detail ? e.problem.detail : t('common.unavailable'));
  }
  showBookings();
  showSchedule();
}

async function showBookings() {
  const list = await desk(`/api/v1/desk/patients/${encodeURIComponent(patient.id)}/reservations`);
  byId('patient-bookings').replaceChildren(...list.map(({ reservation: r, bookedBy }) => h('li', {},
    `${formatInstant(r.start)} · ${examName(r.examType)} · ${siteName(r.site)} · ${t(`desk.status.${r.status}`)}`,
    bookedBy ? ` · ${t('desk.bookedBy', { name: bookedBy.name })}` : '', ' ',
    r.status === 'CONFIRMED' || r.status === 'PENDING'
      ? h('button', { type: 'button', onclick: () => cancel(r) }, t('desk.cancel')) : null)));
}

async function cancel(r) {
  await desk(`/api/v1/desk/patients/${encodeURIComponent(patient.id)}/reservations/${r.id}`, { method: 'DELETE' });
  say(byId('book-status'), t('desk.cancelled', { time: formatInstant(r.start) }));
  showBookings();
  showSchedule();
}

function examName(code) {
  return exams.find(e => e.code === code)?.name ?? code;
}

async function showSchedule() {
  const site = byId('schedule-site').value;
  const date = byId('schedule-day').value;
  if (!site || !date) return;
  const day = await desk('/api/v1/desk/schedule?' + new URLSearchParams({ site, date }));
  const busy = day.resources.filter(r => r.bookings.length);
  say(byId('schedule-status'), busy.length ? '' : t('desk.emptyDay'));
  byId('schedule').replaceChildren(...busy.map(resource => h('section', { class: 'resource-day' },
    h('h3', {}, resource.name),
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': resource.name, tabindex: '0' },
      h('table', { class: 'schedule' },
        h('thead', {}, h('tr', {}, ...['desk.col.time', 'desk.col.exam', 'desk.col.patient', 'desk.col.contact',
          'desk.col.bookedBy', 'desk.col.attendance'].map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, ...resource.bookings.map(b => row(b))))))));
}

function row(b) {
  const who = b.patient ? `${b.patient.firstName} ${b.patient.lastName}` : '—';
  return h('tr', { 'data-reservation': b.id },
    h('td', {}, `${formatInstant(b.start, 'time')}–${formatInstant(b.end, 'time')}`),
    h('td', {}, examName(b.examType)),
    h('td', {}, who),
    h('td', {}, b.patient ? `${b.patient.email} · ${b.patient.phone}` : '—'),
    h('td', {}, b.bookedBy ? t('desk.bookedBy', { name: b.bookedBy.name }) : ''),
    h('td', {}, b.attendance ? t(`desk.attendance.${b.attendance}`) : '',
      ...['ARRIVED', 'NO_SHOW'].map(mark => h('button', { type: 'button', class: 'no-print',
        'aria-label': `${t(`desk.mark.${mark}`)}: ${who}`, onclick: () => attend(b, mark) }, t(`desk.mark.${mark}`)))));
}

async function attend(b, attendance) {
  try {
    await desk(`/api/v1/desk/reservations/${b.id}/attendance`, { method: 'PUT', body: { attendance } });
  } catch (e) {
    say(byId('schedule-status'), e instanceof ApiError && e.problem.detail ? e.problem.detail : t('common.unavailable'));
    return;
  }
  showSchedule();
}
