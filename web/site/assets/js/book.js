import { addToCalendar, downloadCalendarFile } from '/assets/js/add-to-calendar.js';
import { ApiError, patientRequest, pauseAbout, retryAfter } from '/assets/js/api.js';
import { entryData, keepInEntry, onBackOrForward, pushStep, replaceStep, stepInAddress } from '/assets/js/book-steps.js';
import { renderMonth } from '/assets/js/calendar.js';
import { examTypes, freeStarts, openingLines, siteAddress, siteName, sites } from '/assets/js/catalog.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatDay, formatInstant, hourAtSite, t, tOr } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';
import { addDays, dayOf, monthOf, today } from '/assets/js/times.js';

/** Between reads, only when the API did not wait (no Preference-Applied: a proxy dropped the header). */
const POLL_MS = 300;
const POLL_LIMIT_MS = 30000;
/** How long one read may wait for the decision (the API waits at most 20 s). */
const WAIT_SECONDS = 20;
const HORIZON_DAYS = 180;
/** Where the parts of the day begin, in the site's local hours. */
const PARTS = [['morning', 0], ['afternoon', 12], ['evening', 17]];

await setUpPage({ title: 'book.title', current: '/book', patientOnly: true });

const state = {
  exams: [], exam: null, site: '', month: monthOf(today()).first, starts: [], day: null, chosen: null, key: null,
  sites: new Map(),
  // a reservation named in the address (?reservation=): a reload, Back or Forward to a request sent
  resumed: null,
  // the patient's bookings still ahead, to warn before a second booking of the same exam
  upcoming: [],
  // a booking whose time is being changed (?move=), and whether it can still be moved
  moving: null, moveOpen: false,
};
const examSelect = byId('exam');
const siteSelect = byId('site');
// while the catalogue loads, the lists say so rather than stand empty
examSelect.replaceChildren(h('option', { value: '' }, t('common.loading')));
siteSelect.replaceChildren(h('option', { value: '' }, t('common.loading')));
/** The month's free times being read; a newer read (another exam, site or month) aborts it. */
let monthRead = null;
/**
 * Moves on with each step drawn from the address (a load, Back, Forward) and each request sent: what
 * an older one still awaits (a reservation, its decision, the nearest times) is not drawn over it.
 */
let turn = 0;

try {
  [state.exams, state.sites] = await Promise.all([examTypes(), sites()]);
} catch {
  say(byId('calendar-status'), t('common.unavailable'));
}
examSelect.replaceChildren(...state.exams.map(exam => h('option', { value: exam.code }, exam.name)));
examSelect.addEventListener('change', () => chooseExam());
siteSelect.addEventListener('change', chooseSite);
byId('prev-month').addEventListener('click', () => moveMonth(-1));
byId('next-month').addEventListener('click', () => moveMonth(1));
byId('confirm').addEventListener('click', confirm);
byId('book-another').addEventListener('click', bookAnother);
loadUpcoming();
// a step drawn again is put in view by the page (its heading focused) once its times are read
history.scrollRestoration = 'manual';
onBackOrForward(() => showStepInAddress(true));
await showStepInAddress(false);

/**
 * Draws the step the address names, alike on loading the page (a reload, a link, the return after
 * logging in again) and on Back or Forward: the exam, site and month, then the day and the time
 * chosen if they are still free, Confirm where it was. A reservation named is only shown where it
 * stands: nothing is sent again.
 */
async function showStepInAddress(fromHistory) {
  const mine = ++turn;
  const asked = stepInAddress();
  showForm();
  Object.assign(state, { resumed: null, day: null, chosen: null });
  let exam = asked.exam;
  if (asked.reservation) {
    exam = (await resume(asked.reservation)) ?? exam;
    if (mine !== turn) return;
  }
  await loadMoving(asked.move);
  if (mine !== turn) return;
  if (state.moveOpen) exam = state.moving.examType;
  showMoving();
  if (!state.exams.length) return;
  examSelect.value = state.exams.some(known => known.code === exam) ? exam : state.exams[0].code;
  state.site = asked.site ?? '';
  state.month = monthAsked(asked);
  showExam();
  if (!(await loadMonth()) || mine !== turn) return;
  if (state.resumed) await settleResumed(mine);
  else showChoiceAsked(asked, fromHistory);
}

