import { request } from '/assets/js/api.js';
import { tOr } from '/assets/js/i18n.js';
import { addDays, today } from '/assets/js/times.js';

/** The center's exam types, with names and preparation notes in the page's language when translated. */
export async function examTypes() {
  const exams = await request('/api/v1/exam-types');
  return exams.map(exam => ({
    ...exam,
    name: tOr(`exam.${exam.code}.name`, exam.name),
    preparation: tOr(`exam.${exam.code}.preparation`, exam.preparation),
  }));
}

/** A site's name in the page's language when the message files know it, else its id. */
export function siteName(id) {
  return tOr(`site.${id}`, id);
}

/** The bookable starts of an exam between two days (inclusive), at one site or all; only those with room. */
export async function freeStarts(exam, from, to, site = '') {
  const query = new URLSearchParams({ examType: exam, from, to });
  if (site) query.set('site', site);
  const starts = await request('/api/v1/availability?' + query);
  return starts.filter(start => start.available > 0);
}

/** The earliest free start of an exam in the next two weeks, or null: asked alone (firstFree=1), not two weeks of starts. */
export async function earliestStart(exam) {
  const from = today();
  const query = new URLSearchParams({ examType: exam, from, to: addDays(from, 13), firstFree: '1' });
  const starts = await request('/api/v1/availability?' + query);
  return starts.find(start => start.available > 0) ?? null;
}
