import { ApiError } from '/assets/js/api.js';
import { clearRefusals, fieldErrors, refuse, submitting } from '/assets/js/admin-forms.js';
import { byId, h } from '/assets/js/dom.js';
import { formatInstant, t } from '/assets/js/i18n.js';
import { staffRequest } from '/assets/js/staff-session.js';

// A closure of a site, or of one of its resources, over days. It is first tried as a dry run, which
// lists the booked patients it would strand; with none it is saved at once, otherwise only once the
// administrator confirms, and then their bookings are cancelled by the center and each patient told.
const form = byId('closure-form');
const summary = byId('closure-error');
const preview = byId('closure-preview');
const FIELDS = ['site', 'resource', 'first', 'last', 'reason'];
/** What the center module lends: the version shown, a reload, a site's zone, an exam's name, a message said. */
let center = null;
/** The closure shown in the preview, waiting for the administrator's word, and the version it was checked on. */
let pending = null;

/** Wires the form to the center module's version shown, reload and names. */
export function setUpClosures(lent) {
  center = lent;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await submitting(form, check);
  });
  // a closure changed after its preview is checked again before it can be confirmed
  form.addEventListener('input', hidePreview);
  byId('closure-site').addEventListener('change', () => fillResources(center.shown().center));
  byId('closure-back').addEventListener('click', () => {
    hidePreview();
    byId('closure-first').focus();
  });
  byId('closure-confirm').addEventListener('click', () => confirm());
}

/** The sites and resources the form offers, kept as chosen where they are still there. */
export function fillClosureForm(shown) {
  const site = byId('closure-site');
  const chosen = site.value;
  site.replaceChildren(...shown.sites.map(s => h('option', { value: s.id, selected: s.id === chosen }, s.name)));
  fillResources(shown);
}

function fillResources(shown) {
  const resource = byId('closure-resource');
  const chosen = resource.value;
  const here = shown.resources.filter(r => r.site === byId('closure-site').value);
  resource.replaceChildren(h('option', { value: '' }, t('admin.closure.wholeSite')),
    ...here.map(r => h('option', { value: r.id, selected: r.id === chosen }, `${r.name} (${r.kind})`)));
}

function closure() {
  const body = Object.fromEntries(FIELDS.map(field => [field, byId(`closure-${field}`).value.trim()]));
  if (!body.resource) delete body.resource;
  return body;
}

/** The dry run: saved at once when it strands no one, else shown for the administrator to confirm. */
async function check() {
  hidePreview();
  const body = closure();
  const missing = {};
  ['first', 'last', 'reason'].filter(field => !body[field]).forEach(field => { missing[`closure-${field}`] = t(`admin.closure.error.${field}`); });
  if (body.first && body.last && body.last < body.first) missing['closure-last'] = t('admin.closure.error.order');
  if (Object.keys(missing).length) return refuse(form, summary, missing);
  const etag = center.shown().etag;
  try {
    const answer = await send(body, etag, '?dryRun=true');
    const stranded = answer.stranded ?? [];
    if (stranded.length === 0) return await save(body, etag, '');
    showPreview(body, etag, stranded);
  } catch (e) {
    await refused(e);
  }
}

async function confirm() {
  const button = byId('closure-confirm');
  button.disabled = true;
  try {
    await save(pending.body, pending.etag, '?cancelStranded=true');
  } catch (e) {
    await refused(e);
  } finally {
    button.disabled = false;
  }
}

async function save(body, etag, query) {
  const answer = await send(body, etag, query);
  const cancelled = answer.cancelled?.length ?? 0;
  hidePreview();
  form.reset();
  await center.reload();
  await center.say(cancelled === 0 ? t('admin.closure.saved')
    : t(`admin.closure.savedCancelled.${cancelled === 1 ? 'one' : 'other'}`, { count: cancelled }));
}

function send(body, etag, query) {
  return staffRequest('/api/v1/admin/closures' + query, { method: 'POST', body, headers: { 'If-Match': etag } });
}

function showPreview(body, etag, stranded) {
  pending = { body, etag };
  const count = stranded.length;
  const plural = count === 1 ? 'one' : 'other';
  byId('preview-heading').textContent = t(`admin.closure.previewHeading.${plural}`, { count });
  byId('closure-confirm').textContent = t(`admin.closure.confirm.${plural}`, { count });
  byId('stranded-table').tBodies[0].replaceChildren(...stranded.map(booking => h('tr', { 'data-reservation': booking.id },
    h('td', {}, booking.patient), h('td', {}, booking.email), h('td', {}, booking.phone),
    h('td', {}, center.examName(booking.examType)),
    h('td', {}, formatInstant(booking.start, 'shortDateTime', center.zoneOf(booking.site))))));
  preview.hidden = false;
  byId('preview-heading').focus();
}

function hidePreview() {
  pending = null;
  preview.hidden = true;
}

/**
 * A refusal in words where the administrator is: another change came first (the center is read again),
 * bookings made since the preview (checked again), per-field errors, a center that would not hold together.
 */
async function refused(e) {
  hidePreview();
  clearRefusals(form);
  if (!(e instanceof ApiError)) return refuse(form, summary, {}, t('common.unavailable'));
  if (e.status === 412) {
    await center.reload();
    return refuse(form, summary, {}, t('admin.center.changed'));
  }
  if (e.status === 409 && e.problem?.code === 'strands-bookings') return submitting(form, check);
  if (e.status === 422) return refuse(form, summary, {}, t('admin.center.invalid'));
  if (e.status !== 400) return refuse(form, summary, {}, t('common.unavailable'));
  const fields = fieldErrors(e);
  const messages = {};
  FIELDS.filter(field => field in fields && field !== 'site')
    .forEach(field => { messages[`closure-${field}`] = t(`admin.closure.error.${field}`); });
  refuse(form, summary, messages, Object.keys(messages).length ? '' : t('common.unavailable'));
}
