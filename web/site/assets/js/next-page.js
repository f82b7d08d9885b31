// Where a page sends the visitor next when a link said where to (the login page's `next`): only a
// page of this site. A value is taken only if it is a path with one leading slash and no second
// slash, backslash, control or white-space character anywhere — browsers drop tabs and newlines
// and read a backslash as a slash, so `/\tevil.example` or `/\evil.example` would otherwise name
// another host — and only if, resolved against this origin, it stays on this origin.
const PATH = /^\/(?!.*\/\/)[^\\\s\u0000-\u001f\u007f-\u009f]*$/u;

/** The absolute URL of `next` on `origin`, or of `fallback` when `next` is not a page of this site to go back to. */
export function nextPage(next, origin = location.origin, fallback = '/bookings') {
  return pageOf(next, origin) ?? new URL(fallback, origin).href;
}

/**
 * Makes this page's links to `page` (the login page's link to register, and back) carry `next`, when
 * it names a page of this site: a visitor who takes the other way still returns where they were.
 */
export function carryNext(next, page, origin = location.origin) {
  if (pageOf(next, origin) === null) return;
  const query = new URLSearchParams({ next });
  document.querySelectorAll(`a[href="${page}"]`).forEach(link => link.setAttribute('href', `${page}?${query}`));
}

/** The absolute URL of `next` when it is a page of this site to go back to (not the login page), else null. */
function pageOf(next, origin) {
  if (typeof next !== 'string' || !PATH.test(next)) return null;
  let url;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname === '/login' || url.pathname.startsWith('/login/')) return null;
  return url.href;
}
