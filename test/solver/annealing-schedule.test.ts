import { describe, expect, it } from 'vitest';
import type { SearchContext } from '../../src/solver/search/search-context.ts';
import {
  sisrAnnealing,
  T0_PER_ARC,
  T0_PER_ARC_COST,
  T0_PER_ARC_NO_WINDOWS,
  TEND_PER_ARC,
  TEND_PER_ARC_COST,
  TEND_PER_ARC_NO_WINDOWS,
} from '../../src/solver/search/sisr.ts';

const ARC = 7;

/** The fields of a search context that the schedule reads. */
function ctx(windowsBind: boolean, byVehicles: boolean, temperature?: { start: number; end: number }) {
  return {
    windowsBind,
    byVehicles,
    arcScale: ARC,
    params: temperature === undefined ? {} : { temperature },
  } as unknown as SearchContext;
}

describe("SISR's annealing schedule", () => {
  it('under objective cost with binding windows, runs the cooler cost schedule', () => {
    const a = sisrAnnealing(ctx(true, false));
    expect(a.temperature(0)).toBeCloseTo(T0_PER_ARC_COST * ARC, 12);
    expect(a.temperature(1)).toBeCloseTo(TEND_PER_ARC_COST * ARC, 12);
    expect(T0_PER_ARC_COST).toBeLessThan(T0_PER_ARC);
    expect(TEND_PER_ARC_COST).toBeLessThan(TEND_PER_ARC);
  });

  it("under objective vehicles with binding windows, keeps the paper's end temperature", () => {
    const a = sisrAnnealing(ctx(true, true));
    expect(a.temperature(0)).toBeCloseTo(T0_PER_ARC * ARC, 12);
    expect(a.temperature(1)).toBeCloseTo(TEND_PER_ARC * ARC, 12);
  });

  it('without binding windows, uses the cool schedule under either objective', () => {
    for (const byVehicles of [false, true]) {
      const a = sisrAnnealing(ctx(false, byVehicles));
      expect(a.temperature(0)).toBeCloseTo(T0_PER_ARC_NO_WINDOWS * ARC, 12);
      expect(a.temperature(1)).toBeCloseTo(TEND_PER_ARC_NO_WINDOWS * ARC, 12);
    }
  });

  it("lets the solve's temperature override every default", () => {
    const a = sisrAnnealing(ctx(true, false, { start: 2, end: 0.5 }));
    expect(a.temperature(0)).toBeCloseTo(2 * ARC, 12);
    expect(a.temperature(1)).toBeCloseTo(0.5 * ARC, 12);
  });
});
