/**
 * The booking page's steps in its address. Each step the patient reaches by choosing is an entry of
 * the browser's history, so that Back and Forward walk the steps, and a reload, a language switch or
 * a return after logging in lands on the same one:
 *   ?exam=&site=    the exam (and the site) chosen; &month= a later month browsed, which is no step
 *   &day=           a day chosen: its free times
 *   &start=&at=     a time chosen: the summary with Confirm (the entry keeps its idempotency key)
 *   &reservation=   a request sent: its state is shown, nothing is sent again
 *   &move=          through every step: the booking whose time is being changed (a move, not a booking)
 */
const PARAMETERS = ['exam', 'site', 'month', 'day', 'start', 'at', 'reservation', 'move'];

/** The search part the page shows, to tell a step left by Back or Forward from a move within the page (#main). */
let shown = location.search;

/** The step the address names: each parameter's value, or null. */
export function stepInAddress() {
  const search = new URLSearchParams(location.search);
  return Object.fromEntries(PARAMETERS.map(name => [name, search.get(name)]));
}

/** A new entry for a step the patient chose (the same one named again only takes the new data). */
export function pushStep(step, data = null) {
  write(step, data, 'pushState');
}

/** The page's entry named anew, no step of its own: a month browsed, a reservation no longer there. */
export function replaceStep(step, data = null) {
  write(step, data, 'replaceState');
}

/** What the entry keeps besides its address (the summary's idempotency key). */
export function entryData() {
  return history.state ?? {};
}

/** Adds to what the entry keeps, its address unchanged. */
export function keepInEntry(data) {
  history.replaceState({ ...entryData(), ...data }, '');
}

/** Calls back when Back or Forward brings another step into the address. */
export function onBackOrForward(restore) {
  window.addEventListener('popstate', () => {
    if (location.search === shown) return;
    shown = location.search;
    restore();
  });
}

function write(step, data, how) {
  const url = new URL(location.href);
  PARAMETERS.forEach(name => url.searchParams.delete(name));
  PARAMETERS.filter(name => step[name]).forEach(name => url.searchParams.set(name, step[name]));
  const same = url.search === location.search;
  history[same ? 'replaceState' : how](data, '', url.pathname + url.search);
  shown = url.search;
}
