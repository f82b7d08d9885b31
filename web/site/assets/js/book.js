import { addToCalendar, downloadCalendarFile } from '/assets/js/add-to-calendar.js';
import { ApiError, patientRequest, pauseAbout, retryAfter } from '/assets/js/api.js';
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
  // a reservation named in the address (?reservation=): the page was reloaded while it was processing
  resumed: null,
  // the patient's bookings still ahead, to warn before a second booking of the same exam
  upcoming: [],
};
const examSelect = byId('exam');
const siteSelect = byId('site');
// while the catalogue loads, the lists say so rather than stand empty
examSelect.replaceChildren(h('option', { value: '' }, t('common.loading')));
siteSelect.replaceChildren(h('option', { value: '' }, t('common.loading')));
/** The month's free times being read; a newer read (another exam, site or month) aborts it. */
let monthRead = null;

try {
  [state.exams, state.sites] = await Promise.all([examTypes(), sites()]);
} catch {
  say(byId('calendar-status'), t('common.unavailable'));
}
examSelect.replaceChildren(...state.exams.map(exam => h('option', { value: exam.code }, exam.name)));
const wanted = new URLSearchParams(location.search).get('exam');
if (state.exams.some(exam => exam.code === wanted)) examSelect.value = wanted;
examSelect.addEventListener('change', () => chooseExam());
siteSelect.addEventListener('change', () => {
  state.site = siteSelect.value;
  state.day = null;
  showSiteInfo();
  showMonth();
});
byId('prev-month').addEventListener('click', () => moveMonth(-1));
byId('next-month').addEventListener('click', () => moveMonth(1));
byId('confirm').addEventListener('click', confirm);
byId('book-another').addEventListener('click', bookAnother);
loadUpcoming();
const asked = new URLSearchParams(location.search);
const resuming = asked.get('reservation');
if (resuming) {
  const examOf = await resume(resuming);
  if (examOf) examSelect.value = examOf;
} else {
  state.site = asked.get('site') ?? '';
  const start = asked.get('start');
  if (start && !Number.isNaN(Date.parse(start))) state.month = monthOf(dayOf(start)).first;
}
if (state.exams.length) await chooseExam();
if (resuming) await settleResumed(resuming);
else chooseAgain(asked.get('start'), asked.get('at'));

/**
 * The time chosen before, named in the address (?start=&at=): after logging in again (an expired
 * session sends the patient to log in and back to this address) or a reload, the day and time are
 * chosen again if they are still free, and Confirm is where it was.
 */
