import { clearSession, currentToken } from '/assets/js/session.js';

/** An answer of the API other than 2xx, with its RFC 9457 problem when it sent one. */
export class ApiError extends Error {
  constructor(status, problem = {}, headers = new Headers()) {
    super(`HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }
}

/** The longest wait {@link busyRetryAfter} gives: a page never sits idle longer on the server's word. */
const LONGEST_BUSY_WAIT_SECONDS = 30;

/**
 * For a 503 that says when to come back ({@code Retry-After} in seconds: the API shedding load, e.g.
 * its password hashing saturated), the whole seconds to wait, 1 to 30; null for any other refusal.
 */
export function busyRetryAfter(e) {
  return e instanceof ApiError && e.status === 503 ? retryAfterSeconds(e) : null;
}

/**
 * For a refusal that only asks to come back later (503 shedding load or 429 a limit, with
 * {@code Retry-After} in seconds), the whole seconds to wait, 1 to 30; null for any other.
 */
export function retryAfter(e) {
  return e instanceof ApiError && (e.status === 503 || e.status === 429) ? retryAfterSeconds(e) : null;
}

function retryAfterSeconds(e) {
  const value = (e.headers.get('Retry-After') || '').trim();
  if (!/^[0-9]+$/.test(value)) return null;
  return Math.min(LONGEST_BUSY_WAIT_SECONDS, Math.max(1, Number(value)));
}

/**
 * Waits {@code seconds} stretched by up to half again at random, so that a crowd the API refused
 * together with the same Retry-After does not come back together (a thundering herd).
 */
export function pauseAbout(seconds) {
  return new Promise(resolve => setTimeout(resolve, seconds * 1000 * (1 + Math.random() * 0.5)));
}

/**
 * {@code send()}, sent again while the API answers it busy (503 with Retry-After), after the time it
 * gave ({@link pauseAbout}), at most {@code retries} times, so a crowd is spread out rather than turned
 * into errors (ADR 0006). {@code waiting(seconds)} is told of each wait, {@code waiting(null)} once
 * the answer came after one.
 */
export async function retryingBusy(send, { retries = 5, waiting = () => {} } = {}) {
  for (let retry = 0; ; retry++) {
    try {
      const answer = await send();
      if (retry > 0) waiting(null);
      return answer;
    } catch (e) {
      const seconds = busyRetryAfter(e);
      if (seconds === null || retry >= retries) {
        if (retry > 0) waiting(null);
        throw e;
      }
      waiting(seconds);
      await pauseAbout(seconds);
    }
  }
}

let leaving = false;

/**
 * Sends the browser to the login page, which brings the patient back here afterwards. Only the
 * first call of a page counts: two calls refused at once both end here, and the second one (the
 * session already cleared: "log in required") must not replace the reason the first one gave.
 */
export function toLogin(reason) {
  if (leaving) return;
  leaving = true;
  const query = new URLSearchParams({ next: location.pathname + location.search, reason });
  location.replace('/login?' + query);
}

/** A call to the API; JSON in and out, {@link ApiError} for anything but 2xx. */
export async function request(path, { method = 'GET', body, token, headers = {}, raw = false, signal } = {}) {
  const sent = { Accept: 'application/json', ...headers };
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  if (token) sent.Authorization = 'Bearer ' + token;
  const response = await fetch(path, {
    method,
    headers: sent,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not every refusal carries a problem document
    }
    throw new ApiError(response.status, problem, response.headers);
  }
  if (raw) return response;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/**
 * A call as the logged-in patient, once this tab has its session (perhaps from another tab). Without
 * a token, or when the API refuses it (forged, expired, logged out: 401), the session ends and the
 * patient is sent to log in; the returned promise then never settles, so the page shows nothing it
 * should not.
 */
export async function patientRequest(path, options = {}) {
  const token = await currentToken();
  if (!token) {
    toLogin('login-required');
    return never();
  }
  try {
    return await request(path, { ...options, token });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      clearSession();
      toLogin('expired');
      return never();
    }
    throw e;
  }
}

function never() {
  return new Promise(() => {});
}
