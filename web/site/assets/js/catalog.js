import { request } from '/assets/js/api.js';
import { h } from '/assets/js/dom.js';
import { formatDay, language, t, tOr } from '/assets/js/i18n.js';
import { addDays, today } from '/assets/js/times.js';

/**
 * The center's exam types, with names and preparation notes in the page's language where the center
 * wrote them in it (the same texts its e-mails and text messages use), else its own.
 */
export async function examTypes() {
  const exams = await request('/api/v1/exam-types');
  return exams.map(exam => ({
    ...exam,
    name: exam.translations?.[language]?.name ?? exam.name,
    preparation: exam.translations?.[language]?.preparation ?? exam.preparation,
  }));
}

/** A site's name in the page's language when the message files know it, else its id. */
export function siteName(id) {
  return tOr(`site.${id}`, id);
}

let sitesAsked = null;

/** The center's sites by id (name, address, map link, opening hours), asked once per page; empty when unavailable. */
export function sites() {
  sitesAsked ??= request('/api/v1/sites').then(list => new Map(list.map(site => [site.id, site])), () => {
    sitesAsked = null;
    return new Map();
  });
  return sitesAsked;
}

/** A Monday, to name the days of the week in the page's language. */
const A_MONDAY = '2024-01-01';
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/**
 * A site's opening hours as people read them, days with the same hours together:
 * "Monday–Friday 07:30–19:00", "Saturday 08:00–13:00", "Sunday closed".
 */
export function openingLines(site) {
  const byDay = new Map(site.hours.map(day => [day.day, day.periods.map(p => `${p.from}–${p.to}`).join(', ')]));
  const lines = [];
  DAYS.forEach((day, i) => {
    const hours = byDay.get(day) ?? '';
    const last = lines.at(-1);
    if (last && last.hours === hours && last.to === i - 1) last.to = i;
    else lines.push({ from: i, to: i, hours });
  });
  const name = i => formatDay(addDays(A_MONDAY, i), { weekday: 'long' });
  return lines.map(line => `${line.from === line.to ? name(line.from) : `${name(line.from)}–${name(line.to)}`} `
    + (line.hours || t('site.closed')));
}

/** Where a site is: its address and a plain link to the map (opens in a new tab), for any page that shows the site. */
export function siteAddress(site) {
  if (!site) return null;
  return h('span', { class: 'site-address' }, site.address, ' · ',
    h('a', { href: site.mapUrl, target: '_blank', rel: 'noopener noreferrer' }, t('site.map'),
      h('span', { class: 'visually-hidden' }, ` ${siteName(site.id)} ${t('site.newTab')}`)));
}

/** The bookable starts of an exam between two days (inclusive), at one site or all; only those with room. */
export async function freeStarts(exam, from, to, site = '', signal = undefined) {
  const query = new URLSearchParams({ examType: exam, from, to });
  if (site) query.set('site', site);
  const starts = await request('/api/v1/availability?' + query, { signal });
  return starts.filter(start => start.available > 0);
}

/** The earliest free start of an exam in the next two weeks, or null: asked alone (firstFree=1), not two weeks of starts. */
export async function earliestStart(exam) {
  const from = today();
  const query = new URLSearchParams({ examType: exam, from, to: addDays(from, 13), firstFree: '1' });
  const starts = await request('/api/v1/availability?' + query);
  return starts.find(start => start.available > 0) ?? null;
}
