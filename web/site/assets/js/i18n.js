import { SITE_ZONE, noonOf } from '/assets/js/times.js';

// Every text of the site comes from a message file; the language is the browser's unless the
// visitor picked one with the switcher.
const FILES = { en: '/assets/messages/en.json', it: '/assets/messages/it.json' };
const LOCALES = { en: 'en-GB', it: 'it-IT' };
const CHOICE = 'mcw.language';

export const LANGUAGES = Object.keys(FILES);
export const language = chosenLanguage();
const locale = LOCALES[language];
const messages = await (await fetch(FILES[language])).json();

function chosenLanguage() {
  const picked = localStorage.getItem(CHOICE);
  if (picked in FILES) return picked;
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base in FILES) return base;
  }
  return 'en';
}

export function setLanguage(picked) {
  localStorage.setItem(CHOICE, picked);
  location.reload();
}

/** The message for a key, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = messages[key];
  if (text === undefined) {
    console.warn('missing message', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The message for a key when the message file has one, otherwise the fallback (data from the API). */
export function tOr(key, fallback) {
  return key in messages ? messages[key] : fallback;
}

/** Fills data-i18n (text) and data-i18n-label (aria-label) from the messages. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
}

const formats = {
  dateTime: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  shortDateTime: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  seconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  dateTimeSeconds: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

/** An ISO-8601 instant formatted for the language, in the site's zone (or in {@code zone}, a site's own). */
export function formatInstant(iso, style = 'dateTime', zone = SITE_ZONE) {
  return new Intl.DateTimeFormat(locale, { ...formats[style], timeZone: zone }).format(new Date(iso));
}

/** The hour (0-23) of an ISO-8601 instant at the site, whatever the browser's zone. */
export function hourAtSite(iso) {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: SITE_ZONE })
    .format(new Date(iso)));
}

/** A calendar day ('YYYY-MM-DD') formatted for the language. */
export function formatDay(day, options = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(noonOf(day));
}

export function formatNumber(value, maximumFractionDigits = 1) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}