/** The day and time the address names, chosen again where still free; else the exam and month to choose from. */
function showChoiceAsked(asked, fromHistory) {
  const day = dayAsked(asked);
  const shown = startsShown();
  if (!shown.some(start => dayOf(start.start) === day)) {
    if (fromHistory) showFormTop();
    return;
  }
  showDay(day);
  const again = shown.find(s => Date.parse(s.start) === Date.parse(asked.start) && s.site === asked.at);
  if (again) showChoice(again, keyOfEntry());
}

/** The summary's idempotency key, kept in its entry: Confirm again after Back or a reload is the same request. */
function keyOfEntry() {
  const key = entryData().key ?? randomKey();
  keepInEntry({ key });
  return key;
}

function dayAsked({ day, start }) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) return day;
  return start && !Number.isNaN(Date.parse(start)) ? dayOf(start) : null;
}

/** The month of the day named, or the month browsed (month=), if it can be booked in; else this month. */
function monthAsked(asked) {
  const named = dayAsked(asked) ?? (/^\d{4}-\d{2}$/.test(asked.month ?? '') ? `${asked.month}-01` : null);
  const now = monthOf(today()).first;
  const month = named ? monthOf(named).first : now;
  return month > now && month <= addDays(today(), HORIZON_DAYS) ? month : now;
}

/** The step shown, as its address names it; a month browsed is named only while no day is chosen. */
function here(more = {}) {
  const step = {
    exam: state.exam.code, site: state.site, day: state.day, start: state.chosen?.start, at: state.chosen?.site,
    move: state.moveOpen ? state.moving.id : null, ...more,
  };
  const browsed = !step.day && state.month !== monthOf(today()).first;
  return { ...step, month: browsed ? state.month.slice(0, 7) : null };
}

/** The patient's bookings still ahead (pending or confirmed); without them no warning is given, nothing else changes. */
async function loadUpcoming() {
  try {
    const now = Date.now();
    state.upcoming = (await patientRequest('/api/v1/reservations'))
      .filter(r => ['PENDING', 'CONFIRMED'].includes(r.status) && Date.parse(r.end) > now);
  } catch {
    state.upcoming = [];
  }
}

/**
 * The booking named by ?move=, read again with every step drawn from the address (it may have been
 * moved or cancelled meanwhile, in another tab too): while it is CONFIRMED and ahead, the page chooses a
 * new time for it (its exam fixed) and Confirm moves it. One that is no longer there to move (not found,
 * or no longer CONFIRMED) is said so and the page books as usual; one that cannot be read just now
 * (the API busy, no network) is said so and nothing can be confirmed, so that a move never silently
 * becomes a second booking.
 */
async function loadMoving(id) {
  if (!id) {
    Object.assign(state, { moving: null, moveOpen: false });
    return;
  }
  try {
    state.moving = await patientRequest(`/api/v1/reservations/${encodeURIComponent(id)}`);
  } catch (e) {
    state.moving = { id, status: e instanceof ApiError && e.status === 404 ? 'UNKNOWN' : 'UNREADABLE' };
  }
  state.moveOpen = state.moving.status === 'CONFIRMED' && Date.parse(state.moving.start) > Date.now();
}

/** A move whose booking could not be read: nothing may be confirmed until it can. */
function moveUnreadable() {
  return state.moving?.status === 'UNREADABLE';
}

/** The banner over the form: which booking is being moved, or that it cannot be any more. */
function showMoving() {
  const banner = byId('move-banner');
  const done = state.moving && state.moving.movedTo && state.moving.movedTo === state.resumed?.id;
  examSelect.disabled = state.moveOpen;
  const confirmButton = byId('confirm');
  confirmButton.dataset.i18n = state.moveOpen ? 'book.moveConfirm' : 'book.confirm';
  confirmButton.textContent = t(confirmButton.dataset.i18n);
  if (!state.moving || done) {
    banner.hidden = true;
    return;
  }
  let text = t('book.moveNotPossible');
  if (state.moveOpen) {
    text = t('book.moveBanner', { exam: examName(state.moving.examType), when: formatInstant(state.moving.start),
      site: siteName(state.moving.site) });
  } else if (moveUnreadable()) {
    text = t('book.moveUnreadable');
  }
  banner.replaceChildren(text, ' ', h('a', { href: '/bookings' }, t('book.seeBookings')));
  banner.hidden = false;
}

