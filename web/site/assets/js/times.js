// Dates of the center: every day and time is the site's (Europe/Rome), whatever the browser's zone.
export const SITE_ZONE = 'Europe/Rome';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: SITE_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The site's calendar day of an instant, as 'YYYY-MM-DD'. */
export function dayOf(instant) {
  const parts = Object.fromEntries(DAY.formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function today() {
  return dayOf(Date.now());
}

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no zone involved). */
export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The first and last day of the month of a day, and the weekday (0 = Monday) of its first day. */
export function monthOf(day) {
  const [y, m] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const last = new Date(Date.UTC(y, m, 0));
  return {
    first: first.toISOString().slice(0, 10),
    last: last.toISOString().slice(0, 10),
    length: last.getUTCDate(),
    offset: (first.getUTCDay() + 6) % 7,
  };
}

/** A calendar day as a Date at noon UTC, for formatting with timeZone 'UTC'. */
export function noonOf(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}
