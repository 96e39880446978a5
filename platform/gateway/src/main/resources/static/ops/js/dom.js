// Builds elements from data without ever parsing markup: every value becomes a text node or an
// attribute, never innerHTML, so nothing an event, a step or an e-mail holds can run as script.

/** An element with attributes (on* names are listeners) and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A value as text: null shows as a dash. */
export function text(value) {
  return value === null || value === undefined || value === '' ? '–' : String(value);
}

/** JSON, pretty, in a <pre> (text content only). */
export function json(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value === undefined ? null : value, null, 2));
}

/** A status badge. */
export function status(value) {
  const name = String(value ?? 'unknown');
  return h('span', { class: `status status-${name.replace(/[^a-z-]/g, '')}` }, name);
}

/** An ISO instant in the operator's local time, the instant itself as the tooltip. */
export function time(iso) {
  if (!iso) return h('span', { class: 'muted' }, '–');
  const date = new Date(iso);
  const shown = Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
  return h('time', { datetime: iso, title: iso }, shown);
}

/** Milliseconds between two ISO instants, as "1.2 s", or null. */
export function duration(fromIso, toIso) {
  if (!fromIso || !toIso) return null;
  const ms = new Date(toIso).getTime() - new Date(fromIso).getTime();
  if (Number.isNaN(ms)) return null;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60000).toFixed(1)} min`;
}

/** A table with a caption, column headings and one row per item; empty lists say so. */
export function table(caption, headings, items, row) {
  if (items.length === 0) {
    return h('p', { class: 'empty card' }, `No ${caption.toLowerCase()}.`);
  }
  return h('table', {},
    h('caption', { class: 'muted' }, caption),
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, items.map(row)));
}

/** A problem answer (RFC 9457) or any error, for the operator to read. */
export function problem(error) {
  const body = error && error.problem ? error.problem : null;
  const title = body?.title || (error?.status ? `HTTP ${error.status}` : 'Error');
  const detail = body?.detail || error?.message || String(error);
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, error?.status ? `${title} (${error.status})` : title), ': ', detail,
    errors.length ? h('ul', {}, errors.map((e) => h('li', {}, `${text(e.field)}: ${text(e.message)}`))) : null);
}

/** Services that did not answer a fan-out call, when some did not. */
export function unavailable(metadata) {
  const missing = Array.isArray(metadata?.unavailable) ? metadata.unavailable : [];
  if (missing.length === 0) return null;
  return h('div', { class: 'warning', role: 'status' },
    'Not every service answered; this list lacks: ',
    missing.map((m, i) => [i ? ', ' : '', `${text(m.service)} (${text(m.reason)})`]));
}

/** A link to a console page; each part of the path is encoded. */
export function pageLink(label, ...parts) {
  return h('a', { href: '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/') }, label);
}

/** Shows a short confirmation in the page's live region. */
export function notice(message) {
  const region = document.getElementById('notice');
  replace(region, message ? h('p', {}, message) : null);
}
