// Where a page sends the visitor next when a link said where to (the login page's `next`): only a
// page of this site. A value is taken only if it is a path with one leading slash and no second
// slash, backslash, control or white-space character anywhere — browsers drop tabs and newlines
// and read a backslash as a slash, so `/\tevil.example` or `/\evil.example` would otherwise name
// another host — and only if, resolved against this origin, it stays on this origin.
const PATH = /^\/(?!.*\/\/)[^\\\s\u0000-\u001f\u007f-\u009f]*$/u;

/** The absolute URL of `next` on `origin`, or of `fallback` when `next` is not a page of this site to go back to. */
export function nextPage(next, origin = location.origin, fallback = '/bookings') {
  const home = new URL(fallback, origin).href;
  if (typeof next !== 'string' || !PATH.test(next)) return home;
  let url;
  try {
    url = new URL(next, origin);
  } catch {
    return home;
  }
  if (url.origin !== origin || url.pathname === '/login' || url.pathname.startsWith('/login/')) return home;
  return url.href;
}

/**
 * Makes this page's links to `page` (the login page's link to register, and back) carry `next`, when
 * it names a page of this site: a visitor who takes the other way still returns where they were.
 */
export function carryNext(next, page, origin = location.origin) {
  if (nextPage(next, origin, '/') === new URL('/', origin).href) return;
  const query = new URLSearchParams({ next });
  document.querySelectorAll(`a[href="${page}"]`).forEach(link => link.setAttribute('href', `${page}?${query}`));
}
