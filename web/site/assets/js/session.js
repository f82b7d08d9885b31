// The patient's access token lives in this tab's sessionStorage only: never a cookie, gone when
// the tab closes, and dropped as soon as it expires or the API refuses it.
const KEY = 'mcw.session';

export function currentToken() {
  const saved = read();
  if (!saved) return null;
  if (Date.now() >= saved.expiresAt) {
    clearSession();
    return null;
  }
  return saved.token;
}

export function saveSession({ accessToken, expiresIn }) {
  sessionStorage.setItem(KEY, JSON.stringify({ token: accessToken, expiresAt: Date.now() + expiresIn * 1000 }));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

function read() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return saved && typeof saved.token === 'string' && typeof saved.expiresAt === 'number' ? saved : null;
  } catch {
    return null;
  }
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
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}

function readDevices() {
  try {
    const devices = JSON.parse(localStorage.getItem(DEVICES));
    return devices && typeof devices === 'object' && !Array.isArray(devices) ? devices : {};
  } catch {
    return {};
  }
}