function examName(code) {
  return state.exams.find(exam => exam.code === code)?.name ?? code;
}

/** Before a second booking of an exam the patient already has ahead: said, not refused (some need two). */
function warnOfDuplicate() {
  if (state.moveOpen) {
    say(byId('duplicate-warning'), '');
    return;
  }
  const same = state.upcoming.filter(r => r.examType === state.exam.code)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const warning = byId('duplicate-warning');
  if (!same.length) {
    say(warning, '');
    return;
  }
  warning.replaceChildren(t('book.duplicate', {
    exam: state.exam.name, when: formatInstant(same[0].start), site: siteName(same[0].site), count: same.length,
  }), ' ', h('a', { href: '/bookings' }, t('book.duplicateLink')));
  warning.hidden = false;
}

async function chooseExam() {
  Object.assign(state, { day: null, chosen: null });
  showExam();
  pushStep(here());
  await loadMonth();
}

function showExam() {
  state.exam = state.exams.find(exam => exam.code === examSelect.value);
  say(byId('preparation'), t('book.preparation', { text: state.exam.preparation }));
}

function chooseSite() {
  Object.assign(state, { site: siteSelect.value, day: null, chosen: null });
  pushStep(here());
  showSiteInfo();
  showMonth();
}

/** Another month browsed is no step of its own: the address names it, and Back goes to the step before. */
async function moveMonth(step) {
  const [y, m] = state.month.split('-').map(Number);
  state.month = new Date(Date.UTC(y, m - 1 + step, 1)).toISOString().slice(0, 10);
  Object.assign(state, { day: null, chosen: null });
  replaceStep(here());
  await loadMonth();
}

/**
 * Reads the month's free times for the exam chosen; true once they are shown. Only the latest read
 * counts: one begun for an exam or month since left is aborted, and an answer that still arrives late
 * is dropped, so that the calendar, the times and the summary are never built from another exam's times.
 */
async function loadMonth() {
  const { first, last } = monthOf(state.month);
  const from = first < today() ? today() : first;
  byId('prev-month').disabled = first <= today();
  byId('next-month').disabled = addDays(last, 1) > addDays(today(), HORIZON_DAYS);
  say(byId('calendar-status'), t('common.loading'));
  byId('step-time').hidden = true;
  byId('step-confirm').hidden = true;
  monthRead?.abort();
  const read = new AbortController();
  monthRead = read;
  let starts;
  try {
    starts = from <= last ? await startsFor(from, last, '', read.signal) : [];
  } catch {
    if (read.signal.aborted) return false;
    state.starts = [];
    say(byId('calendar-status'), t('common.unavailable'));
    return false;
  }
  if (read !== monthRead) return false;
  state.starts = starts;
  fillSites();
  showMonth();
  return true;
}

/**
 * The free starts to choose from: the exam's, or while a booking is being moved, those it can be moved
 * to, where its own time counts as free (a quarter of an hour later in the same room is a move it can make).
 */
async function startsFor(from, to, site = '', signal = undefined) {
  if (!state.moveOpen) return freeStarts(state.exam.code, from, to, site, signal);
  const query = new URLSearchParams({ from, to });
  if (site) query.set('site', site);
  const starts = await patientRequest(`/api/v1/reservations/${encodeURIComponent(state.moving.id)}/move-times?${query}`,
    { signal });
  return starts.filter(start => start.available > 0);
}

function fillSites() {
  const known = new Set([...siteSelect.options].map(o => o.value).filter(Boolean));
  state.starts.forEach(start => known.add(start.site));
  const options = [...known].sort().map(id => h('option', { value: id }, siteName(id)));
  siteSelect.replaceChildren(h('option', { value: '' }, t('book.anySite')), ...options);
  if (!known.has(state.site)) state.site = '';
  siteSelect.value = state.site;
  showSiteInfo();
}

