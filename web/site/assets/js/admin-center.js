import { ApiError } from '/assets/js/api.js';
import { refreshAudit } from '/assets/js/admin-audit.js';
import { fillClosureForm, setUpClosures } from '/assets/js/admin-closure.js';
import { openingLines } from '/assets/js/catalog.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatDay, formatInstant, language, t } from '/assets/js/i18n.js';
import { SITE_ZONE } from '/assets/js/times.js';
import { staffRequest } from '/assets/js/staff-session.js';

// The center as the table keeps it now: its sites, exam types, resources and closures, read with the
// version it is (ETag), which every change names (If-Match) so that it is never made over another's.
const status = byId('center-status');
const error = byId('center-error');
const DAY = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
/** The version shown: { center, etag }. */
let shown = { center: null, etag: null };

setUpClosures({ shown: () => shown, reload: showCenter, zoneOf, examName, say: saidAfterChange });

/** Reads the center and shows it; the closures' form follows the sites and resources it has. */
export async function showCenter() {
  const response = await staffRequest('/api/v1/admin/center', { raw: true });
  shown = { center: await response.json(), etag: response.headers.get('ETag') };
  const center = shown.center;
  byId('center-version').textContent = t('admin.center.version', {
    version: center.version, savedAt: formatInstant(center.savedAt, 'shortDateTime'),
  });
  byId('sites').replaceChildren(...center.sites.map(site => h('li', { class: 'card' },
    h('h4', {}, site.name), h('p', {}, site.address), h('p', { class: 'muted' }, `${site.id} · ${site.zone}`))));
  byId('exams-table').tBodies[0].replaceChildren(...center.examTypes.map(exam => h('tr', {},
    h('td', {}, examName(exam.code)), h('td', {}, exam.code),
    h('td', {}, t('admin.exam.duration', { minutes: exam.durationMinutes, setUp: exam.setUpMinutes, turnover: exam.turnoverMinutes })),
    h('td', {}, exam.needs.join(', ')),
    h('td', { class: 'long' }, exam.preparation[language] ?? exam.preparation.en))));
  byId('resources-table').tBodies[0].replaceChildren(...center.resources.map(resource => h('tr', {},
    h('td', {}, resource.name, h('br'), h('span', { class: 'muted' }, resource.id)),
    h('td', {}, siteName(resource.site)), h('td', {}, resource.kind), h('td', {}, resource.performs.join(', ')),
    h('td', {}, h('ul', { class: 'plain' }, ...hoursOf(resource).map(line => h('li', {}, line)))))));
  showClosures(center);
  fillClosureForm(center);
}

function showClosures(center) {
  byId('closures-table').tBodies[0].replaceChildren(...center.closures.map(closure => h('tr', { 'data-closure': closure.id },
    h('td', {}, siteName(closure.site)), h('td', {}, closure.resource ? resourceName(closure.resource) : t('admin.closure.wholeSite')),
    h('td', {}, formatDay(closure.first, DAY)), h('td', {}, formatDay(closure.last, DAY)), h('td', {}, closure.reason),
    h('td', {}, h('button', { type: 'button', id: `remove-${closure.id}`, onclick: () => remove(closure) },
      t('admin.closure.remove'), h('span', { class: 'visually-hidden' }, ` ${closure.reason}`))))));
  byId('closures-wrap').hidden = center.closures.length === 0;
  byId('no-closures').hidden = center.closures.length > 0;
}

/** A closure lifted: it strands no one, so it is saved at once over the version shown. */
async function remove(closure) {
  byId(`remove-${closure.id}`).disabled = true;
  say(status, '');
  say(error, '');
  try {
    await staffRequest(`/api/v1/admin/closures/${closure.id}`, { method: 'DELETE', headers: { 'If-Match': shown.etag } });
    await showCenter();
    await saidAfterChange(t('admin.closure.removed', { reason: closure.reason }));
  } catch (e) {
    const changed = e instanceof ApiError && (e.status === 412 || e.status === 404);
    if (changed) await showCenter();
    say(error, changed ? t('admin.center.changed') : t('common.unavailable'));
    error.focus();
  }
}

/** Says what a change did, the focus on the message, once the center is shown again; the audit trail shows it. */
async function saidAfterChange(text) {
  say(error, '');
  say(status, text);
  status.focus();
  await refreshAudit();
}

function hoursOf(resource) {
  return openingLines({ hours: Object.entries(resource.hours).map(([day, periods]) => ({ day, periods })) });
}

function siteName(id) {
  return shown.center.sites.find(site => site.id === id)?.name ?? id;
}

function resourceName(id) {
  return shown.center.resources.find(resource => resource.id === id)?.name ?? id;
}

function examName(code) {
  const exam = shown.center.examTypes.find(e => e.code === code);
  return exam ? exam.name[language] ?? exam.name.en : code;
}

/** A site's own time zone, in which its bookings' times are shown. */
function zoneOf(id) {
  return shown.center.sites.find(site => site.id === id)?.zone ?? SITE_ZONE;
}
