import { h } from '/assets/js/dom.js';
import { formatDay, t } from '/assets/js/i18n.js';
import { addDays, monthOf } from '/assets/js/times.js';

/**
 * A month as a table of days, Monday first. Days with free times are buttons that say how many;
 * the others are plain numbers, so the keyboard only stops where there is something to choose.
 */
export function renderMonth(table, month, freeByDay, chosenDay, onChoose) {
  const { first, length, offset } = monthOf(month);
  table.querySelector('caption').textContent = formatDay(first, { month: 'long', year: 'numeric' });
  table.tHead.rows[0].replaceChildren(...[0, 1, 2, 3, 4, 5, 6].map(i => h('th', { scope: 'col', abbr: weekday(i, 'long') }, weekday(i, 'short'))));
  const cells = Array.from({ length: offset }, () => h('td', {}));
  for (let n = 0; n < length; n++) {
    const day = addDays(first, n);
    cells.push(h('td', {}, dayCell(day, n + 1, freeByDay.get(day) || 0, day === chosenDay, onChoose)));
  }
  while (cells.length % 7) cells.push(h('td', {}));
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(h('tr', {}, ...cells.slice(i, i + 7)));
  table.tBodies[0].replaceChildren(...rows);
}

function dayCell(day, number, free, chosen, onChoose) {
  if (!free) return h('span', { class: 'day' }, String(number));
  return h('button', {
    type: 'button',
    class: 'day free',
    'data-day': day,
    'aria-pressed': String(chosen),
    'aria-label': t('book.dayLabel', { day: formatDay(day), count: free }),
    onclick: () => onChoose(day),
  }, String(number));
}

function weekday(index, style) {
  return formatDay(addDays('2024-01-01', index), { weekday: style });
}
