// The patient's access token lives in the tab's sessionStorage only: never a cookie, never
// localStorage, dropped as soon as it expires or the API refuses it. The tabs of one browser share
// it over a BroadcastChannel, which reaches only pages of this origin (docs/adr/0012): a tab that
// starts without a session asks the others, one holding an unexpired session hands it over, and
// logging out in one tab ends the session in all of them.
const KEY = 'mcw.session';
const CHANNEL = 'mcw.session';
/** Held, shared, by every page holding a session: a new tab asks only when some page holds it. */
const HOLDER = 'mcw.session.holder';
/**
 * How long a tab without a session waits for another tab to hand one over. Only when some page holds
 * a session (the Web Lock says so) does it wait at all; a second leaves room for a background tab on a
 * busy machine to answer; 300 ms could send a patient who is logged in to the log-in page.
 */
const WAIT_MS = 1000;

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
const endedElsewhere = new Set();
/** This tab's question to the others while it waits: { id, answered }. */
let asking = null;
let letGo = null;
let ready = null;

channel?.addEventListener('message', ({ data }) => {
  if (data?.type === 'ask') answer(data.id);
  else if (data?.type === 'session') take(data);
  else if (data?.type === 'logout') endHere();
});
if (valid()) hold();

/**
 * Settles once this tab has the session it will work with: its own, one another tab handed over,
 * or none when no tab answered within {@link WAIT_MS}. Asked once a page; later calls answer at once.
 */
function sessionReady() {
  ready ??= valid() ? Promise.resolve() : handedOver();
  return ready;
}

/** The token of this tab's session once it is ready, or null (an expired one is dropped). */
export async function currentToken() {
  await sessionReady();
  const saved = valid();
  if (!saved) {
    clearSession();
    return null;
  }
  return saved.token;
}

export function saveSession({ accessToken, expiresIn }) {
  store({ token: accessToken, expiresAt: Date.now() + expiresIn * 1000 });
}

/** Drops this tab's session (expired, or refused by the API); the other tabs find out for themselves. */
export function clearSession() {
  sessionStorage.removeItem(KEY);
  letGo?.();
  letGo = null;
}

/** Logging out: this tab's session ends, and every other tab's of this browser with it. */
export function endSession() {
  clearSession();
  channel?.postMessage({ type: 'logout' });
}

/** Calls {@code listener} when logging out in another tab has ended this tab's session. */
export function onEndedElsewhere(listener) {
  endedElsewhere.add(listener);
}

function store(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  hold();
}

function valid() {
  const saved = read();
  return saved && Date.now() < saved.expiresAt ? saved : null;
}

function read() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return saved && typeof saved.token === 'string' && typeof saved.expiresAt === 'number' ? saved : null;
  } catch {
    return null;
  }
}

/** Another tab asks: only an unexpired session is handed over, to that tab's question. */
function answer(id) {
  const saved = valid();
  if (saved && typeof id === 'string') {
    channel.postMessage({ type: 'session', to: id, token: saved.token, expiresAt: saved.expiresAt });
  }
}

/** An answer to this tab's question, kept only when this tab has no session of its own meanwhile. */
function take({ to, token, expiresAt }) {
  if (!asking || to !== asking.id || typeof token !== 'string' || typeof expiresAt !== 'number') return;
  if (Date.now() >= expiresAt) return;
  if (!valid()) store({ token, expiresAt });
  asking.answered();
}

function endHere() {
  clearSession();
  endedElsewhere.forEach(listener => listener());
}

/** Asks the other tabs for their session and waits for the first answer, at most {@link WAIT_MS}. */
async function handedOver() {
  if (!channel || !(await someoneHolds())) return;
  await new Promise(settle => {
    const timer = setTimeout(answered, WAIT_MS);
    function answered() {
      clearTimeout(timer);
      asking = null;
      settle();
    }
    asking = { id: randomId(), answered };
    channel.postMessage({ type: 'ask', id: asking.id });
  });
}

/**
 * Whether a page of this origin holds a session (the {@link HOLDER} lock), so that a visitor with
 * none anywhere does not wait for answers that cannot come. Without Web Locks, asking is tried.
 */
async function someoneHolds() {
  if (!navigator.locks) return true;
  try {
    const { held = [] } = await navigator.locks.query();
    return held.some(lock => lock.name === HOLDER);
  } catch {
    return true;
  }
}

function hold() {
  if (letGo || !navigator.locks) return;
  const released = new Promise(resolve => { letGo = resolve; });
  navigator.locks.request(HOLDER, { mode: 'shared' }, () => released).catch(() => {});
}

function randomId() {
  return hex(crypto.getRandomValues(new Uint8Array(16)));
}

function hex(bytes) {
  return Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, '0')).join('');
}

// A device token (docs/adr/0006-log-in-throttling.md) per account this browser logged in to, kept
// in localStorage so that it outlives the tab: sent with the next log-ins of that account, it
// spares this browser the waits that others' failed log-ins cause. Keyed by a hash of the address,
// so the addresses themselves are not kept.
const DEVICES = 'mcw.devices';

export async function deviceTokenFor(email) {
  return readDevices()[await accountKey(email)];
}

export async function rememberDevice(email, token) {
  if (typeof token !== 'string') return;
  const devices = readDevices();
  devices[await accountKey(email)] = token;
  localStorage.setItem(DEVICES, JSON.stringify(devices));
}

async function accountKey(email) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase()));
  return hex(digest);
}

function readDevices() {
  try {
    const devices = JSON.parse(localStorage.getItem(DEVICES));
    return devices && typeof devices === 'object' && !Array.isArray(devices) ? devices : {};
  } catch {
    return {};
  }
}