function chooseAgain(start, site) {
  if (!start || !site) return;
  const again = state.starts.find(s => Date.parse(s.start) === Date.parse(start) && s.site === site);
  if (!again) return;
  chooseDay(dayOf(again.start));
  choose(again);
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

/** Before a second booking of an exam the patient already has ahead: said, not refused (some need two). */
function warnOfDuplicate() {
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
  state.exam = state.exams.find(exam => exam.code === examSelect.value);
  say(byId('preparation'), t('book.preparation', { text: state.exam.preparation }));
  state.day = null;
  await loadMonth();
}

async function moveMonth(step) {
  const [y, m] = state.month.split('-').map(Number);
  state.month = new Date(Date.UTC(y, m - 1 + step, 1)).toISOString().slice(0, 10);
  state.day = null;
  await loadMonth();
}

/**
 * Reads the month's free times for the exam chosen. Only the latest read counts: one begun for an
 * exam or month since left is aborted, and an answer that still arrives late is dropped, so that
 * the calendar, the times and the summary are never built from another exam's times.
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
    starts = from <= last ? await freeStarts(state.exam.code, from, last, '', read.signal) : [];
  } catch {
    if (read.signal.aborted) return;
    state.starts = [];
    say(byId('calendar-status'), t('common.unavailable'));
    return;
  }
  if (read !== monthRead) return;
  state.starts = starts;
  fillSites();
  showMonth();
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

/** Shows the summary of the chosen start; one idempotency key per choice, so a double click books once. */
function choose(start) {
  rememberChoice(start);
  state.chosen = start;
  state.key = randomKey();
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
  byId('confirm').disabled = false;
  byId('step-confirm').hidden = false;
  byId('confirm-heading').focus();
  // Confirm in view: below a long summary it was under the fold on a desktop
  byId('confirm').scrollIntoView({ block: 'nearest' });
}

function entry(key, value) {
  return [h('dt', {}, t(key)), h('dd', {}, value)];
}

async function confirm() {
  const start = state.chosen;
  byId('confirm').disabled = true;
  showOutcome('PENDING', t('book.processing'), t('book.processingDetail'));
  try {
    const accepted = await patientRequest('/api/v1/reservations', {
      method: 'POST',
      headers: { 'Idempotency-Key': state.key },
      body: { examType: state.exam.code, start: start.start, site: start.site },
    });
    // a refresh or a return to this address resumes the wait for this reservation, not a blank form
    remember(accepted.id);
    await settle(await decision(accepted.id));
  } catch (e) {
    const refused = e instanceof ApiError && (e.status === 400 || e.status === 422);
    // a refusal's problem code (too-many-bookings) names the same reason as a rejection (TOO_MANY_BOOKINGS)
    const reason = String(e.problem?.code ?? '').toUpperCase().replaceAll('-', '_');
    if (refused) await rejected({ ...start, reason, examType: state.exam.code });
    else showOutcome('ERROR', t('book.failed'), t('common.unavailable'));
  }
}

async function settle(decided) {
  if (decided.status === 'CONFIRMED') confirmed(decided);
  else if (decided.status === 'REJECTED') await rejected(decided);
  else showOutcome('PENDING', t('book.stillProcessing'), t('book.stillProcessingDetail'));
}

/** The chosen time in the page's address (?exam=&site=&start=&at=), the step to come back to. */
function rememberChoice(start) {
  const url = new URL(location.href);
  url.searchParams.delete('reservation');
  url.searchParams.set('exam', state.exam.code);
  if (state.site) url.searchParams.set('site', state.site);
  else url.searchParams.delete('site');
  url.searchParams.set('start', start.start);
  url.searchParams.set('at', start.site);
  history.replaceState(null, '', url.pathname + url.search);
}

/** The reservation in the page's address (?reservation=), so that reloading it shows where it stands. */
function remember(id) {
  const url = new URL(location.href);
  url.searchParams.set('exam', state.exam.code);
  url.searchParams.set('reservation', id);
  history.replaceState(null, '', url.pathname + url.search);
}

function forget() {
  const url = new URL(location.href);
  if (!url.searchParams.has('reservation')) return;
  url.searchParams.delete('reservation');
  history.replaceState(null, '', url.pathname + url.search);
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
async function settleResumed(id) {
  const reservation = state.resumed;
  if (!reservation || reservation.id !== id) return;
  state.chosen = { start: reservation.start, site: reservation.site };
  if (reservation.status === 'PENDING') {
    showOutcome('PENDING', t('book.processing'), t('book.processingDetail'));
    try {
      await settle(await decision(id));
    } catch {
      showOutcome('ERROR', t('book.failed'), t('common.unavailable'));
    }
  } else {
    await settle(reservation);
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
  state.upcoming.push(reservation);
  byId('step-confirm').hidden = true;
  byId('step-time').hidden = true;
  document.querySelectorAll('main > section.step').forEach(step => { step.hidden = true; });
  showOutcome('CONFIRMED', t('book.confirmed'), t('book.confirmedDetail', {
    exam: state.exam.name, when: formatInstant(reservation.start), site: siteName(reservation.site),
  }));
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

/** Back to the form, the confirmed booking kept in My bookings: a fresh choice of day and time. */
function bookAnother() {
  forget();
  document.querySelectorAll('main > section.step').forEach(step => {
    step.hidden = step.id === 'step-time' || step.id === 'step-confirm';
  });
  byId('outcome').hidden = true;
  byId('book-another').hidden = true;
  byId('exam-heading').scrollIntoView();
  examSelect.focus();
}

async function rejected(reservation) {
  byId('step-confirm').hidden = true;
  const reason = tOr(`book.reason.${reservation.reason}`, t('book.reason.other'));
  showOutcome('REJECTED', t('book.rejected'), reason);
  const nearest = await alternatives(reservation);
  await refreshDay();
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
    starts = await freeStarts(exam, first < today() ? today() : first, last);
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
    const starts = await freeStarts(state.exam.code, from, addDays(from, 6), state.site);
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
