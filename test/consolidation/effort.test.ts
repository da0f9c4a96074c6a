import { describe, expect, it } from 'vitest';
import { coalitionIterations, DEFAULT_EFFORT, solveIterations } from '../../src/consolidation/index.ts';

// The table of docs/model/consolidation.md, "Search work": per stop (pooled, carrier), min, max per solve.
const DOCUMENTED = {
  draft: { pooled: 0, carrier: 0, min: 0, max: 0 },
  quick: { pooled: 12, carrier: 1.25, min: 225, max: 15_000 },
  normal: { pooled: 54, carrier: 5, min: 750, max: 60_000 },
  thorough: { pooled: 225, carrier: 20, min: 3_000, max: 240_000 },
} as const;

describe('iteration budget of a solve (the documented table)', () => {
  for (const [effort, d] of Object.entries(DOCUMENTED) as [
    keyof typeof DOCUMENTED,
    (typeof DOCUMENTED)['quick'],
  ][])
    it(`${effort}: per stop by kind, clamped to [${d.min}, ${d.max}]`, () => {
      const stops = 220; // inside the clamp for every effort and kind at this size, except where noted below
      const expected = (perStop: number) => Math.min(d.max, Math.max(d.min, perStop * stops));
      expect(solveIterations(effort, 'pooled', stops)).toBe(expected(d.pooled));
      expect(solveIterations(effort, 'carrier', stops)).toBe(expected(d.carrier));
      expect(solveIterations(effort, 'carrier', 1)).toBe(d.min);
      expect(solveIterations(effort, 'pooled', 1_000_000)).toBe(d.max);
      expect(solveIterations(effort, 'pooled', 0)).toBe(d.min);
    });

  it('rounds a fractional product to a whole number of iterations', () => {
    expect(Number.isInteger(solveIterations('normal', 'pooled', 333.3))).toBe(true);
    expect(solveIterations('normal', 'pooled', 333.3)).toBe(Math.round(54 * 333.3));
  });

  it('draft: no iteration for any solve, coalitions included (the construction alone)', () => {
    for (const stops of [0, 1, 220, 1_000_000]) {
      expect(solveIterations('draft', 'pooled', stops)).toBe(0);
      expect(solveIterations('draft', 'carrier', stops)).toBe(0);
      expect(coalitionIterations('draft', stops)).toBe(0);
    }
  });

  it('defaults to normal effort (docs/model/consolidation.md)', () => {
    expect(DEFAULT_EFFORT).toBe('normal');
  });
});
