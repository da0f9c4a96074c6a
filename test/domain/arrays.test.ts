import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll, pushInto } from '../../src/domain/arrays.ts';

describe('array helpers for inputs of any length', () => {
  it('take the extremes of 1,000,000 elements, where the spread throws', () => {
    const xs = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    let max = -Infinity;
    let min = Infinity;
    for (const x of xs) {
      max = x > max ? x : max;
      min = x < min ? x : min;
    }
    expect(maxOf(xs)).toBe(max);
    expect(minOf(xs)).toBe(min);
    const target = [-1];
    pushAll(target, xs);
    expect(target.length).toBe(1_000_001);
    expect(target[1]).toBe(xs[0]);
    expect(target.at(-1)).toBe(xs.at(-1));
  });

  it('agree with Math.max and Math.min on small inputs, empty and NaN included', () => {
    for (const xs of [[], [3], [2, -5, 9, 0], [1, Number.NaN, 2], [-0, 0], [0, -0]]) {
      expect(Object.is(maxOf(xs), Math.max(...xs)), `max ${xs}`).toBe(true);
      expect(Object.is(minOf(xs), Math.min(...xs)), `min ${xs}`).toBe(true);
    }
    expect(maxOf(new Set([4, 8, 1]).values())).toBe(8);
  });

  it('groups values by key in place, in order, keeping the first list it made', () => {
    const groups = new Map<string, number[]>();
    pushInto(groups, 'a', 1);
    const a = groups.get('a');
    pushInto(groups, 'b', 2);
    pushInto(groups, 'a', 3);
    expect([...groups]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
    // the same array, appended to: a copy per append is quadratic in the list's length
    expect(groups.get('a')).toBe(a);
    for (let i = 0; i < 200_000; i++) pushInto(groups, 'big', i);
    expect(groups.get('big')).toHaveLength(200_000);
  });
});
