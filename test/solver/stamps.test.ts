import { describe, expect, it } from 'vitest';
import { Stamps } from '../../src/solver/search/operators/stamps.ts';

describe('Stamps', () => {
  it('marks an entry once per call and forgets every mark at the next call', () => {
    const s = new Stamps();
    s.next(4);
    expect(s.mark(2)).toBe(true);
    expect(s.mark(2)).toBe(false);
    expect(s.mark(3)).toBe(true);
    s.next(4);
    expect([0, 1, 2, 3].map((i) => s.mark(i))).toEqual([true, true, true, true]);
    expect([0, 1, 2, 3].map((i) => s.mark(i))).toEqual([false, false, false, false]);
  });

  it('grows to a larger size with nothing marked, and keeps its marks array for a smaller one', () => {
    const s = new Stamps();
    s.next(2);
    expect(s.mark(1)).toBe(true);
    s.next(10);
    expect(s.mark(9)).toBe(true);
    expect(s.mark(1)).toBe(true);
    s.next(3);
    expect(s.mark(9)).toBe(true); // still backed: no reallocation to the smaller size
    expect(s.mark(9)).toBe(false);
  });

  it('wraps its stamp without a mark of an earlier call leaking into a later one', () => {
    const s = new Stamps();
    s.next(3);
    const internals = s as unknown as { stamp: number; marks: Int32Array };
    // jump to the call before the wrap, with an old mark holding the stamp the wrap restarts from
    internals.stamp = 0x7fffffff - 1;
    internals.marks[0] = 1;
    s.next(3);
    expect(internals.stamp).toBe(0x7fffffff);
    expect(s.mark(1)).toBe(true);
    s.next(3); // wraps: every mark cleared, the stamp restarts at 1
    expect(internals.stamp).toBe(1);
    expect(s.mark(0)).toBe(true);
    expect(s.mark(1)).toBe(true);
    expect(s.mark(1)).toBe(false);
  });
});
