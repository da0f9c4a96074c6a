import { describe, expect, it } from 'vitest';
import { bundleOrders } from '../../src/consolidation/bundle.ts';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import { planTrunkNetwork } from '../../src/consolidation/trunk-network.ts';
import { scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const cityOf = (s: Scenario) => buildCity(scenarioSchema.parse(s));
const ids = (city: ReturnType<typeof cityOf>, orders: readonly number[]) =>
  orders.map((o) => city.orders[o]?.id);

describe('bundling orders per receiver', () => {
  it("puts all carriers' orders to a receiver in one consignment, deliveries and returns apart", () => {
    const city = cityOf(smallScenario());
    const bundles = bundleOrders(city, [...city.orders.keys()], [1000, 10, 100]);
    expect(bundles.map((b) => [city.receivers[b.receiver]?.id, ids(city, b.orders)])).toEqual([
      ['R1', ['A1', 'B1']],
      ['R2', ['A2', 'B2']],
      ['R3', ['A3', 'B3']],
    ]);
    const r3 = bundles[2];
    expect(r3?.delivery).toEqual([10, 0.05, 1]);
    expect(r3?.pickup).toEqual([5, 0.1, 1]);
    // one extra minute of handover for the second consignment (default 5 min service)
    expect(r3?.serviceS).toBe(6 * 60);
  });

  it("splits a receiver's orders whose own windows do not meet, and narrows the windows", () => {
    const s = smallScenario();
    (s.orders[1] as Scenario['orders'][number]).window = { start: '14:45', end: '16:00' }; // A2 to R2, afternoon
    (s.orders[4] as Scenario['orders'][number]).window = { start: '08:30', end: '09:00' }; // B2 to R2, morning
    const city = cityOf(s);
    const r2 = bundleOrders(city, [...city.orders.keys()], [1000, 10, 100]).filter(
      (b) => city.receivers[b.receiver]?.id === 'R2',
    );
    expect(r2.map((b) => [ids(city, b.orders), b.windows])).toEqual([
      [['A2'], [[14.75 * 3600, 16 * 3600]]],
      [['B2'], [[8.5 * 3600, 9 * 3600]]],
    ]);
  });

  it('splits a bundle that no vehicle could carry, order by order', () => {
    const city = cityOf(smallScenario());
    const r1 = bundleOrders(city, [...city.orders.keys()], [60, 10, 100]).filter(
      (b) => city.receivers[b.receiver]?.id === 'R1',
    );
    expect(r1.map((b) => ids(city, b.orders))).toEqual([['A1'], ['B1']]);
  });
});

describe('trunk network', () => {
  const ctx = { seed: 1, clock: () => 0, maxIterations: 300 };
  const pooledAll = (city: ReturnType<typeof cityOf>, departureS = 8 * 3600) =>
    city.orders.map((_, order) => ({ order, hub: 0, departureS }));
  const carried = (n: ReturnType<typeof planTrunkNetwork>): number[] =>
    n.runs
      .flatMap((r) =>
        r.solution.routes.flatMap((route) =>
          route.trips.flatMap((t) => t.visits.flatMap((v) => r.consignments[v.job]?.orders ?? [])),
        ),
      )
      .sort((a, b) => a - b);

  it('carries every pooled order to the hub once, consignments within half a trunk vehicle', () => {
    const city = cityOf(smallScenario());
    const n = planTrunkNetwork(city, pooledAll(city), ctx);
    expect(carried(n)).toEqual(city.orders.map((_, i) => i));
    // the largest trunk type of the small day is the diesel van: 1,080 kg
    const half = Math.max(...city.carriers.map((c) => city.vehicleTypes[c.trunkType]?.capacity[0] ?? 0)) / 2;
    for (const r of n.runs)
      for (const c of r.consignments)
        if (c.orders.length > 1) expect(c.goods[0]).toBeLessThanOrEqual(half + 1e-9);
    expect(n.dayBefore).toBe(true);
  });

  it('shared trunking lets one trip collect at two depots; unpooled trunking never does', () => {
    const s = smallScenario();
    const pooled = cityOf(s);
    const shared = planTrunkNetwork(pooled, pooledAll(pooled), ctx);
    const depotsPerTrip = shared.runs.flatMap((r) =>
      r.solution.routes.flatMap((x) =>
        x.trips.map((t) => new Set(t.visits.map((v) => r.consignments[v.job]?.carrier)).size),
      ),
    );
    expect(Math.max(...depotsPerTrip)).toBeGreaterThan(1);
    const alone = cityOf({ ...s, options: { ...s.options, trunking: { pooled: false } } });
    const own = planTrunkNetwork(alone, pooledAll(alone), ctx);
    for (const r of own.runs) expect(new Set(r.consignments.map((c) => c.carrier)).size).toBe(1);
  });

  it('same-day: a consignment reaches the hub before its pooled trip leaves, or is reported late', () => {
    const s = smallScenario();
    const city = cityOf({ ...s, options: { ...s.options, trunking: { schedule: 'same-day' } } });
    const departureS = 11 * 3600;
    const n = planTrunkNetwork(city, pooledAll(city, departureS), ctx);
    expect(n.dayBefore).toBe(false);
    for (const r of n.runs)
      for (const route of r.solution.routes)
        for (const t of route.trips)
          for (const v of t.visits)
            expect(t.returnS + city.trunking.handlingS - (r.lateS[v.job] ?? 0)).toBeLessThanOrEqual(
              departureS + 1e-6,
            );
    const early = planTrunkNetwork(city, pooledAll(city, city.hubs[0]?.openS ?? 0), ctx);
    expect(early.runs.some((r) => r.lateS.some((x) => x > 0))).toBe(true);
    expect(carried(early)).toEqual(city.orders.map((_, i) => i));
  });
});

describe('hub assignment', () => {
  function twoHubs(capacityWest?: number): Scenario {
    const s = smallScenario();
    s.hubs.push({ id: 'EAST', location: [3.08, 50.637], open: '05:00', close: '20:00' });
    if (capacityWest !== undefined) (s.hubs[0] as { capacityUnits?: number }).capacityUnits = capacityWest;
    s.fleet.push({ hubId: 'EAST', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } });
    return s;
  }

  const assign = (s: Scenario) => chooseFacilities(cityOf(s)).hubOf;

  it('sends every receiver through a hub that has a fleet', () => {
    const s = smallScenario();
    s.hubs.push({ id: 'EMPTY', location: [3.0635, 50.6367], open: '05:00', close: '20:00' });
    expect(assign(s)).toEqual([0, 0, 0]);
    expect(chooseFacilities(cityOf(s)).open).toEqual([true, false]);
  });

  it("respects a hub's daily handling capacity, moving receivers to a hub with room", () => {
    const capped = assign(twoHubs(4));
    // R1 takes 5 handling units: with 4 units of capacity at the west hub it must go east
    const units = [5, 3, 2];
    const westLoad = capped.reduce((s, h, r) => s + (h === 0 ? (units[r] as number) : 0), 0);
    expect(westLoad).toBeLessThanOrEqual(4);
    expect(capped[0]).toBe(1);
    expect(assign(twoHubs(1000))).toEqual(assign(twoHubs()));
  });

  it('leaves to the carriers, with reason hub-capacity, only what no open hub can hold', () => {
    const s = smallScenario();
    (s.hubs[0] as { capacityUnits?: number }).capacityUnits = 6; // R1 (5 units) or R2 + R3 (5), not all 10
    const choice = chooseFacilities(cityOf(s));
    const units = [5, 3, 2];
    expect(choice.hubOf.reduce((t, h, r) => t + (h === 0 ? (units[r] as number) : 0), 0)).toBeLessThanOrEqual(
      6,
    );
    expect(choice.reasonOf.filter((x) => x === 'hub-capacity').length).toBeGreaterThan(0);
    expect(choice.hubOf.filter((h) => h === 0).length).toBeGreaterThan(0);
  });

  it('opens the near hubs and keeps the far, costly one closed; the same answer from both LP backends', () => {
    const s = twoHubs();
    s.hubs.push({
      id: 'FAR',
      location: [3.4, 50.9],
      open: '05:00',
      close: '20:00',
      fixedCostEurPerDay: 5000,
    });
    s.fleet.push({ hubId: 'FAR', vehicleType: 'e-van', count: 5, shift: { start: '06:00', end: '17:00' } });
    const js = chooseFacilities(cityOf(s), 'js');
    const highs = chooseFacilities(cityOf(s), 'highs');
    expect(js.open[2]).toBe(false);
    expect(js.hubReasons[2]).toMatch(/^closed: its fixed cost \(5000 EUR a day\)/);
    expect(js.hubOf.every((h) => h !== 2)).toBe(true);
    expect(highs.open).toEqual(js.open);
    expect(highs.hubOf).toEqual(js.hubOf);
  });

  it('opens no hub when its fixed cost outweighs every saving: the plan is then the baseline', () => {
    const s = smallScenario();
    (s.hubs[0] as { fixedCostEurPerDay?: number }).fixedCostEurPerDay = 100_000;
    const choice = chooseFacilities(cityOf(s));
    expect(choice.open).toEqual([false]);
    expect(choice.hubOf).toEqual([-1, -1, -1]);
    expect(choice.reasonOf).toEqual(['hub-closed', 'hub-closed', 'hub-closed']);
  });
});
