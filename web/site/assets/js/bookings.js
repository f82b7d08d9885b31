import { setUpYourData } from '/assets/js/account.js';
import { addToCalendar, downloadCalendarFile } from '/assets/js/add-to-calendar.js';
import { ApiError, patientRequest } from '/assets/js/api.js';
import { examTypes, siteAddress, siteName, sites } from '/assets/js/catalog.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatInstant, t } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import { setUpWaitlist, showOffers } from '/assets/js/waitlist.js';

const POLL_MS = 300;
const POLL_LIMIT_MS = 15000;

await setUpPage({ title: 'bookings.title', current: '/bookings', patientOnly: true });
const status = byId('bookings-status');
const dialog = byId('cancel-dialog');
let names = new Map();
let places = new Map();
let cancelling = null;

byId('cancel-keep').addEventListener('click', () => dialog.close());
setUpYourData();
byId('cancel-yes').addEventListener('click', () => cancel(cancelling));
dialog.addEventListener('close', () => { if (cancelling) byId(`cancel-${cancelling.id}`)?.focus(); });

// both asked at once: one round trip before the list, not two
const [exams, known] = await Promise.all([examTypes().catch(() => null), sites()]);
// without the exam types the codes stand in for the names
if (exams) names = new Map(exams.map(exam => [exam.code, exam.name]));
places = known;
await show();
await Promise.all([showReminderWish(), setUpWaitlist({ exams, places, names })]);

/** The 2-hour reminder wish, read from the profile and saved as soon as it is changed. */
async function showReminderWish() {
  const box = byId('remind-two-hours');
  const said = byId('reminders-status');
  try {
    box.checked = (await patientRequest('/api/v1/me')).remindTwoHoursBefore === true;
  } catch {
    say(said, t('common.unavailable'));
    return;
  }
  box.disabled = false;
  box.addEventListener('change', async () => {
    const wanted = box.checked;
    box.disabled = true;
    try {
      const profile = await patientRequest('/api/v1/me', { method: 'PATCH', body: { remindTwoHoursBefore: wanted } });
      box.checked = profile.remindTwoHoursBefore === true;
      say(said, t(box.checked ? 'bookings.remindersSaved' : 'bookings.remindersOff'));
    } catch {
      box.checked = !wanted;
      say(said, t('bookings.remindersFailed'));
    } finally {
      box.disabled = false;
    }
  });
}

async function show() {
  let reservations;
  try {
    reservations = await patientRequest('/api/v1/reservations');
  } catch {
    say(status, t('common.unavailable'));
    return;
  }
  const now = Date.now();
  showOffers(reservations.filter(r => r.status === 'HELD'), { names, status, until, refresh: show });
  // an offer from the waitlist is a booking once accepted; one never accepted is not shown among them
  reservations = reservations.filter(r => r.status !== 'HELD' && (!r.offer || r.offer.accepted));
  const upcoming = reservations.filter(r => ['PENDING', 'CONFIRMED'].includes(r.status) && Date.parse(r.end) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = reservations.filter(r => !upcoming.includes(r)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  const all = new Map(reservations.map(r => [r.id, r]));
  fill('upcoming', upcoming, true, all);
  fill('past', past, false, all);
}

function fill(id, reservations, upcoming, all) {
  byId(id).replaceChildren(...reservations.map(r => item(r, upcoming, all)));
  byId(`no-${id}`).hidden = reservations.length > 0;
}

/** A booking's card; a move under way names the time it moves from, a moved booking says where it went. */
function item(reservation, upcoming, all) {
  const name = names.get(reservation.examType) || reservation.examType;
  const confirmed = upcoming && reservation.status === 'CONFIRMED';
  const moving = [...all.values()].some(r => r.status === 'PENDING' && r.replaces === reservation.id);
  const actions = confirmed ? h('div', { class: 'actions' },
    moving ? null : h('a', { class: 'button', id: `move-${reservation.id}`, href: moveLink(reservation) },
      t('bookings.move'), h('span', { class: 'visually-hidden' }, ` ${name}`)),
    h('button', { type: 'button', class: 'danger', id: `cancel-${reservation.id}`, onclick: () => ask(reservation, name) },
      t('bookings.cancel'), h('span', { class: 'visually-hidden' }, ` ${name}`))) : null;
  const moved = reservation.status === 'CANCELLED' && reservation.movedTo;
  const from = reservation.replaces && all.get(reservation.replaces);
  const to = moved && all.get(reservation.movedTo);
  return h('li', { class: 'card booking', 'data-id': reservation.id, 'data-status': reservation.status },
    h('h3', {}, name),
    h('p', {}, formatInstant(reservation.start)),
    h('p', { class: 'muted' }, siteName(reservation.site)),
    upcoming && places.has(reservation.site) ? h('p', {}, siteAddress(places.get(reservation.site))) : null,
    h('p', {}, h('span', { class: `badge ${reservation.status.toLowerCase()}` },
      t(moved ? 'status.MOVED' : `status.${reservation.status}`))),
    from && reservation.status === 'PENDING' ? h('p', {}, t('bookings.movingFrom', { when: formatInstant(from.start) })) : null,
    to ? h('p', {}, t('bookings.movedTo', { when: formatInstant(to.start) })) : null,
    confirmed ? addToCalendar(reservation, places.get(reservation.site), { onFile: () => download(reservation, name) }) : null,
    actions);
}

/** The booking page, choosing a new time for the same exam (by default at the same site). */
function moveLink(reservation) {
  const params = new URLSearchParams({ exam: reservation.examType, site: reservation.site, move: reservation.id });
  return `/book?${params}`;
}

function ask(reservation, name) {
  cancelling = reservation;
  byId('cancel-text').textContent = t('bookings.cancelQuestion', { exam: name, when: formatInstant(reservation.start) });
  dialog.showModal();
  byId('cancel-keep').focus();
}

async function cancel(reservation) {
  dialog.close();
  say(status, t('bookings.cancelling'));
  try {
    await patientRequest(`/api/v1/reservations/${encodeURIComponent(reservation.id)}`, { method: 'DELETE' });
    await until(reservation.id, 'CANCELLED');
    cancelling = null;
    await show();
    say(status, t('bookings.cancelled'));
  } catch (e) {
    say(status, e instanceof ApiError && e.status === 409 ? t('bookings.tooLate') : t('common.unavailable'));
  }
}

/** Polls the reservation until it reaches {@code wanted} or the time runs out; answers it as last read. */
async function until(id, wanted) {
  const limit = Date.now() + POLL_LIMIT_MS;
  let reservation;
  while (Date.now() < limit) {
    reservation = await patientRequest(`/api/v1/reservations/${encodeURIComponent(id)}`);
    if (reservation.status === wanted) return reservation;
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
  return reservation;
}

/** The calendar file needs the bearer token, so it is fetched here and handed to the browser as a download. */
async function download(reservation, name) {
  try {
    await downloadCalendarFile(reservation);
    say(status, t('bookings.downloaded', { exam: name }));
  } catch {
    say(status, t('bookings.noCalendar'));
  }
}
