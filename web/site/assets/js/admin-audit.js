import { ApiError } from '/assets/js/api.js';
import { refuse, submitting } from '/assets/js/admin-forms.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatInstant, t, tOr } from '/assets/js/i18n.js';
import { addDays } from '/assets/js/times.js';
import { staffRequest } from '/assets/js/staff-session.js';

// The staff's audit trail over a range of days (UTC days, as the API keeps it, at most 31), newest first:
// who did what, on what, when, and the fields before and after.
const form = byId('audit-form');
const status = byId('audit-status');
const MAX_DAYS = 31;

form.addEventListener('submit', async event => {
  event.preventDefault();
  await submitting(form, show);
});

/** Today's entries, the range left as chosen when the page shows them again. */
export async function showAudit() {
  const today = new Date().toISOString().slice(0, 10);
  if (!byId('audit-from').value) byId('audit-from').value = today;
  if (!byId('audit-to').value) byId('audit-to').value = today;
  await show();
}

/** The range shown, read again (a change just made is in it); a refusal is said without taking the focus. */
export async function refreshAudit() {
  await show({ quiet: true });
}

async function show({ quiet = false } = {}) {
  const from = byId('audit-from').value;
  const to = byId('audit-to').value;
  const error = byId('audit-error');
  const refused = text => (quiet ? say(error, text) : refuse(form, error, {}, text));
  if (!from || !to || to < from || addDays(from, MAX_DAYS - 1) < to) {
    return refused(t('admin.audit.error.range', { days: MAX_DAYS }));
  }
  try {
    const page = await staffRequest('/api/v1/admin/audit?' + new URLSearchParams({ from, to }));
    const entries = [...page.entries].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    byId('audit-table').tBodies[0].replaceChildren(...entries.map(entry));
    byId('audit-wrap').hidden = entries.length === 0;
    say(error, '');
    say(status, [t('admin.audit.count', { count: entries.length }), page.truncated ? t('admin.audit.truncated') : '']
      .filter(Boolean).join(' '));
  } catch (e) {
    const range = e instanceof ApiError && e.status === 400;
    refused(range ? t('admin.audit.error.range', { days: MAX_DAYS }) : t('common.unavailable'));
  }
}

function entry(item) {
  return h('tr', { 'data-action': item.action },
    h('td', {}, formatInstant(item.at, 'dateTimeSeconds')),
    h('td', {}, item.actor === 'bootstrap' ? t('admin.audit.bootstrap') : item.actorEmail),
    h('td', {}, tOr(`admin.action.${item.action}`, item.action), h('br'), h('code', {}, item.action)),
    h('td', {}, item.subject),
    h('td', {}, fields(item.before)), h('td', {}, fields(item.after)));
}

/** A change's fields, one "name: value" a line; a dash when there are none. */
function fields(values) {
  const names = Object.keys(values ?? {});
  if (names.length === 0) return '—';
  return h('ul', { class: 'plain' }, ...names.map(name => h('li', {}, `${name}: ${values[name]}`)));
}
