import { ApiError, patientRequest } from '/assets/js/api.js';
import { siteName } from '/assets/js/catalog.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatDay, formatInstant, t } from '/assets/js/i18n.js';
import { addDays, today } from '/assets/js/times.js';

/** The latest date the waitlist takes: the booking horizon (180 days) ahead. */
const HORIZON_DAYS = 180;

/**
 * Offers from the waitlist (reservations HELD for the patient) as cards to accept or decline, the first
 * named by the e-mail's link (?offer=) focused once. {@code until(id, status)} waits for the allocator;
 * {@code refresh()} reads the page's lists again.
 */
export function showOffers(offers, { names, status, until, refresh }) {
  byId('offers-section').hidden = offers.length === 0;
  byId('offers').replaceChildren(...offers.map(offer => offerCard(offer, { names, status, until, refresh })));
  const linked = new URLSearchParams(location.search).get('offer');
  if (linked && !showOffers.focused) {
    showOffers.focused = true;
    byId(`accept-${linked}`)?.focus();
  }
}

function offerCard(offer, actions) {
  const name = actions.names.get(offer.examType) || offer.examType;
  const hidden = h('span', { class: 'visually-hidden' }, ` ${name}`);
  return h('li', { class: 'card booking offer', 'data-id': offer.id, 'data-status': offer.status },
    h('h3', {}, name),
    h('p', {}, formatInstant(offer.start)),
    h('p', { class: 'muted' }, siteName(offer.site)),
    h('p', {}, h('span', { class: 'badge held' }, t('status.HELD'))),
    offer.heldUntil ? h('p', {}, t('waitlist.heldUntil', { time: formatInstant(offer.heldUntil, 'time') })) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: `accept-${offer.id}`, onclick: () => accept(offer, name, actions) },
        t('waitlist.accept'), hidden),
      h('button', { type: 'button', class: 'danger', id: `decline-${offer.id}`, onclick: () => decline(offer, actions) },
        t('waitlist.decline'), hidden.cloneNode(true))));
}

async function accept(offer, name, { status, until, refresh }) {
  say(status, t('waitlist.accepting'));
  try {
    await patientRequest(`/api/v1/reservations/${encodeURIComponent(offer.id)}/accept`, { method: 'POST', body: {} });
    const now = await until(offer.id, 'CONFIRMED');
    await refresh();
    said(status, now?.status === 'CONFIRMED' ? t('waitlist.accepted', { exam: name, when: formatInstant(offer.start) })
      : t('waitlist.acceptPending'));
  } catch (e) {
    await refresh();
    said(status, e instanceof ApiError && e.status === 409 ? t('waitlist.lapsed') : t('common.unavailable'));
  }
}

async function decline(offer, { status, until, refresh }) {
  say(status, t('waitlist.declining'));
  try {
    await patientRequest(`/api/v1/reservations/${encodeURIComponent(offer.id)}`, { method: 'DELETE' });
    await until(offer.id, 'CANCELLED');
    await refresh();
    said(status, t('waitlist.declined'));
  } catch {
    said(status, t('common.unavailable'));
  }
}

/** Says the outcome and moves the focus to it: the card whose button had it is gone. */
function said(status, text) {
  say(status, text);
  status.tabIndex = -1;
  status.focus();
}

/**
 * The patient's waitlist: what they wait for (each with a Leave button) and a form to wait for an earlier
 * time of an exam, at a site offering it or any, before a date.
 */
export async function setUpWaitlist({ exams, places, names }) {
  const form = byId('waitlist-form');
  const exam = byId('waitlist-exam');
  const site = byId('waitlist-site');
  const before = byId('waitlist-before');
  const error = byId('waitlist-error');
  const said = byId('waitlist-status');
  exam.replaceChildren(...(exams || []).map(e => h('option', { value: e.code }, e.name)));
  const fillSites = () => site.replaceChildren(h('option', { value: '' }, t('waitlist.anySite')),
    ...[...places.values()].filter(s => (s.examTypes || []).includes(exam.value))
      .map(s => h('option', { value: s.id }, siteName(s.id))));
  exam.addEventListener('change', fillSites);
  fillSites();
  before.min = addDays(today(), 1);
  before.max = addDays(today(), HORIZON_DAYS);
  before.value = addDays(today(), 30);

  async function list() {
    let entries;
    try {
      entries = await patientRequest('/api/v1/waitlist');
    } catch {
      say(said, t('common.unavailable'));
      return;
    }
    byId('waitlist').replaceChildren(...entries.map(entry => {
      const name = names.get(entry.examType) || entry.examType;
      return h('li', { 'data-id': entry.id },
        t('waitlist.entry', { exam: name, site: entry.site ? siteName(entry.site) : t('waitlist.anySite'),
          before: formatDay(entry.before) }), ' ',
        h('button', { type: 'button', id: `leave-${entry.id}`, onclick: () => leave(entry, name) },
          t('waitlist.leave'), h('span', { class: 'visually-hidden' }, ` ${name}`)));
    }));
    byId('no-waitlist').hidden = entries.length > 0;
  }

  async function leave(entry, name) {
    try {
      await patientRequest(`/api/v1/waitlist/${encodeURIComponent(entry.id)}`, { method: 'DELETE' });
      say(said, t('waitlist.left', { exam: name }));
    } catch {
      say(said, t('common.unavailable'));
    }
    await list();
    byId('waitlist-exam').focus();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    say(error, '');
    before.removeAttribute('aria-invalid');
    before.setAttribute('aria-describedby', 'waitlist-before-hint');
    if (!before.value || before.value < before.min || before.value > before.max) {
      say(error, t('waitlist.badDate', { first: formatDay(before.min), last: formatDay(before.max) }));
      before.setAttribute('aria-invalid', 'true');
      before.setAttribute('aria-describedby', 'waitlist-before-hint waitlist-error');
      error.focus();
      return;
    }
    const body = { examType: exam.value, before: before.value };
    if (site.value) body.site = site.value;
    try {
      await patientRequest('/api/v1/waitlist', { method: 'POST', body });
      say(said, t('waitlist.joined', { exam: names.get(exam.value) || exam.value, before: formatDay(before.value) }));
      await list();
    } catch (e) {
      const code = e instanceof ApiError ? e.problem?.code : null;
      say(error, code === 'already-waiting' ? t('waitlist.alreadyWaiting')
        : code === 'too-many-waitlist-entries' ? t('waitlist.tooMany')
          : e instanceof ApiError && e.status === 400 ? t('waitlist.refused') : t('common.unavailable'));
      error.focus();
    }
  });
  await list();
}
