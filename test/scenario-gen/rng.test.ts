import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/scenario-gen/rng.ts';

describe('Rng (mulberry32)', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range', () => {
    const rng = new Rng(7);
    const floats = Array.from({ length: 10_000 }, () => rng.next());
    const ints = Array.from({ length: 10_000 }, () => rng.int(5, 10));
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(new Set(ints)).toEqual(new Set([5, 6, 7, 8, 9, 10]));
  });

  it('samples distinct indices without replacement and never picks a zero weight', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const picked = rng.weightedSample([1, 0, 5, 2, 0.1, 3], 4);
      expect(new Set(picked).size).toBe(4);
      expect(picked).not.toContain(1);
    }
  });

  it('follows the weights roughly', () => {
    const rng = new Rng(11);
    const counts = [0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.weightedIndex([1, 3])]! += 1;
    expect(counts[1]! / 10_000).toBeGreaterThan(0.72);
    expect(counts[1]! / 10_000).toBeLessThan(0.78);
  });
});