/**
 * Where the chosen site is and when it is open; with "Any site", where each site of the list is. Said
 * before a time is chosen, so that no one books at a site they cannot reach.
 */
function showSiteInfo() {
  const info = byId('site-info');
  const chosen = state.sites.get(state.site);
  if (chosen) {
    info.replaceChildren(h('p', {}, siteAddress(chosen)),
      h('p', { class: 'hours-heading' }, t('site.hours')),
      h('ul', { class: 'hours' }, ...openingLines(chosen).map(line => h('li', {}, line))));
  } else {
    const listed = [...siteSelect.options].map(o => state.sites.get(o.value)).filter(Boolean);
    info.replaceChildren(h('ul', { class: 'sites' }, ...listed.map(site =>
      h('li', {}, h('strong', {}, siteName(site.id)), ' — ', siteAddress(site)))));
  }
  info.hidden = state.sites.size === 0;
}

function startsShown() {
  return state.starts.filter(start => !state.site || start.site === state.site);
}

function showMonth() {
  const free = new Map();
  startsShown().forEach(start => free.set(dayOf(start.start), (free.get(dayOf(start.start)) || 0) + 1));
  renderMonth(byId('calendar'), state.month, free, state.day, chooseDay);
  say(byId('calendar-status'), free.size ? t('book.daysFree', { count: free.size }) : t('book.noDays'));
  if (!state.day) byId('step-time').hidden = true;
  byId('step-confirm').hidden = true;
}

function chooseDay(day) {
  Object.assign(state, { day, chosen: null });
  pushStep(here());
  showDay(day);
}

function showDay(day) {
  state.day = day;
  showMonth();
  showTimes(day);
  byId('times-heading').focus();
}

/**
 * The day's free times, grouped by site (with "Any site": sites in the order of their earliest time,
 * each named once rather than on every time) and by part of the day, each time a short button: on a
 * phone a day of two sites is a few rows per part, not one full-width button per time.
 */
function showTimes(day) {
  const starts = startsShown().filter(start => dayOf(start.start) === day);
  byId('times-heading').textContent = t('book.timesOn', { day: formatDay(day) });
  const bySite = new Map();
  starts.forEach(start => bySite.set(start.site, [...(bySite.get(start.site) ?? []), start]));
  byId('times').replaceChildren(...[...bySite].map(([site, times]) => h('div', { class: 'site-times' },
    state.site ? null : h('h3', {}, siteName(site)),
    ...PARTS.map(([part, from], i) => [part, times.filter(s => hourAtSite(s.start) >= from
      && (i === PARTS.length - 1 || hourAtSite(s.start) < PARTS[i + 1][1]))])
      .filter(([, inPart]) => inPart.length)
      .map(([part, inPart]) => h('div', { class: 'part' },
        h(state.site ? 'h3' : 'h4', { class: 'part-heading' }, t(`book.part.${part}`)),
        h('ul', { class: 'times' }, ...inPart.map(start => h('li', {}, timeButton(start, !state.site)))))))));
  byId('step-time').hidden = !starts.length;
}

function timeButton(start, namingSite) {
  return h('button', {
    type: 'button', class: 'time', 'data-start': start.start, 'data-site': start.site, 'aria-pressed': 'false',
    onclick: () => choose(start),
  }, formatInstant(start.start, 'time'),
  namingSite ? h('span', { class: 'visually-hidden' }, `, ${siteName(start.site)}`) : null);
}

/** The patient's choice of a time, a step of its own: one idempotency key per choice, so a double click books once. */
function choose(start) {
  const key = randomKey();
  state.chosen = start;
  pushStep(here({ day: dayOf(start.start) }), { key });
  showChoice(start, key);
}

