import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/io/json-chunks.ts';

const pieces = (value: unknown, depth?: number) => [...jsonChunks(value, depth)].join('');
const compactPieces = (value: unknown, depth?: number) => [...jsonChunks(value, depth, false)].join('');
const pretty = (value: unknown) => JSON.stringify(value, null, 2) ?? '';

// `picon plan --json` writes a plan in these pieces instead of JSON.stringify(plan, null, 2): the file must be the
// same to the character, whatever the value and wherever the pieces are cut
describe('JSON in pieces', () => {
  it('is JSON.stringify(value, null, 2) for any JSON value, cut at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, depth) => {
        expect(pieces(value, depth)).toBe(pretty(value));
        expect(compactPieces(value, depth)).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and calls toJSON as it does', () => {
    const when = new Date(Date.UTC(2026, 11, 4));
    const value = {
      a: undefined,
      f: () => 1,
      s: Symbol('s'),
      list: [undefined, () => 1, 1, [], {}, [[]], { x: undefined }],
      when,
      custom: { toJSON: (key: string) => ({ key, n: [1, 2] }) },
      odd: [NaN, -0, Infinity, 'a\nb "c"', new Number(3), new String('s')],
      nested: { deeper: { deepest: [{ k: 'v' }, null, true] } },
    };
    for (const depth of [0, 1, 2, 3, 4, 8]) {
      expect(pieces(value, depth)).toBe(pretty(value));
      expect(compactPieces(value, depth)).toBe(JSON.stringify(value));
    }
    expect(pieces([when, undefined], 3)).toBe(pretty([when, undefined]));
    // nothing at all for what JSON.stringify turns into undefined
    expect(pieces(undefined)).toBe('');
    expect(pieces(() => 1)).toBe('');
  });

  it('cuts a large array into one piece per item below the depth limit', () => {
    const routes = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, stops: [{ at: i }] }));
    const chunks = [...jsonChunks({ plan: { routes } })];
    // no piece holds more than one route
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(200);
    expect(chunks.join('')).toBe(pretty({ plan: { routes } }));
  });
});
