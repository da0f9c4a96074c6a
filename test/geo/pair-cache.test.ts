import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../src/domain/location.ts';
import { circuityTravel } from '../../src/geo/index.ts';
import { greatCircleBetween } from '../../src/geo/great-circle.ts';
import { cachedPairs, cacheSlotsFor, MAX_CACHE_SLOTS, MIN_CACHE_SLOTS } from '../../src/geo/pair-cache.ts';

describe('cache of a pair function', () => {
  it('answers every pair as the function does, in any order of asking, even when pairs share slots', () => {
    const n = 500;
    const f = (i: number, j: number): number => i * 1000.5 - j / 7;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(1, 2, 16, 1024),
        (pairs, slots) => {
          const cached = cachedPairs(f, n, slots);
          // Ask twice: the second round reads what the first stored, or recomputes after a collision.
          for (const [i, j] of [...pairs, ...pairs]) expect(cached(i, j)).toBe(f(i, j));
        },
      ),
    );
  });

  it('computes a pair once while its slot holds it, whatever the table size', () => {
    for (const slots of [1 << 10, 1 << 16]) {
      let calls = 0;
      const cached = cachedPairs((i, j) => (calls++, i + j), 100, slots);
      for (let round = 0; round < 3; round++) for (let j = 0; j < 50; j++) cached(7, j);
      // 50 pairs in 1,024 slots may share one; never more than a few
      expect(calls).toBeGreaterThanOrEqual(50);
      expect(calls).toBeLessThan(60);
    }
    // one slot: the same pair asked again is not recomputed
    let calls = 0;
    const single = cachedPairs((i, j) => (calls++, i * j), 10, 1);
    for (let round = 0; round < 3; round++) single(3, 4);
    expect(calls).toBe(1);
  });

  it('never answers from an empty slot', () => {
    // key 0 is pair (0, 0) and key 1 pair (0, 1): an empty slot must match neither
    const cached = cachedPairs((i, j) => 5 + i + j, 10, 1 << 16);
    expect(cached(0, 1)).toBe(6);
    expect(cached(0, 0)).toBe(5);
  });

  it('keeps (i, j) and (j, i) apart: a great circle is not bit-symmetric', () => {
    const cached = cachedPairs((i, j) => i - j, 10, 1);
    expect(cached(2, 3)).toBe(-1);
    expect(cached(3, 2)).toBe(1);
    expect(cached(2, 3)).toBe(-1);
  });

  it('refuses a table size that is not a power of two', () => {
    expect(() => cachedPairs((i) => i, 10, 3)).toThrow(/power of two/);
    expect(() => cachedPairs((i) => i, 10, 0)).toThrow(/power of two/);
    expect(() => cachedPairs((i) => i, 10, 2.5)).toThrow(/power of two/);
  });

  it('sizes the table at about 128 slots a location, bounded both ways', () => {
    expect(cacheSlotsFor(10)).toBe(MIN_CACHE_SLOTS);
    expect(cacheSlotsFor(10_000)).toBe(1 << 21);
    expect(cacheSlotsFor(3_000)).toBe(1 << 19);
    expect(cacheSlotsFor(1_000_000)).toBe(MAX_CACHE_SLOTS);
    expect(MAX_CACHE_SLOTS * 16).toBeLessThanOrEqual(32 * 2 ** 20);
  });
});

describe('great-circle travel above the stored-matrix bound', () => {
  it('gives the same distances to the bit as computing each one, asked in a search-like order', () => {
    const n = 3_000; // above the 2,500 locations that get a stored matrix
    const points: LonLat[] = Array.from({ length: n }, (_, i) => [
      3.0 + ((i * 7919) % 10_007) / 50_000,
      50.6 + ((i * 104_729) % 10_007) / 80_000,
    ]);
    const travel = circuityTravel(points, [20], 1.3);
    const exact = greatCircleBetween(points);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < n; i += 37) {
        for (let k = 1; k < 40; k++) {
          const j = (i * 31 + k * 977) % n;
          expect(travel.distance(i, j)).toBe(i === j ? 0 : exact(i, j) * 1.3);
        }
      }
    }
  });
});
