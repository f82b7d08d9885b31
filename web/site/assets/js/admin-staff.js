import { ApiError } from '/assets/js/api.js';
import { refreshAudit } from '/assets/js/admin-audit.js';
import { fieldErrors, refuse, submitting } from '/assets/js/admin-forms.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatInstant, t } from '/assets/js/i18n.js';
import { staffRequest } from '/assets/js/staff-session.js';

// The staff accounts: every member listed, a new one added (their invitation goes to their own address),
// a role changed, a member made inactive or active again, a new invitation sent.
const status = byId('staff-status');
const error = byId('staff-error');
const form = byId('add-staff-form');
let me = null;

form.addEventListener('submit', async event => {
  event.preventDefault();
  await submitting(form, add);
});

/** Lists the staff for {@code member}, the administrator of this session. */
export async function showStaff(member) {
  me = member;
  say(status, '');
  say(error, '');
  await list();
}

async function list() {
  const members = await staffRequest('/api/v1/admin/staff');
  byId('staff-table').tBodies[0].replaceChildren(...members.map(row));
}

function row(member) {
  const other = member.role === 'admin' ? 'front-desk' : 'admin';
  const name = h('span', { class: 'visually-hidden' }, ` ${member.name}`);
  const button = (id, text, onclick, attributes = {}) =>
    h('button', { type: 'button', id: `${id}-${member.id}`, onclick, ...attributes }, text, name.cloneNode(true));
  return h('tr', { 'data-member': member.email },
    h('td', {}, member.name, member.id === me?.id ? ` (${t('admin.staff.you')})` : ''),
    h('td', {}, member.email),
    h('td', { 'data-role': member.role }, t(`admin.role.${member.role}`)),
    h('td', {}, stateOf(member)),
    h('td', {}, h('div', { class: 'actions' },
      button('role', t(`admin.staff.make.${other}`), () => change(member, { role: other }, 'role')),
      button('active', t(member.active ? 'admin.staff.deactivate' : 'admin.staff.activate'),
        () => change(member, { active: !member.active }, 'active'), { class: member.active ? 'danger' : null }),
      member.active ? button('invite', t('admin.staff.invite'), () => invite(member)) : null)));
}

function stateOf(member) {
  if (!member.active) return t('admin.staff.inactive');
  return member.passwordSet ? t('admin.staff.active') : t('admin.staff.invited');
}

/** PATCH one field of a member; the list is drawn again and the focus goes back to the same button. */
async function change(member, body, button) {
  await acting(`${button}-${member.id}`, async () => {
    const changed = await staffRequest(`/api/v1/admin/staff/${member.id}`, { method: 'PATCH', body });
    await list();
    const key = 'role' in body ? 'admin.staff.roleChanged' : changed.active ? 'admin.staff.activated' : 'admin.staff.deactivated';
    say(status, t(key, { name: changed.name, role: t(`admin.role.${changed.role}`) }));
    await refreshAudit();
  });
}

async function invite(member) {
  await acting(`invite-${member.id}`, async () => {
    const sent = await staffRequest(`/api/v1/admin/staff/${member.id}/invitation`, { method: 'POST' });
    say(status, t('admin.staff.invitationSent', { email: member.email, until: formatInstant(sent.expiresAt, 'shortDateTime') }));
    await refreshAudit();
  });
}

/** Runs an action of a member's row, saying how it went (409s in words), the focus kept on its button. */
async function acting(buttonId, work) {
  say(status, '');
  say(error, '');
  byId(buttonId).disabled = true;
  try {
    await work();
  } catch (e) {
    const code = e instanceof ApiError && e.status === 409 ? e.problem?.code : null;
    say(error, ['last-admin', 'changed-meanwhile', 'inactive'].includes(code) ? t(`admin.staff.error.${code}`) : t('common.unavailable'));
    if (code === 'changed-meanwhile') await list();
  } finally {
    const button = byId(buttonId);
    if (button) {
      button.disabled = false;
      button.focus();
    }
  }
}

async function add() {
  const body = { name: byId('member-name').value.trim(), email: byId('member-email').value.trim(), role: byId('member-role').value };
  const summary = byId('add-staff-error');
  const missing = {};
  if (!body.name) missing['member-name'] = t('admin.staff.error.name');
  if (!body.email) missing['member-email'] = t('register.error.email');
  if (Object.keys(missing).length) return refuse(form, summary, missing);
  try {
    const added = await staffRequest('/api/v1/admin/staff', { method: 'POST', body });
    form.reset();
    await list();
    say(status, t('admin.staff.added', { name: added.name, email: added.email }));
    status.focus();
    await refreshAudit();
  } catch (e) {
    if (!(e instanceof ApiError)) return refuse(form, summary, {}, t('common.unavailable'));
    if (e.status === 409 && e.problem?.code === 'email-taken') return refuse(form, summary, { 'member-email': t('admin.staff.error.email-taken') });
    if (e.status !== 400) return refuse(form, summary, {}, t('common.unavailable'));
    const fields = fieldErrors(e);
    const messages = {};
    if ('name' in fields) messages['member-name'] = t('admin.staff.error.name');
    if ('email' in fields) messages['member-email'] = t('register.error.email');
    if ('role' in fields) messages['member-role'] = t('admin.staff.error.role');
    refuse(form, summary, messages, Object.keys(messages).length ? '' : t('common.unavailable'));
  }
}
