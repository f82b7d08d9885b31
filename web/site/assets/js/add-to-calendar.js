import { patientRequest } from '/assets/js/api.js';
import { siteName } from '/assets/js/catalog.js';
import { h, offerDownload } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';

/** An instant as calendar links write it: 20261210T083000Z. */
function compact(iso) {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Links that add a confirmed booking to Google Calendar or Outlook, and a button for the calendar file
 * (.ics: Apple Calendar and every other). A link hands its text to that company when followed, so it
 * names the site and its address, never the exam: which exam a patient has is health data.
 */
export function addToCalendar(reservation, site, { onFile }) {
  const title = t('calendar.title', { site: siteName(reservation.site) });
  const location = site?.address ?? siteName(reservation.site);
  const details = t('calendar.details');
  const google = 'https://calendar.google.com/calendar/render?' + new URLSearchParams({
    action: 'TEMPLATE', text: title, dates: `${compact(reservation.start)}/${compact(reservation.end)}`, location, details,
  });
  const outlook = 'https://outlook.live.com/calendar/0/deeplink/compose?' + new URLSearchParams({
    path: '/calendar/action/compose', rru: 'addevent', subject: title, location, body: details,
    startdt: new Date(reservation.start).toISOString(), enddt: new Date(reservation.end).toISOString(),
  });
  const link = (href, key, service) => h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-calendar': service },
    t(key), h('span', { class: 'visually-hidden' }, ` ${t('site.newTab')}`));
  return h('p', { class: 'add-to-calendar' }, t('calendar.add'), ' ',
    link(google, 'calendar.google', 'google'), ' · ', link(outlook, 'calendar.outlook', 'outlook'), ' · ',
    h('button', { type: 'button', class: 'link', id: `ics-${reservation.id}`, onclick: onFile }, t('calendar.file')));
}

/** The calendar file needs the bearer token, so it is fetched here and handed to the browser as a download. */
export async function downloadCalendarFile(reservation) {
  const response = await patientRequest(`/api/v1/reservations/${encodeURIComponent(reservation.id)}/calendar`,
    { raw: true, headers: { Accept: 'text/calendar' } });
  offerDownload(await response.blob(), `medicarewizard-${reservation.id}.ics`);
}
