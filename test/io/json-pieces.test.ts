import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPiecesReader, jsonPieces } from '../../src/io/json-pieces.ts';

const roundTrip = (value: unknown, maxChars: number) => {
  const reader = new JsonPiecesReader();
  for (const piece of jsonPieces(value, maxChars)) reader.push(piece);
  return reader.value();
};
/** What JSON.parse(JSON.stringify(value)) gives: the reference the pieces must rebuild. */
const viaText = (value: unknown): unknown => JSON.parse(JSON.stringify(value) as string);

// results of plan jobs are stored in these pieces (src/queue/result-store.ts): what is read back must be what
// one JSON text would have given, whatever the value, the piece size and the depth
describe('JSON in self-contained pieces', () => {
  it('rebuilds JSON.parse(JSON.stringify(value)) for any JSON value and piece size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 400 }), (value, maxChars) => {
        expect(roundTrip(value, maxChars)).toStrictEqual(viaText(value));
      }),
      { numRuns: 500 },
    );
    // values large enough to be opened into many records, with containers at every depth
    const big = fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 200, maxLength: 400 });
    fc.assert(
      fc.property(big, fc.integer({ min: 1, max: 4000 }), (value, maxChars) => {
        expect(roundTrip({ deep: [value, { value }] }, maxChars)).toStrictEqual(
          viaText({ deep: [value, { value }] }),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('leaves out what JSON.stringify leaves out, calls toJSON as it does, and keeps "__proto__" an own key', () => {
    const when = new Date(Date.UTC(2026, 11, 4));
    const value = {
      a: undefined,
      f: () => 1,
      list: [undefined, () => 1, 1, [], {}, [[]], { x: undefined }],
      when,
      custom: { toJSON: (key: string) => ({ key, n: [1, 2] }) },
      odd: [NaN, -0, Infinity, 'a\nb "c"', new Number(3), new String('s')],
      nested: { deeper: { deepest: [{ k: 'v' }, null, true] } },
      ...JSON.parse('{"__proto__": {"polluted": true}}'),
    };
    const many = { ...value, padding: Array.from({ length: 2000 }, (_, i) => i) };
    for (const v of [value, many]) {
      const back = roundTrip(v, 16) as Record<string, unknown>;
      expect(back).toStrictEqual(viaText(v));
      expect(Object.keys(back)).toContain('__proto__');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('keeps every piece within the size unless one record alone is larger, and each piece is JSON', () => {
    const routes = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, stops: [{ at: i }] }));
    const value = { plan: { routes, note: 'x'.repeat(1500) } };
    const pieces = [...jsonPieces(value, 1000)];
    expect(pieces.length).toBeGreaterThan(50);
    for (const piece of pieces) {
      const records = JSON.parse(piece) as unknown[];
      expect(piece.length <= 1000 || records.length === 1).toBe(true);
    }
    // packed greedily: the next piece's first record would not have fitted in the piece before it
    for (let i = 0; i + 1 < pieces.length; i++) {
      const next = JSON.stringify((JSON.parse(pieces[i + 1]!) as unknown[])[0]);
      expect(pieces[i]!.length + 1 + next.length).toBeGreaterThan(1000); // one comma more
    }
    // the note's record alone is longer than a piece may be, so it is a piece of its own
    expect(pieces.filter((p) => p.length > 1000)).toEqual([`[["=","note","${'x'.repeat(1500)}"]]`]);
    expect(roundTrip(value, 1000)).toStrictEqual(viaText(value));
  });

  it('opens long arrays at any depth, so no record grows with the day', () => {
    const orders = Array.from({ length: 5000 }, (_, i) => i);
    const deep = { a: { b: { c: { d: orders, small: { e: [1, 2, 3] } } } } };
    const pieces = [...jsonPieces(deep, 1)];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40);
    // a small container is one record, not one per value
    expect(pieces).toContain('[["=","small",{"e":[1,2,3]}]]');
    expect(roundTrip(deep, 64)).toStrictEqual(deep);
  });

  it('refuses pieces that are missing, reordered or not its own', () => {
    const value = { routes: Array.from({ length: 1200 }, (_, i) => ({ id: `r${i}` })), total: 1200 };
    const pieces = [...jsonPieces(value, 64)];
    expect(pieces.length).toBeGreaterThan(3);
    const truncated = new JsonPiecesReader();
    for (const p of pieces.slice(0, -1)) truncated.push(p);
    expect(() => truncated.value()).toThrow(/incomplete/);
    const closesFirst = new JsonPiecesReader();
    expect(() => closesFirst.push('[["."]]')).toThrow(/closes more/);
    for (const bad of ['{"a":1}', '[["?"]]', '[[1]]', '[["{"],["=",1]]'])
      expect(() => {
        const r = new JsonPiecesReader();
        r.push('[["{"]]');
        r.push(bad);
      }).toThrow();
  });
});
