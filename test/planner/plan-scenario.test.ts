import { describe, expect, it } from 'vitest';
import { planSchema, type Scenario } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const ITERATIONS = 300;
const plan = (s: Scenario, seed = 1) =>
  planScenario(s, { seed, maxIterations: ITERATIONS, timeLimitSeconds: 60 });

describe('planScenario on a hand-checkable day', () => {
  const scenario = smallScenario();
  const result = plan(scenario);

  it('returns a plan that matches the contract and passes the independent auditor', () => {
    expect(planSchema.safeParse(result).success).toBe(true);
    expect(auditPlan(scenario, result)).toEqual([]);
  });

  it('visits each receiver once per carrier in the baseline and once in total when pooled', () => {
    // every carrier has one order per receiver, but R3 is cargo-bike-only all day and the carriers drive
    // diesel vans: 2 carriers x 2 receivers = 4 baseline stops, R3's orders reported
    expect(result.baseline.kpis.stops).toBe(4);
    expect(result.baseline.kpis.deliveriesPerReceiver).toBe(2);
    expect(result.baseline.unassigned.map((u) => [u.orderId, u.reason])).toEqual([
      ['A3', 'no-vehicle-allowed'],
      ['B3', 'no-vehicle-allowed'],
    ]);
    expect(result.baseline.unassigned[0]?.detail).toBe(
      'diesel-van (diesel van) may not serve R3 in its windows (receiver access)',
    );
    expect(result.consolidated.kpis.stops).toBe(3);
    expect(result.consolidated.kpis.deliveriesPerReceiver).toBe(1);
    expect(result.consolidated.unassigned).toEqual([]);
  });

  it('serves the pedestrian receiver with the cargo bike only', () => {
    const r3 = result.consolidated.routes.filter((r) => r.stops.some((s) => s.receiverId === 'R3'));
    expect(r3.map((r) => r.vehicleType)).toEqual(['cargo-bike']);
  });

  it("brings each carrier's pooled kg to the hub, in one shared trip here, and counts the trunk in vehicle-km", () => {
    // 125 kg fit one van: the shared trunk collects at both depots in one trip
    expect(result.consolidated.trunk.map((t) => [t.carrierIds, t.stops.map((s) => s.loaded.kg)])).toEqual([
      [expect.arrayContaining(['A', 'B']), expect.arrayContaining([60, 65])],
    ]);
    const routesKm = result.consolidated.routes.reduce((s, r) => s + r.distanceKm, 0);
    const trunkKm = result.consolidated.trunk.reduce((s, t) => s + t.distanceKm, 0);
    expect(result.consolidated.kpis.vehicleKm).toBeCloseTo(routesKm + trunkKm, 2);
    expect(trunkKm).toBeGreaterThan(0);
  });

  it('reports savings as the relative change of each KPI', () => {
    const { before, after, pct } = result.savings.vehicleKm;
    expect(before).toBe(result.baseline.kpis.vehicleKm);
    expect(after).toBe(result.consolidated.kpis.vehicleKm);
    expect(pct).toBeCloseTo((100 * (before - after)) / before, 1);
  });

  it('allocates every carrier its standalone and pooled costs', () => {
    expect(result.allocation.map((a) => a.carrierId)).toEqual(['A', 'B']);
    for (const a of result.allocation) expect(a.saving).toBeCloseTo(a.standaloneCost - a.allocatedCost, 1);
  });

  it('is deterministic for a seed', () => {
    const again = plan(scenario);
    expect(again.consolidated.routes).toEqual(result.consolidated.routes);
    expect(again.baseline.routes).toEqual(result.baseline.routes);
  });
});

describe('orders the pooled fleet cannot take', () => {
  it('go back to their carrier with a reason, and still count in the consolidated KPIs', () => {
    const scenario = smallScenario();
    // R3 is cargo-bike-only from 07:00 and opens at 06:30: the bike serves it all morning, so the e-van (allowed
    // before 07:00 only) is left out; the carrier's diesel van may come before 07:00
    (scenario.receivers[2] as { access?: object }).access = {
      vehicleClasses: ['cargo-bike'],
      hours: [{ start: '07:00', end: '19:00' }],
    };
    // 400 kg to R3: no pooled vehicle allowed there may carry it
    scenario.orders.push({ id: 'A4', carrierId: 'A', receiverId: 'R3', size: { kg: 400, m3: 1, units: 4 } });
    const result = plan(scenario);
    expect(auditPlan(scenario, result)).toEqual([]);
    const a4 = result.consolidated.unassigned.find((u) => u.orderId === 'A4');
    expect(a4?.reason).toBe('too-big-for-every-vehicle');
    expect(a4?.detail).toMatch(/delivered by its carrier/);
    const carrierRoute = result.consolidated.routes.find((r) =>
      r.stops.some((s) => s.orderIds.includes('A4')),
    );
    expect(carrierRoute?.start).toBe('A');
    const stop = carrierRoute?.stops.find((st) => st.orderIds.includes('A4'));
    expect(stop && stop.departure <= '07:00').toBe(true);
  });

  it('report an empty window as unreachable when the carrier cannot make it either', () => {
    const scenario = smallScenario();
    scenario.receivers.push({
      id: 'R9',
      location: [3.06, 50.64],
      windows: [{ start: '03:00', end: '03:30' }],
    });
    scenario.orders.push({ id: 'B9', carrierId: 'B', receiverId: 'R9', size: { kg: 5 } });
    const result = plan(scenario);
    expect(auditPlan(scenario, result)).toEqual([]);
    expect(result.consolidated.unassigned.find((u) => u.orderId === 'B9')?.reason).toBe('window-unreachable');
    expect(result.baseline.unassigned.find((u) => u.orderId === 'B9')?.reason).toBe('window-unreachable');
  });
});