/** The summary of the chosen start, with Confirm. */
function showChoice(start, key) {
  state.chosen = start;
  state.key = key;
  // the chosen time stands out wherever it is listed (the day's times, the alternatives)
  document.querySelectorAll('button.time').forEach(button => button.setAttribute('aria-pressed',
    String(button.dataset.start === start.start && button.dataset.site === start.site)));
  // a refusal or an error said of an earlier choice no longer applies to this one
  const outcome = byId('outcome');
  if (outcome.dataset.status === 'REJECTED' || outcome.dataset.status === 'ERROR') outcome.hidden = true;
  byId('summary').replaceChildren(
    ...entry('book.summary.exam', state.exam.name),
    ...entry('book.summary.when', formatInstant(start.start)),
    ...entry('book.summary.duration', t('common.minutes', { minutes: state.exam.durationMinutes })),
    ...entry('book.summary.site', h('span', {}, siteName(start.site), h('br'), siteAddress(state.sites.get(start.site)))),
    ...entry('book.summary.preparation', state.exam.preparation));
  warnOfDuplicate();
  // on a phone the chosen time rides with Confirm at the foot of the screen
  byId('confirm-choice').textContent = t('book.timeAtSite', { time: formatInstant(start.start, 'shortDateTime'),
    site: siteName(start.site) });
  byId('confirm').disabled = moveUnreadable();
  byId('step-confirm').hidden = false;
  byId('confirm-heading').focus();
  // Confirm in view: below a long summary it was under the fold on a desktop
  byId('confirm').scrollIntoView({ block: 'nearest' });
}

function entry(key, value) {
  return [h('dt', {}, t(key)), h('dd', {}, value)];
}

async function confirm() {
  if (moveUnreadable()) return;
  const start = state.chosen;
  const mine = ++turn;
  byId('confirm').disabled = true;
  showOutcome('PENDING', t('book.processing'), t('book.processingDetail'));
  const moving = state.moveOpen ? state.moving : null;
  try {
    const accepted = await patientRequest(moving ? `/api/v1/reservations/${encodeURIComponent(moving.id)}/move`
      : '/api/v1/reservations', {
      method: 'POST',
      headers: { 'Idempotency-Key': state.key },
      body: moving ? { start: start.start, site: start.site } : { examType: state.exam.code, start: start.start, site: start.site },
    });
    // Back or Forward meanwhile: another step is shown; the booking is in My bookings, and warned of
    if (mine !== turn) {
      loadUpcoming();
      return;
    }
    // a refresh or a return to this address resumes the wait for this reservation, not a blank form
    remember(accepted.id);
    const decided = await decision(accepted.id);
    if (mine === turn) await settle(decided, mine);
  } catch (e) {
    if (mine !== turn) return;
    // a booking that can no longer be moved (cancelled, moved or started meanwhile) is refused at once, 409
    const refused = e instanceof ApiError && (e.status === 400 || e.status === 422 || moving && e.status === 409);
    // a refusal's problem code (too-many-bookings) names the same reason as a rejection (TOO_MANY_BOOKINGS)
    const code = moving && e instanceof ApiError && e.status === 409 ? 'not-movable' : e.problem?.code;
    const reason = String(code ?? '').toUpperCase().replaceAll('-', '_');
    if (refused) await rejected({ ...start, reason, examType: state.exam.code, replaces: moving?.id }, mine);
    else showOutcome('ERROR', t('book.failed'), t('common.unavailable'));
  }
}

async function settle(decided, mine) {
  if (decided.status === 'CONFIRMED') confirmed(decided);
  else if (decided.status === 'REJECTED') await rejected(decided, mine);
  else showOutcome('PENDING', t('book.stillProcessing'), t('book.stillProcessingDetail'));
}

/** The request sent, a step of its own (?reservation=): Back returns to the summary, a reload shows where it stands. */
function remember(id) {
  pushStep({ exam: state.exam.code, site: state.site, reservation: id, move: state.moveOpen ? state.moving.id : null });
}

function forget() {
  replaceStep({ ...stepInAddress(), reservation: null });
}

/** The exam of the reservation named in the address, if it is the patient's and still stands; else forgotten. */
async function resume(id) {
  try {
    const reservation = await patientRequest(`/api/v1/reservations/${encodeURIComponent(id)}`);
    if (reservation.status === 'CANCELLED') throw new Error('cancelled');
    state.resumed = reservation;
    return reservation.examType;
  } catch {
    forget();
    return null;
  }
}

