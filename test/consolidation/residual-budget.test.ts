import { describe, expect, it, vi } from 'vitest';
import { planCarrierRounds } from '../../src/consolidation/carrier-rounds.ts';
import { handledUnits, planResidual } from '../../src/consolidation/consolidated.ts';
import type { CityOrder } from '../../src/domain/city.ts';
import { unitCity } from '../planner/unit-city.ts';

// what each carrier's residual rounds are given, without routing them
vi.mock('../../src/consolidation/carrier-rounds.ts', () => ({ planCarrierRounds: vi.fn(() => ({})) }));

const order = (carrier: number, receiver: number, units = 1): CityOrder => ({
  id: `o${carrier}-${receiver}`,
  carrier,
  receiver,
  kind: 'delivery',
  size: [10, 0.1, units],
});
const carrier = (id: string) => ({ id, location: 0, baselineType: 0, trunkType: 0 });

describe('residual rounds: the budget of each carrier with unpooled orders', () => {
  it('the residual share of the cap (or the baseline share for as many orders), split by unpooled orders', () => {
    // 10 orders in the day, a 100 s cap, quick effort; unpooled: 3 of C0, 1 of C1 (4 in all)
    const city = unitCity({
      timeLimitS: 100,
      carriers: [carrier('C0'), carrier('C1'), carrier('C2')],
      orders: Array.from({ length: 10 }, (_, i) => order(i < 5 ? 0 : 1, i)),
    });
    const ctx = { seed: 1, clock: () => 0 };
    planResidual(city, [0, 1, 2, 5], ctx);
    const calls = vi.mocked(planCarrierRounds).mock.calls;
    expect(calls.map((c) => [c[1], c[2]])).toEqual([
      [0, [0, 1, 2]],
      [1, [5]],
    ]);
    // C0: max(0.05, 0.4 × 3/10) = 0.12 of 100,000 ms, × 3/4 of the unpooled orders; quick: 225 iterations at least
    expect(calls[0]?.[3].iterations).toBe(225);
    expect(calls[0]?.[3].timeLimitMs).toBeCloseTo(100_000 * 0.12 * (3 / 4), 6);
    // C1: max(0.05, 0.4 × 1/10) = 0.05, × 1/4
    expect(calls[1]?.[3].iterations).toBe(225);
    expect(calls[1]?.[3].timeLimitMs).toBeCloseTo(100_000 * 0.05 * (1 / 4), 6);
    expect(calls[0]?.[4]).toBe(ctx);
  });
});

describe('handling units per hub', () => {
  it("counts at least one unit an order, at its receiver's hub and at that hub's platform", () => {
    const hub = (id: string, platform?: number) => ({
      id,
      location: 0,
      openS: 0,
      closeS: 86_400,
      handlingKWhPerUnit: 0,
      fixedCostEurPerDay: 0,
      handlingCostEurPerUnit: 0,
      ...(platform === undefined
        ? {}
        : { feeder: { platform, mode: 'road' as const, type: 0, maxTrips: 1, reloadS: 0 } }),
    });
    const city = unitCity({
      hubs: [hub('P'), hub('M', 0), hub('H')],
      carriers: [carrier('C0')],
      orders: [order(0, 0, 3), order(0, 1, 0), order(0, 2, 2), order(0, 3, 5), order(0, 4, 1)],
    });
    // R0 (3 units) and R1 (0: counts 1) at M, fed by P; R2 (2) at H; R3 (5) at P itself; R4 has no entry in
    // hubOf: not pooled
    expect(handledUnits(city, [0, 1, 2, 3, 4], [1, 1, 2, 0])).toEqual([4 + 5, 4, 2]);
    // only the orders given count
    expect(handledUnits(city, [2], [1, 1, 2, 0])).toEqual([0, 0, 2]);
  });
});
