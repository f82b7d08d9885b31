import { examTypes, earliestStart, siteName } from '/assets/js/catalog.js';
import { byId, h, say } from '/assets/js/dom.js';
import { formatInstant, t } from '/assets/js/i18n.js';
import { setUpPage } from '/assets/js/layout.js';

await setUpPage({ title: 'home.title', current: '/' });
const list = byId('exams');
const status = byId('exams-status');
try {
  const exams = await examTypes();
  const earliest = await Promise.all(exams.map(exam => earliestStart(exam.code).catch(() => undefined)));
  list.replaceChildren(...exams.map((exam, i) => card(exam, earliest[i])));
  say(status, '');
} catch {
  say(status, t('common.unavailable'));
}

function card(exam, start) {
  let when;
  if (start === undefined) when = t('home.earliestUnknown');
  else if (start === null) when = t('home.noFreeTime');
  else when = t('home.earliest', { when: formatInstant(start.start), site: siteName(start.site) });
  return h('li', { class: 'card exam', 'data-exam': exam.code },
    h('h3', {}, exam.name),
    h('p', { class: 'muted' }, t('common.minutes', { minutes: exam.durationMinutes })),
    h('p', {}, h('strong', {}, t('home.preparation')), ' ', exam.preparation),
    h('p', { class: 'earliest' }, when),
    h('a', { class: 'button', href: `/book?exam=${encodeURIComponent(exam.code)}` }, t('home.bookThis', { exam: exam.name })));
}
