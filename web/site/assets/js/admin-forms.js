import { byId, say } from '/assets/js/dom.js';

// How the staff's page refuses what its forms send: each refused field (named by its input's id) marked
// and its message under it, a summary in the form's alert, the focus on the first refused field.

/** Marks each refused field with its message, sums them up (after {@code text}) in the alert, and moves the focus. */
export function refuse(form, summary, messages, text = '') {
  Object.entries(messages).forEach(([id, message]) => {
    byId(id).setAttribute('aria-invalid', 'true');
    say(byId(`${id}-error`), message);
  });
  say(summary, [text, ...Object.values(messages)].filter(Boolean).join(' '));
  const first = Object.keys(messages)[0];
  (first ? byId(first) : summary).focus();
}

/** Takes a form's earlier refusals away. */
export function clearRefusals(form) {
  form.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
  form.querySelectorAll('.error').forEach(error => say(error, ''));
}

/** Runs a form's work with its earlier refusals cleared and its submit button disabled until it ends. */
export async function submitting(form, work) {
  clearRefusals(form);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

/** The API's per-field errors of a 400, as { field: reason or message }. */
export function fieldErrors(e) {
  return Object.fromEntries((e.problem?.errors ?? []).map(error => [error.field, error.reason ?? error.message]));
}
