import { isPlainContainer, serialisable } from './json-chunks.ts';

/**
 * A JSON value as a sequence of pieces, each a small JSON document of its own, so that a value whose text would
 * not fit in one string can be stored, moved and read back: a 50,000-receiver plan is about 550 MB of indented
 * JSON (docs/BENCHMARKS.md), above V8's longest string (2^29 − 24 characters) and Redis's 512 MB value. Each
 * piece is parsed by the native JSON.parse, and the value is rebuilt from them with no long string at any point.
 *
 * A piece is a JSON array of records, in document order:
 * - `["{"]`, `["["]`: an object or array starts (`["{", key]` inside an object);
 * - `["=", value]`: a whole value (`["=", key, value]` inside an object);
 * - `["."]`: the innermost open object or array ends.
 * A container is opened when it holds more than SMALL_VALUES values in all (a plan, its route lists, a day's
 * consignments); a smaller one is one record. So no record grows with the size of the day, whatever the depth.
 */
export function* jsonPieces(value: unknown, maxPieceChars: number): Generator<string> {
  let piece: string[] = [];
  let chars = 2;
  for (const record of records(serialisable(value, ''), undefined)) {
    if (piece.length > 0 && chars + 1 + record.length > maxPieceChars) {
      yield `[${piece.join(',')}]`;
      piece = [];
      chars = 2;
    }
    piece.push(record);
    chars += record.length + (piece.length > 1 ? 1 : 0);
  }
  if (piece.length > 0) yield `[${piece.join(',')}]`;
}

/** Values (containers and what they hold, at every depth) a container may hold and still be one record. */
export const SMALL_VALUES = 1_000;

function* records(value: unknown, key: string | undefined): Generator<string> {
  const keyed = key === undefined ? '' : `,${JSON.stringify(key)}`;
  if (value === undefined) return; // the root only: fields and items are filtered by the caller
  if (!isPlainContainer(value) || !holdsMoreThan(value, SMALL_VALUES)) {
    yield `["="${keyed},${JSON.stringify(value)}]`;
    return;
  }
  if (Array.isArray(value)) {
    yield `["["${keyed}]`;
    for (let i = 0; i < value.length; i++)
      yield* records(serialisable(value[i], String(i)) ?? null, undefined);
  } else {
    yield `["{"${keyed}]`;
    for (const field of Object.keys(value)) {
      const v = serialisable((value as Record<string, unknown>)[field], field);
      if (v !== undefined) yield* records(v, field);
    }
  }
  yield '["."]';
}

/**
 * Whether the container holds more than `limit` values at any depth, counting no further than that: each
 * opened container costs at most `limit` steps, and only containers holding more than `limit` are opened.
 */
function holdsMoreThan(container: object, limit: number): boolean {
  const pending: object[] = [container];
  let seen = 0;
  while (pending.length > 0) {
    const next = pending.pop()!;
    for (const v of Array.isArray(next) ? next : Object.values(next)) {
      if (++seen > limit) return true;
      if (isPlainContainer(v)) pending.push(v);
    }
  }
  return false;
}

/** Rebuilds a value from its pieces, pushed in order; `value()` once every piece is in. */
export class JsonPiecesReader {
  private readonly root: unknown[] = [];
  private readonly open: (unknown[] | Record<string, unknown>)[] = [this.root];

  push(piece: string): void {
    const list: unknown = JSON.parse(piece);
    if (!Array.isArray(list)) throw new Error('a JSON piece is not a list of records');
    for (const record of list) this.apply(record);
  }

  value(): unknown {
    if (this.open.length !== 1 || this.root.length !== 1)
      throw new Error(
        `the JSON pieces are incomplete (${this.open.length - 1} containers still open, ${this.root.length} values)`,
      );
    return this.root[0];
  }

  private apply(record: unknown): void {
    if (!Array.isArray(record) || typeof record[0] !== 'string')
      throw new Error('malformed JSON piece record');
    const op = record[0];
    if (op === '.') {
      if (this.open.length <= 1) throw new Error('a JSON piece closes more than it opened');
      this.open.pop();
      return;
    }
    const parent = this.open[this.open.length - 1]!;
    const inArray = Array.isArray(parent);
    if (!inArray && typeof record[1] !== 'string')
      throw new Error('a JSON piece record in an object has no key');
    const v = op === '=' ? record[inArray ? 1 : 2] : op === '{' ? {} : op === '[' ? [] : undefined;
    if (v === undefined) throw new Error(`unknown JSON piece record "${op}"`);
    if (inArray) parent.push(v);
    // a key like "__proto__" must become an own property, as JSON.parse makes it
    else
      Object.defineProperty(parent, record[1] as string, {
        value: v,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    if (op !== '=') this.open.push(v as unknown[] | Record<string, unknown>);
  }
}
