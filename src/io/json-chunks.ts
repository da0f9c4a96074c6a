/**
 * `JSON.stringify(value, null, 2)` in pieces, to the character (or `JSON.stringify(value)` with `indented`
 * false): a 10,000-receiver plan is 110 MB of JSON, and one string of it (then the copy `+ '\n'` flattens and
 * the buffer a stream encodes) took ~400 MB of the CLI's peak memory (docs/BENCHMARKS.md, "Scale, round
 * three"); a 50,000-receiver plan's text would be longer than V8's longest string. The pieces are the subtrees
 * `depthLimit` levels down (a plan's routes and consignments), each stringified whole and indented to where it
 * sits.
 */
export function* jsonChunks(value: unknown, depthLimit = 3, indented = true): Generator<string> {
  const top = serialisable(value, '');
  if (top === undefined) return;
  yield* chunks(top, indented ? '' : undefined, depthLimit);
}

const INDENT = '  ';

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
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}${before}`;
      const item = serialisable(value[i], String(i));
      if (item === undefined) yield 'null';
      else yield* chunks(item, inner, depthLeft - 1);
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
