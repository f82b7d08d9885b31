import { ApiError, patientRequest, request, toLogin } from '/assets/js/api.js';
import { h } from '/assets/js/dom.js';
import { LANGUAGES, language, setLanguage, t, translate } from '/assets/js/i18n.js';
import { clearSession, currentToken, endSession, onEndedElsewhere } from '/assets/js/session.js';

/**
 * Sets up a page: language, title, header with navigation and language switcher, translated
 * texts. A page for patients only ({@code patientOnly}) sends visitors without a valid token to
 * the login page and answers the patient's profile; other pages answer it when a valid token is
 * there (a refused one is dropped), else null. The token is this tab's, or one another tab of the
 * browser hands over as the page starts.
 */
export async function setUpPage({ title, current, patientOnly = false }) {
  document.documentElement.lang = language;
  document.title = `${t(title)} · MediCareWizard`;
  translate();
  const token = await currentToken();
  forgetWhenTheSessionChanges(token, patientOnly);
  const profile = patientOnly ? await patientRequest('/api/v1/me') : await optionalProfile(token);
  document.body.prepend(header(current, profile));
  const footerLink = (href, key) => h('a', { href, 'aria-current': current === href ? 'page' : null }, t(key));
  document.body.append(h('footer', { class: 'bottom' },
    h('p', {}, t('footer.text'), ' ', footerLink('/ops', 'nav.ops'), ' · ', footerLink('/desk', 'nav.desk'),
      ' · ', footerLink('/admin', 'nav.admin'))));
  return profile;
}

/**
 * A page shows what it showed for the session it was built with: the patient's bookings, name and
 * choices. A page the browser brings back whole from its back-forward cache (Back after logging
 * out) for another session hides at once and loads again, as that session's page (or the login
 * page) would be. When logging out in another tab ends the session, a page built with it empties
 * at once and leaves: a patient's page for the login page (which brings the patient back to it),
 * any other page for itself, logged out.
 */
function forgetWhenTheSessionChanges(builtFor, patientOnly) {
  window.addEventListener('pageshow', async event => {
    if (event.persisted && await currentToken() !== builtFor) {
      document.body.hidden = true;
      location.reload();
    }
  });
  if (!builtFor) return;
  onEndedElsewhere(() => {
    document.body.hidden = true;
    document.body.replaceChildren();
    if (patientOnly) toLogin('logged-out-elsewhere');
    else location.reload();
  });
}

async function optionalProfile(token) {
  if (!token) return null;
  try {
    return await request('/api/v1/me', { token });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) clearSession();
    return null;
  }
}

function header(current, profile) {
  const link = (href, key) => h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : null }, t(key)));
  const items = [link('/', 'nav.home'), link('/book', 'nav.book'), link('/bookings', 'nav.bookings')];
  if (profile) {
    items.push(h('li', {}, h('button', { type: 'button', class: 'link', id: 'logout', onclick: logout }, t('nav.logout'))));
  } else {
    items.push(link('/login', 'nav.login'), link('/register', 'nav.register'));
  }
  return h('header', { class: 'top' },
    h('a', { class: 'skip', href: '#main' }, t('nav.skip')),
    h('div', { class: 'bar' },
      h('a', { class: 'brand', href: '/' }, 'MediCareWizard'),
      h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, ...items)),
      languageSwitcher()),
    profile ? h('p', { class: 'who' }, t('nav.loggedInAs', { name: `${profile.firstName} ${profile.lastName}` })) : null);
}

function languageSwitcher() {
  const select = h('select', { id: 'language', onchange: e => setLanguage(e.target.value) },
    ...LANGUAGES.map(code => h('option', { value: code, lang: code, selected: code === language }, t(`language.${code}`))));
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('nav.language')), select);
}

async function logout() {
  const token = await currentToken();
  endSession();
  if (token) {
    try {
      await request('/api/v1/auth/logout', { method: 'POST', token });
    } catch {
      // the token is forgotten here either way
    }
  }
  location.assign('/login?reason=logged-out');
}
