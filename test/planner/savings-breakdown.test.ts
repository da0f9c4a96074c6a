import { describe, expect, it } from 'vitest';
import { planSchema, type Plan, type Scenario } from '../../src/contracts/index.ts';
import { InputError } from '../../src/domain/errors.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const plan = (s: Scenario): Plan => planScenario(s, { seed: 3, maxIterations: 300, timeLimitSeconds: 60 });
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const FIGURES = ['vehicleKm', 'energyKWh', 'co2eKg'] as const;

/** The small day with its pedestrian receiver open to vans before 11:00, so both plans deliver every order. */
function morningDeliveries(): Scenario {
  const s = smallScenario();
  return {
    ...s,
    receivers: s.receivers.map((r) =>
      r.access ? { ...r, access: { ...r.access, hours: [{ start: '11:00', end: '20:00' }] } } : r,
    ),
  };
}

describe('savings split by cause through the clean-fleet counterfactual', () => {
  const scenario = morningDeliveries();
  const result = plan(scenario);

  it('matches the contract, and technology + consolidation = the total saving, exactly', () => {
    expect(planSchema.safeParse(result).success).toBe(true);
    expect(result.baseline.unassigned).toEqual([]);
    expect(result.meta.warnings).toEqual([]);
    const { vehicleTechnology: tech, consolidation: cons } = result.savingsBreakdown;
    for (const f of FIGURES) {
      const total = result.baseline.kpis[f] - result.consolidated.kpis[f];
      expect(r3(tech[f] + cons[f]), f).toBe(r3(total));
      expect(r3(tech[f]), f).toBe(r3(result.baseline.kpis[f] - result.ownRoundsCleanFleet.kpis[f]));
    }
  });

  it('keeps each diesel-van carrier’s rounds stop for stop in e-vans: no km saved by technology', () => {
    expect(result.ownRoundsCleanFleet.carriers.map((c) => [c.carrierId, c.vehicleType, c.method])).toEqual([
      ['A', 'e-van', 'same-routes'],
      ['B', 'e-van', 'same-routes'],
    ]);
    const shape = (p: Plan['baseline']) =>
      p.routes.map((r) => [r.start, r.distanceKm, r.stops.map((s) => s.receiverId)]);
    expect(shape(result.ownRoundsCleanFleet)).toEqual(shape(result.baseline));
    expect(result.savingsBreakdown.vehicleTechnology.vehicleKm).toBe(0);
    // an e-van on French electricity emits far less than a diesel van on the same rounds
    expect(result.ownRoundsCleanFleet.kpis.co2eKg).toBeLessThan(result.baseline.kpis.co2eKg / 3);
    expect(result.ownRoundsCleanFleet.routes.every((r) => r.vehicleType === 'e-van')).toBe(true);
    expect(auditPlan(scenario, result)).toEqual([]); // the counterfactual and the breakdown included
  });

  it('re-routes a carrier whose rounds the clean type cannot drive as they are, feasibly', () => {
    const bikes = {
      ...scenario,
      options: { ...scenario.options, cleanFleetVehicleTypes: { 'diesel-van': 'cargo-bike' } },
    };
    const p = plan(bikes);
    expect(p.ownRoundsCleanFleet.carriers.map((c) => c.method)).toEqual(['rerouted', 'rerouted']);
    expect(p.ownRoundsCleanFleet.routes.every((r) => r.vehicleType === 'cargo-bike')).toBe(true);
    expect(auditPlan(bikes, p)).toEqual([]);
    const served = p.ownRoundsCleanFleet.routes.flatMap((r) => r.stops.flatMap((s) => s.orderIds));
    const missing = p.ownRoundsCleanFleet.unassigned.map((u) => u.orderId);
    expect([...served, ...missing].sort()).toEqual(bikes.orders.map((o) => o.id).sort());
  });

  it('re-routes with the clean type what the baseline type may not deliver, and warns of unequal plans', () => {
    const p = plan(smallScenario()); // R3: cargo bikes only, all day: no diesel or electric van may serve it
    expect(p.baseline.unassigned.map((u) => u.orderId).sort()).toEqual(['A3', 'B3']);
    expect(p.meta.warnings.join('\n')).toMatch(/baseline leaves 2 order\(s\) undelivered/);
    expect(p.ownRoundsCleanFleet.carriers.map((c) => c.method)).toEqual(['rerouted', 'rerouted']);
    expect(auditPlan(smallScenario(), p)).toEqual([]);
  });

  it('leaves a type without a clean counterpart as it is', () => {
    const trucks = {
      ...scenario,
      carriers: scenario.carriers.map((c) => ({ ...c, baselineVehicleType: 'rigid-truck' })),
    };
    const p = plan(trucks);
    expect(auditPlan(trucks, p)).toEqual([]);
    expect(p.ownRoundsCleanFleet.carriers.map((c) => c.method)).toEqual(['unchanged', 'unchanged']);
    expect(p.ownRoundsCleanFleet.kpis).toEqual(p.baseline.kpis);
    for (const f of FIGURES) expect(p.savingsBreakdown.vehicleTechnology[f]).toBe(0);
  });

  it('names the field of an unknown type in the mapping', () => {
    const bad = { ...scenario, options: { cleanFleetVehicleTypes: { 'diesel-van': 'e-vam' } } };
    expect(() => plan(bad)).toThrow(InputError);
    expect(() => plan(bad)).toThrow(/unknown vehicle type "e-vam"/);
  });

  it('counts trunk trips in tripsIncludingTrunk, in every plan', () => {
    const trunkTrips = result.consolidated.trunk.filter((t) => t.mode === 'road').length;
    expect(trunkTrips).toBeGreaterThan(0);
    expect(result.consolidated.kpis.tripsIncludingTrunk).toBe(result.consolidated.routes.length + trunkTrips);
    expect(result.baseline.kpis.tripsIncludingTrunk).toBe(result.baseline.routes.length);
  });
});
