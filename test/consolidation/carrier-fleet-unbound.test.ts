import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';

// A carrier whose fleet the scenario does not give has "enough" vehicles: three times what its volume needs, plus
// two. Receiving windows can need far more: twelve shops 4 km apart that all receive between 08:00 and 08:05 take
// a van each (one trip reaches one shop in the window), though their 120 kg would fill a ninth of one van.
function simultaneousWindows(baselineVehicles?: number): Scenario {
  const shops = Array.from({ length: 12 }, (_, i) => ({
    id: `S${i}`,
    location: [3.0 + 0.06 * (i % 4), 50.6 + 0.04 * Math.floor(i / 4)] as [number, number],
    windows: [{ start: '08:00', end: '08:05' }],
  }));
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
  it('deliver every order, with as many vehicles as the windows need, at draft and with search', () => {
    for (const options of [{}, { effort: 'quick' as const, maxIterations: 50 }]) {
      const scenario = simultaneousWindows();
      const plan = planScenario(scenario, options);
      expect(plan.baseline.unassigned).toEqual([]);
      // the estimate (3 vans) would leave most shops undelivered: each van reaches one or two in the window
      expect(new Set(plan.baseline.routes.map((r) => r.vehicle)).size).toBeGreaterThan(3);
      expect(plan.ownRoundsCleanFleet.unassigned).toEqual([]);
      expect(plan.meta.warnings.filter((w) => w.includes('undelivered'))).toEqual([]);
      expect(auditPlan(scenario, plan)).toEqual([]);
    }
  });

  it('keep a fleet the scenario gives: three vans leave the shops they cannot reach undelivered, and say so', () => {
    const scenario = simultaneousWindows(3);
    const plan = planScenario(scenario);
    expect(new Set(plan.baseline.routes.map((r) => r.vehicle)).size).toBeLessThanOrEqual(3);
    expect(plan.baseline.unassigned.length).toBeGreaterThan(0);
    expect(plan.baseline.unassigned.every((u) => u.reason === 'fleet-exhausted')).toBe(true);
    expect(plan.meta.warnings.some((w) => w.startsWith('the baseline leaves'))).toBe(true);
    expect(auditPlan(scenario, plan)).toEqual([]);
  });
});
