// A small element builder: text is always set as text (never parsed as HTML), so names from a scenario
// cannot inject markup.

/** `h('td', { class: 'num' }, '12')`: attributes (`on*` are listeners), then children (strings, nodes, arrays). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs ?? {}))
    if (value !== undefined && value !== null) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Empties `el` and fills it with `children`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table from a header row and body rows (cells: strings, nodes, or `{ v, cls }`). */
export function table(headers, rows, attrs = {}) {
  const cell = (tag, c) =>
    c && typeof c === 'object' && 'v' in c ? h(tag, { class: c.cls }, c.v) : h(tag, {}, c);
  // a header sits over its column: right-aligned over numbers
  const numeric = (i) => rows[0]?.[i]?.cls === 'num';
  return h(
    'table',
    attrs,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((c, i) => (numeric(i) ? cell('th', { v: c, cls: 'num' }) : cell('th', c))),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c) => cell('td', c)),
        ),
      ),
    ),
  );
}

/** Saves `data` as a file through a temporary link. */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The options of a select of shipped fixtures, the first one empty. */
export function fixtureOptions(fixtures, selected) {
  return [
    h('option', { value: '' }, '—'),
    fixtures.map((f) =>
      h('option', { value: f.path, selected: selected === f.path }, `${f.path}: ${f.name}`),
    ),
  ];
}

/** A file input for a JSON file: `onJson(value, fileName)`, or `onError(error)` when it is not JSON. */
export function jsonFileInput(id, onJson, onError) {
  return h('input', {
    id,
    type: 'file',
    accept: 'application/json,.json',
    onchange: async (e) => {
      const file = e.target.files?.[0];
      if (!file) return;
      let value;
      try {
        value = JSON.parse(await file.text());
      } catch {
        return onError(new Error(`${file.name} is not a JSON file`));
      }
      try {
        await onJson(value, file.name);
      } catch (err) {
        onError(err);
      }
    },
  });
}