/** Shows the resumed reservation as the page left it: still processing (and waits on), or decided. */
async function settleResumed(mine) {
  const reservation = state.resumed;
  state.chosen = { start: reservation.start, site: reservation.site };
  if (reservation.status !== 'PENDING') {
    await settle(reservation, mine);
    return;
  }
  showOutcome('PENDING', t('book.processing'), t('book.processingDetail'));
  try {
    const decided = await decision(reservation.id);
    if (mine === turn) await settle(decided, mine);
  } catch {
    if (mine === turn) showOutcome('ERROR', t('book.failed'), t('common.unavailable'));
  }
}

/**
 * The allocator's decision (usually well under a second): one read that the API answers as soon as
 * the reservation is decided (Prefer: wait, RFC 7240), asked again while it is still PENDING. An
 * answer without Preference-Applied was not waited for (a proxy dropped the header, or the API had
 * no room for one more waiting read): then the page asks again every POLL_MS, as it did before.
 * The request was accepted (202), so a read refused for now (503 or 429 with Retry-After, 504: the
 * gateway gave up on a wait) is asked again after about the time given, within the same limit,
 * rather than shown as a failure; past the limit the reservation is shown still processing.
 */
async function decision(id) {
  const until = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    const wait = Math.max(1, Math.min(WAIT_SECONDS, Math.ceil((until - Date.now()) / 1000)));
    let response;
    try {
      response = await patientRequest(`/api/v1/reservations/${encodeURIComponent(id)}`,
        { headers: { Prefer: `wait=${wait}` }, raw: true });
    } catch (e) {
      const seconds = e instanceof ApiError && e.status === 504 ? 1 : retryAfter(e);
      if (seconds === null) throw e;
      if (Date.now() + seconds * 1000 > until) return { id, status: 'PENDING' };
      await pauseAbout(seconds);
      continue;
    }
    const reservation = await response.json();
    if (reservation.status !== 'PENDING' || Date.now() > until) return reservation;
    if (!response.headers.has('Preference-Applied')) await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Once confirmed, the outcome takes the form's place (on a phone, under a still-active form only its
 * heading showed): the steps are put away until the patient asks to book another exam.
 */
function confirmed(reservation) {
  // shown again (a reload, Back to it): still one booking to warn of
  if (!state.upcoming.some(r => r.id === reservation.id)) state.upcoming.push(reservation);
  byId('step-confirm').hidden = true;
  byId('step-time').hidden = true;
  document.querySelectorAll('main > section.step').forEach(step => { step.hidden = true; });
  const moved = reservation.replaces && state.moving?.id === reservation.replaces ? state.moving : null;
  const told = { exam: state.exam.name, when: formatInstant(reservation.start), site: siteName(reservation.site) };
  if (moved) {
    // the old time is free again and nothing is left to move: the page books as usual from here
    showOutcome('CONFIRMED', t('book.moved'), t('book.movedDetail', { ...told, from: formatInstant(moved.start) }));
    state.upcoming = state.upcoming.filter(r => r.id !== moved.id);
    state.moving = { ...moved, status: 'CANCELLED', movedTo: reservation.id };
    state.moveOpen = false;
    state.resumed = reservation;
    showMoving();
  } else {
    showOutcome('CONFIRMED', t('book.confirmed'), t('book.confirmedDetail', told));
  }
  byId('book-another').hidden = false;
  const where = siteAddress(state.sites.get(reservation.site));
  if (where) {
    byId('outcome-where').replaceChildren(t('site.where'), ': ', where);
    byId('outcome-where').hidden = false;
  }
  byId('outcome-calendar').replaceChildren(addToCalendar(reservation, state.sites.get(reservation.site), {
    onFile: () => downloadCalendarFile(reservation).catch(() => say(byId('outcome-calendar-status'), t('bookings.noCalendar'))),
  }));
  byId('outcome-calendar').hidden = false;
  state.starts = state.starts.filter(s => !(s.start === reservation.start && s.site === reservation.site));
  state.day = null;
  showMonth();
}

