/**
 * `JSON.stringify(value, null, 2)` in pieces, to the character (or `JSON.stringify(value)` with `indented`
 * false): a 10,000-receiver plan is 110 MB of JSON, and one string of it (then the copy `+ '\n'` flattens and
 * the buffer a stream encodes) took ~400 MB of the CLI's peak memory (docs/BENCHMARKS.md, "Scale, round
 * three"); a 50,000-receiver plan's text would be longer than V8's longest string. The pieces are the subtrees
 * `depthLimit` levels down (a plan's routes and consignments), each stringified whole and indented to where it
 * sits; the items of an array there are stringified together, about 64 K characters to a piece.
 */
export function* jsonChunks(value: unknown, depthLimit = 3, indented = true): Generator<string> {
  const top = serialisable(value, '');
  if (top === undefined) return;
  yield* chunks(top, indented ? '' : undefined, depthLimit);
}

const INDENT = '  ';

/**
 * Items written whole are stringified many to a call, about this many characters at a time: one call and
 * one piece per item made a 90,000-feature GeoJSON 700,000 pieces and took twice as long to send as one
 * JSON.stringify (docs/BENCHMARKS.md, "GeoJSON in batches").
 */
const BATCH_CHARS = 1 << 16;
const MAX_BATCH_ITEMS = 4096;

/**
 * How many items from `from` on (at most `most`) can be stringified together: up to the first with a toJSON,
 * which must be told its own index (JSON.stringify of a slice would tell it its index in the slice).
 */
function plainRun(items: readonly unknown[], from: number, most: number): number {
  let k = from;
  while (k < items.length && k - from < most) {
    const own = items[k] as { toJSON?: unknown } | null | undefined;
    if (typeof own?.toJSON === 'function') break;
    k++;
  }
  return k - from;
}

/**
 * The items of an array at `indent` as the piece JSON.stringify writes for them there (with the '[' or ','
 * before the first): stringified as one array, re-indented, without its own closing bracket.
 */
function itemsWhole(items: readonly unknown[], indent: string | undefined, first: boolean): string {
  const text = indent === undefined ? JSON.stringify(items) : indentedAt(items, indent);
  const close = indent === undefined ? 1 : indent.length + 2;
  return `${first ? '[' : ','}${text.slice(1, text.length - close)}`;
}

/**
 * `JSON.stringify(items, null, 2)` with every line after the first indented by `indent` (whole levels of
 * INDENT): stringified `levels` arrays deep, so that JSON.stringify writes the indentation itself, and cut out
 * of its wrappers. Re-indenting with `replaceAll` cost 2.5 times the stringifying (0.5 s of a 10,000-receiver
 * plan's 110 MB). The items hold no toJSON of their own (plainRun), so wrapping them changes no key they see.
 */
function indentedAt(items: readonly unknown[], indent: string): string {
  // chunks() indents by whole INDENTs from '', so this is a whole number
  const levels = indent.length / INDENT.length;
  let wrapped: unknown = items;
  // each wrapper opens with '[', a line break and its inner indentation, and closes the same way, reversed
  let open = 0;
  for (let level = 0; level < levels; level++) {
    wrapped = [wrapped];
    open += 2 + INDENT.length * (level + 1);
  }
  const text = JSON.stringify(wrapped, null, 2) as string;
  // the closing side: a line break, the wrapper's own indentation and ']' for each level
  const close = levels * 2 + INDENT.length * ((levels * (levels - 1)) / 2);
  return text.slice(open, text.length - close);
}

/** The value JSON.stringify writes for `value` under `key`: after toJSON, or undefined where it writes nothing. */
export function serialisable(value: unknown, key: string): unknown {
  const own = value as { toJSON?: unknown } | null | undefined;
  const v = typeof own?.toJSON === 'function' ? (own.toJSON as (k: string) => unknown)(key) : value;
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
}

/** Plain objects and arrays only: boxed primitives and anything else go to JSON.stringify itself. */
export const isPlainContainer = (value: unknown): value is object =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** `indent`: where the value sits, or undefined for compact JSON (no layout at all). */
function* chunks(value: unknown, indent: string | undefined, depthLeft: number): Generator<string> {
  if (depthLeft === 0 || !isPlainContainer(value)) {
    if (indent === undefined) yield JSON.stringify(value);
    // a JSON string never holds a raw line break (JSON.stringify escapes it), so every '\n' is layout
    else yield (JSON.stringify(value, null, 2) as string).replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = indent === undefined ? undefined : indent + INDENT;
  // what comes before an item or a key (after the bracket or comma), after a key, and before the closing bracket
  const [before, colon, end] = indent === undefined ? ['', ':', ''] : [`\n${inner}`, ': ', `\n${indent}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    let batch = 1;
    for (let i = 0; i < value.length;) {
      const run = depthLeft === 1 ? plainRun(value, i, batch) : 0;
      if (run > 0) {
        const piece = itemsWhole(value.slice(i, i + run), indent, i === 0);
        batch = Math.min(MAX_BATCH_ITEMS, Math.max(1, Math.floor((BATCH_CHARS * run) / piece.length)));
        i += run;
        yield piece;
        continue;
      }
      yield `${i === 0 ? '[' : ','}${before}`;
      const item = serialisable(value[i], String(i));
      if (item === undefined) yield 'null';
      else yield* chunks(item, inner, depthLeft - 1);
      i++;
    }
    return yield `${end}]`;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const field = serialisable((value as Record<string, unknown>)[key], key);
    if (field === undefined) continue;
    yield `${first ? '{' : ','}${before}${JSON.stringify(key)}${colon}`;
    first = false;
    yield* chunks(field, inner, depthLeft - 1);
  }
  yield first ? '{}' : `${end}}`;
}
