import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { planCarrierRounds } from '../../src/consolidation/carrier-rounds.ts';
import { buildCity, planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';

// A carrier whose fleet the scenario does not give has "enough" vehicles: three times what its volume needs, plus
// two. Receiving windows can need far more: twelve shops 4 km apart that all receive between 08:00 and 08:05 take
// a van each (one trip reaches one shop in the window), though their 120 kg would fill a ninth of one van.
// One more shop receives only at night, when no van works: its order is undelivered whatever the fleet, for another
// reason than the fleet, and must not stop the others from getting their vans.
function simultaneousWindows(baselineVehicles?: number): Scenario {
  const shops = [
    ...Array.from({ length: 12 }, (_, i) => ({
      id: `S${i}`,
      location: [3.0 + 0.06 * (i % 4), 50.6 + 0.04 * Math.floor(i / 4)] as [number, number],
      windows: [{ start: '08:00', end: '08:05' }],
    })),
    { id: 'NIGHT', location: [3.09, 50.65] as [number, number], windows: [{ start: '23:00', end: '23:30' }] },
  ];
  return {
    name: 'simultaneous windows',
    date: '2026-11-24',
    hubs: [{ id: 'H', location: [3.09, 50.64], open: '05:00', close: '20:00' }],
    carriers: [
      {
        id: 'A',
        depot: [3.09, 50.64],
        baselineVehicleType: 'diesel-van',
        ...(baselineVehicles === undefined ? {} : { baselineVehicles }),
      },
    ],
    receivers: shops,
    orders: shops.map((s) => ({ id: `A-${s.id}`, carrierId: 'A', receiverId: s.id, size: { kg: 10 } })),
    fleet: [{ hubId: 'H', vehicleType: 'e-van', count: 12, shift: { start: '06:00', end: '17:00' } }],
    options: { effort: 'draft', allocation: 'pro-rata-by-kg' },
  };
}

describe('a carrier’s own rounds when the scenario does not give its fleet', () => {
  it('deliver every order they can, with as many vehicles as the windows need, at draft and with search', () => {
    for (const options of [{}, { effort: 'quick' as const, maxIterations: 50 }]) {
      const scenario = simultaneousWindows();
      const plan = planScenario(scenario, options);
      // only the night shop's order, and not for want of vans
      expect(plan.baseline.unassigned.map((u) => u.orderId)).toEqual(['A-NIGHT']);
      expect(plan.baseline.unassigned[0]?.reason).not.toBe('fleet-exhausted');
      // the estimate (3 vans) would leave most shops undelivered: each van reaches one or two in the window
      expect(new Set(plan.baseline.routes.map((r) => r.vehicle)).size).toBeGreaterThan(3);
      expect(plan.ownRoundsCleanFleet.unassigned.map((u) => u.orderId)).toEqual(['A-NIGHT']);
      expect(auditPlan(scenario, plan)).toEqual([]);
    }
  });

  it('count the work of every solve: one with the estimate, one more each time the vans are doubled', () => {
    const city = buildCity(simultaneousWindows(), {});
    const orders = city.orders.map((_, i) => i);
    const ctx = { seed: 1, clock: () => 0, maxIterations: 40 };
    const rounds = planCarrierRounds(city, 0, orders, { iterations: 40, timeLimitMs: 1e9 }, ctx);
    const vans = rounds.routing.problem.vehicles.length;
    // 3 vans (the estimate for 130 kg), then 6, then 12 when 6 were not enough: one solve each
    expect([6, 12]).toContain(vans);
    expect(rounds.solution.stats.iterations).toBe(40 * (Math.log2(vans / 3) + 1));
    expect(rounds.solution.stats.timeCapped).toBe(false);
    expect(rounds.solution.unassigned.filter((u) => u.reason === 'fleet-exhausted')).toEqual([]);
  });

  it('keep a fleet the scenario gives: three vans leave the shops they cannot reach undelivered, and say so', () => {
    const scenario = simultaneousWindows(3);
    const plan = planScenario(scenario);
    expect(new Set(plan.baseline.routes.map((r) => r.vehicle)).size).toBeLessThanOrEqual(3);
    expect(plan.baseline.unassigned.length).toBeGreaterThan(0);
    const shops = plan.baseline.unassigned.filter((u) => u.orderId !== 'A-NIGHT');
    expect(shops.length).toBeGreaterThan(0);
    expect(shops.every((u) => u.reason === 'fleet-exhausted')).toBe(true);
    expect(plan.meta.warnings.some((w) => w.startsWith('the baseline leaves'))).toBe(true);
    expect(auditPlan(scenario, plan)).toEqual([]);
  });
});
