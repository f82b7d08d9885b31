import { formatNumber, t } from '/assets/js/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 120;
const LEFT = 34;
const BOTTOM = 104;
const TOP = 10;

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A line of queue depth over the window (samples {t, value}, oldest first), drawn as SVG attributes only. */
export function drawQueueChart(container, samples, windowMs, now = Date.now()) {
  const max = Math.max(1, ...samples.map(s => s.value));
  const x = time => LEFT + ((time - (now - windowMs)) / windowMs) * (WIDTH - LEFT - 4);
  const y = value => BOTTOM - (value / max) * (BOTTOM - TOP);
  const latest = samples.length ? samples[samples.length - 1].value : 0;
  const label = t('ops.chartLabel', { minutes: windowMs / 60000, now: formatNumber(latest), max: formatNumber(max) });
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart' });
  chart.append(
    svg('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: BOTTOM, class: 'axis' }),
    svg('line', { x1: LEFT, y1: BOTTOM, x2: WIDTH - 4, y2: BOTTOM, class: 'axis' }),
    svg('text', { x: LEFT - 4, y: TOP + 4, class: 'tick', 'text-anchor': 'end' }, formatNumber(max)),
    svg('text', { x: LEFT - 4, y: BOTTOM, class: 'tick', 'text-anchor': 'end' }, '0'),
    svg('text', { x: LEFT, y: HEIGHT - 2, class: 'tick' }, t('ops.chartStart', { minutes: windowMs / 60000 })),
    svg('text', { x: WIDTH - 4, y: HEIGHT - 2, class: 'tick', 'text-anchor': 'end' }, t('ops.chartNow')));
  if (samples.length) {
    const points = samples.map(s => `${x(s.t).toFixed(1)},${y(s.value).toFixed(1)}`).join(' ');
    chart.append(svg('polyline', { points, class: 'line' }));
  }
  container.replaceChildren(chart);
}
