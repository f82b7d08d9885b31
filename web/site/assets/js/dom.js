/** A new element: h('p', { class: 'note' }, 'text', child). Text is always set as text, never as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Shows a message in an element (a status or alert region), or hides it when empty. */
export function say(element, text) {
  element.textContent = text || '';
  element.hidden = !text;
}

/** Hands {@code blob} to the browser as a download named {@code fileName} (a file fetched with the bearer token). */
export function offerDownload(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
