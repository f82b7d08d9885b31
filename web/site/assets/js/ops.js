import { ApiError, request } from '/assets/js/api.js';
import { drawQueueChart } from '/assets/js/chart.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatInstant, formatNumber, t } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';

// The operator token is not a patient's: it is asked for here and kept in this tab only.
const TOKEN = 'mcw.opsToken';
const HISTORY = 'mcw.opsQueueDepth';
const REFRESH_MS = 3000;
const DEAD_LETTERS_MS = 30000;
const WINDOW_MS = 10 * 60 * 1000;
const FIGURES = [
  ['queueDepth', 0], ['inFlight', 0], ['oldestAgeSeconds', 1], ['deadLetters', 0],
  ['allocatorLagSeconds', 2], ['streamLagSeconds', 1], ['confirmedPerMinute', 0], ['rejectedPerMinute', 0],
];

await setUpPage({ title: 'ops.title', current: '/ops' });
const form = byId('token-form');
let timer = null;
let lastDeadLetters = { count: -1, at: 0 };

form.addEventListener('submit', event => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN, byId('ops-token').value.trim());
  byId('ops-token').value = '';
  start();
});
byId('forget-token').addEventListener('click', () => stop(''));
byId('redrive').addEventListener('click', redrive);
if (sessionStorage.getItem(TOKEN)) start(); else stop('');

function start() {
  form.hidden = true;
  byId('dashboard').hidden = false;
  refresh();
}

/** Back to the token form: the token is forgotten (refused, or the operator asked). */
function stop(message) {
  clearTimeout(timer);
  sessionStorage.removeItem(TOKEN);
  byId('dashboard').hidden = true;
  form.hidden = false;
  say(byId('token-error'), message);
  if (message) byId('ops-token').focus();
}

function opsRequest(path, options = {}) {
  return request(path, { ...options, token: sessionStorage.getItem(TOKEN) });
}

async function refresh() {
  clearTimeout(timer);
  try {
    const figures = await opsRequest('/api/v1/ops/pipeline');
    showFigures(figures);
    if (deadLettersDue(figures)) await showDeadLetters();
    say(byId('updated'), t('ops.updated', { time: formatInstant(Date.now(), 'seconds') }));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      stop(t('ops.refused'));
      return;
    }
    say(byId('updated'), t('common.unavailable'));
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

/** Whether a figure is not known: the stream lag says so in streamLagKnown (its number is then 0). */
function unknown(figures, name) {
  return figures[name] == null || figures[`${name.replace(/Seconds$/, '')}Known`] === false;
}

function showFigures(figures) {
  // each figure in its own group, so that a label and its number stay together at every width
  byId('figures').replaceChildren(...FIGURES.map(([name, digits]) => h('div', { class: 'figure' },
    h('dt', {}, t(`ops.figure.${name}`), ' ', h('span', { class: 'term', lang: 'en' }, t(`ops.term.${name}`))),
    // a figure not known (the stream lag in AWS while CloudWatch has no point) is a dash, not a 0
    h('dd', { 'data-figure': name }, unknown(figures, name) ? '—' : formatNumber(figures[name], digits)))));
  const now = Date.now();
  const history = JSON.parse(sessionStorage.getItem(HISTORY) || '[]').filter(s => s.t > now - WINDOW_MS);
  // the most waiting at once since the read before (the API looks 10 s back), not the gauge at this instant:
  // a burst the allocator drains between two reads still shows
  history.push({ t: now, value: figures.waitingPeak ?? figures.queueDepth + figures.inFlight });
  sessionStorage.setItem(HISTORY, JSON.stringify(history));
  drawQueueChart(byId('chart'), history, WINDOW_MS, now);
}

/**
 * Whether to list the dead letters now. A listing holds the letters in flight for a few seconds (so
 * that it reaches past the first ten): the page lists them when their count changes, and otherwise
 * at most every DEAD_LETTERS_MS, not on every refresh of the figures.
 */
function deadLettersDue(figures) {
  const now = Date.now();
  if (figures.deadLetters === lastDeadLetters.count && now - lastDeadLetters.at < DEAD_LETTERS_MS) return false;
  lastDeadLetters = { count: figures.deadLetters, at: now };
  return true;
}

/** The dead letters, when this deployment lists them (the section stays hidden where the route is missing). */
async function showDeadLetters() {
  let letters;
  try {
    letters = await opsRequest('/api/v1/ops/dead-letters');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      byId('dead-letters-section').hidden = true;
      return;
    }
    throw e;
  }
  byId('dead-letters-section').hidden = false;
  byId('dead-letters').tBodies[0].replaceChildren(...letters.map(letter => h('tr', {},
    h('td', {}, letter.messageId), h('td', {}, letter.reservationId || '—'), h('td', {}, letter.reason || '—'),
    h('td', {}, formatNumber(letter.receiveCount, 0)), h('td', {}, letter.sentAt ? formatInstant(letter.sentAt, 'shortDateTime') : '—'))));
  byId('dead-letters-table').hidden = letters.length === 0;
  byId('redrive').hidden = letters.length === 0;
  byId('no-dead-letters').hidden = letters.length > 0;
}

async function redrive() {
  byId('redrive').disabled = true;
  try {
    const answer = await opsRequest('/api/v1/ops/dead-letters/redrive', { method: 'POST' });
    say(byId('redrive-status'), t('ops.redriven', { count: answer.redriven }));
    lastDeadLetters = { count: -1, at: 0 };
    await refresh();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) stop(t('ops.refused'));
    else say(byId('redrive-status'), t('common.unavailable'));
  } finally {
    byId('redrive').disabled = false;
  }
}
