import { ApiError, request } from '/assets/js/api.js';

// A member of staff's token is not a patient's: it is asked for on the staff's own page and kept in
// this tab's sessionStorage only, as the operator token is on /ops (never a cookie, never
// localStorage, never handed to other tabs: a staff session opens the center and its audit trail, so
// it stays where it was opened). It is dropped when it expires or the API refuses it.
const KEY = 'mcw.staffSession';
let onEnded = () => {};

/** This tab's staff session ({ token, role, expiresAt }), or null (an expired one is dropped). */
export function staffSession() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    // a damaged entry is no session
  }
  if (!saved?.token || !(saved.expiresAt > Date.now())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return saved;
}

export function saveStaffSession({ accessToken, expiresIn, role }) {
  sessionStorage.setItem(KEY, JSON.stringify({ token: accessToken, role, expiresAt: Date.now() + expiresIn * 1000 }));
}

export function clearStaffSession() {
  sessionStorage.removeItem(KEY);
}

/** What the page does when the API refuses the session (expired, revoked, the member made inactive). */
export function whenStaffSessionEnds(listener) {
  onEnded = listener;
}

/**
 * A call as the member of staff of this tab. Without a session, or when the API refuses it (401, or 403:
 * forged, expired, the member made inactive, a role the route does not admit), the session is dropped and
 * the page told; the returned promise then never settles, so nothing half-done is shown.
 */
export async function staffRequest(path, options = {}) {
  const session = staffSession();
  if (!session) return ended();
  try {
    return await request(path, { ...options, token: session.token });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return ended();
    throw e;
  }
}

function ended() {
  clearStaffSession();
  onEnded();
  return new Promise(() => {});
}
