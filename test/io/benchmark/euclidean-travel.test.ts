import { describe, expect, it } from 'vitest';
import { EuclideanTravel } from '../../../src/geo/euclidean-travel.ts';

const POINTS = [
  [0, 0],
  [3, 4],
  [1, 0],
  [0, 2.6],
  [-1, 0],
] as const;

describe('EuclideanTravel', () => {
  it('gives real-valued distances and duration = distance, symmetric, 0 on the diagonal', () => {
    const t = new EuclideanTravel(POINTS);
    expect(t.size).toBe(5);
    expect(t.distance(0, 1)).toBe(5);
    expect(t.distance(1, 2)).toBeCloseTo(Math.hypot(2, 4), 12);
    expect(t.distance(2, 1)).toBe(t.distance(1, 2));
    expect(t.distance(3, 3)).toBe(0);
    expect(t.duration(1, 2, 0)).toBe(t.distance(1, 2));
    expect(t.duration(1, 2, 7)).toBe(t.distance(1, 2));
  });

  it('rounds to the nearest integer in the CVRPLIB convention', () => {
    const t = new EuclideanTravel(POINTS, 'nearest-integer');
    expect(t.distance(0, 3)).toBe(3);
    expect(t.distance(1, 2)).toBe(Math.round(Math.hypot(2, 4)));
    expect(t.duration(0, 3, 0)).toBe(3);
  });

  it('lists nearest neighbours nearest first, excluding itself, ties by index, cached', () => {
    const t = new EuclideanTravel(POINTS);
    expect(t.nearest(0, 10)).toEqual([2, 4, 3, 1]);
    expect(t.nearest(0, 2)).toEqual([2, 4]);
    const again = t.nearest(0, 2);
    expect(t.nearest(0, 2)).toBe(again);
    expect(t.nearest(1, 1)).toEqual([3]);
    expect(t.nearest(4, 0)).toEqual([]);
  });

  it('computes on demand above the precompute threshold, with the same values', () => {
    const many = Array.from({ length: 2_100 }, (_, i) => [i % 97, Math.floor(i / 97)] as const);
    const t = new EuclideanTravel(many);
    expect(t.distance(0, 2_099)).toBeCloseTo(Math.hypot(2_099 % 97, Math.floor(2_099 / 97)), 12);
    expect(t.nearest(0, 2)).toEqual([1, 97]);
  });
});