/** Back to the form, the confirmed booking kept in My bookings: a fresh choice of day and time, a new entry. */
function bookAnother() {
  Object.assign(state, { day: null, chosen: null });
  pushStep(here());
  showForm();
  showFormTop();
}

/** The form's steps in the place of an outcome; the day's times and the summary wait for their choice. */
function showForm() {
  document.querySelectorAll('main > section.step').forEach(step => {
    step.hidden = step.id === 'step-time' || step.id === 'step-confirm';
  });
  byId('outcome').hidden = true;
  byId('book-another').hidden = true;
}

function showFormTop() {
  byId('exam-heading').scrollIntoView();
  examSelect.focus();
}

async function rejected(reservation, mine) {
  byId('step-confirm').hidden = true;
  const reason = tOr(`book.reason.${reservation.reason}`, t('book.reason.other'));
  const moving = reservation.replaces && state.moving?.id === reservation.replaces ? state.moving : null;
  if (moving) {
    // a booking no longer there to move (cancelled or moved meanwhile) cannot be said to stay as it was
    const stays = reservation.reason === 'NOT_MOVABLE' ? '' : ` ${t('book.notMovedDetail', { when: formatInstant(moving.start) })}`;
    showOutcome('REJECTED', t('book.notMoved'), `${reason}${stays}`);
  } else {
    showOutcome('REJECTED', t('book.rejected'), reason);
  }
  if (reservation.reason === 'NOT_MOVABLE' && moving) {
    // nothing left to move: no times to offer for it, and the page books as usual from here
    state.moving = { ...moving, status: 'UNKNOWN' };
    state.moveOpen = false;
    showMoving();
    return;
  }
  const nearest = await alternatives(reservation);
  if (mine !== turn) return;
  await refreshDay();
  if (mine !== turn) return;
  byId('alternatives-heading').hidden = false;
  byId('alternatives-heading').textContent = nearest.length ? t('book.alternatives') : t('book.noAlternatives');
  byId('alternatives').replaceChildren(...nearest.map(start => h('li', {}, h('button', {
    type: 'button', class: 'time', 'data-start': start.start, 'data-site': start.site, 'aria-pressed': 'false',
    onclick: () => choose(start),
  }, t('book.timeAtSite', { time: formatInstant(start.start, 'shortDateTime'), site: siteName(start.site) })))));
}

/** Reloads the month's free times and shows the chosen day's again, without moving the focus. */
async function refreshDay() {
  const { first, last } = monthOf(state.month);
  const exam = state.exam.code;
  let starts;
  try {
    starts = await startsFor(first < today() ? today() : first, last);
  } catch {
    return;
  }
  // the patient moved on to another exam or month meanwhile: this answer is not theirs any more
  if (exam !== state.exam.code || monthOf(state.month).first !== first) return;
  state.starts = starts;
  const day = state.day;
  showMonth();
  if (day) showTimes(day);
}

/** The free starts nearest in time to the one refused, over the following week, at the chosen site if any. */
async function alternatives(refused) {
  const at = Date.parse(refused.start);
  const from = dayOf(Math.max(at, Date.now()));
  try {
    const starts = await startsFor(from, addDays(from, 6), state.site);
    return starts.filter(s => !(Date.parse(s.start) === at && s.site === refused.site))
      .sort((a, b) => Math.abs(Date.parse(a.start) - at) - Math.abs(Date.parse(b.start) - at))
      .slice(0, 5)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  } catch {
    return [];
  }
}

function showOutcome(status, heading, detail) {
  const outcome = byId('outcome');
  outcome.dataset.status = status;
  outcome.hidden = false;
  byId('outcome-heading').textContent = heading;
  byId('outcome-detail').textContent = detail;
  byId('outcome-where').hidden = true;
  byId('outcome-calendar').hidden = true;
  byId('book-another').hidden = true;
  byId('alternatives-heading').hidden = true;
  byId('alternatives').replaceChildren();
  if (status !== 'PENDING') byId('outcome-heading').focus();
}

function randomKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
}
