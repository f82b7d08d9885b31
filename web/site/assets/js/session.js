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
