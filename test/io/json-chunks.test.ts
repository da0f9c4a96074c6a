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

  it('cuts a large array below the depth limit into pieces of many whole items, none far over 64 K characters', () => {
    const routes = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, stops: [{ at: i }] }));
    for (const compact of [false, true]) {
      const chunks = [...jsonChunks({ plan: { routes } }, 3, !compact)];
      expect(chunks.join('')).toBe(
        compact ? JSON.stringify({ plan: { routes } }) : pretty({ plan: { routes } }),
      );
      // (the batch size is estimated from the batch before: here the items grow longer, so they overshoot)
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1.5 * 2 ** 16);
      // the first route alone (its size is not known before), then batches: 200,000 characters in a few pieces
      expect(chunks.length).toBeLessThan(20);
    }
    // items of 100,000 characters: one to a piece; and only the items at the depth limit are batched, not
    // the arrays above that hold them
    const text = 'x'.repeat(100_000);
    const big = [
      [text, text],
      [{ text }, text, text],
    ];
    for (const compact of [false, true]) {
      const chunks = [...jsonChunks({ big }, 3, !compact)];
      expect(chunks.join('')).toBe(compact ? JSON.stringify({ big }) : pretty({ big }));
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(100_100);
    }
  });

  it('tells an item with toJSON its own index, also among items stringified together', () => {
    const seen: string[] = [];
    const item = { toJSON: (key: string) => (seen.push(key), { key }) };
    const list = [1, { a: 2 }, item, undefined, () => 1, item, 'x', new Date(0), null, item];
    for (const depth of [1, 2]) {
      seen.length = 0;
      expect(pieces({ list }, depth)).toBe(pretty({ list }));
      expect(seen).toEqual(['2', '5', '9', '2', '5', '9']);
      expect(compactPieces({ list }, depth)).toBe(JSON.stringify({ list }));
    }
  });
});
