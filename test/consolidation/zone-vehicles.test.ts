import { describe, expect, it } from 'vitest';
import {
  listTasks,
  pooledOrdersByHub,
  runTask,
  taskBudgets,
  taskOrders,
  zoneVehicles,
} from '../../src/consolidation/tasks.ts';
import type { City } from '../../src/domain/city.ts';
import { unitCity, unitType } from '../planner/unit-city.ts';
import { fleet, hub, order, receiver } from './facility-city.ts';

/**
 * A hub H at (3.0, 50.0) with R0 (30 kg) and R2 (10 kg) east of it, R3 (20 kg) and R1 (40 kg) west; at most 2
 * stops a zone: two sectors, east [R0, R2] and west [R3, R1] (the widest gap, between R1 and R0, starts them).
 * Every trip is 1 km, carrier C0's depot too, so the facility model pools everyone at H (bikes at 1 EUR/km
 * against the carrier's 3, a 13th each, and 1/1000 of a trunk van): hub X, at 1,000 EUR a day, stays closed.
 */
function zonedCity(restrictR3 = false, maxStopsPerZone = 2, extra = 0): City {
  const rates = (costPerKmEur: number) => ({ fixedCostEur: 0, costPerKmEur, costPerHourEur: 0 });
  return unitCity({
    maxStopsPerZone,
    timeLimitS: 100,
    locations: [
      [3.0, 50.0],
      [3.1, 50.0],
      [2.9, 50.0],
      [3.1, 50.01],
      [2.9, 50.01],
      [3.0, 50.5],
    ],
    travel: { size: 6, distance: (a, b) => (a === b ? 0 : 1000), duration: () => 0 },
    vehicleTypes: [
      { ...unitType('bike', rates(1)), class: 'bike' },
      unitType('van', rates(3)),
      unitType('trunk', rates(1)),
    ],
    carriers: [{ id: 'C0', location: 5, baselineType: 1, trunkType: 2 }],
    hubs: [hub('H', 0), hub('X', 0, { fixedCostEurPerDay: 1000 })],
    fleet: [
      fleet(0, 0, 3), // bikes: one group
      fleet(0, 1, 2), // vans
      { ...fleet(0, 0, 1), shiftStartS: 3600 }, // a later bike: a group of its own
      fleet(1, 0, 1),
    ],
    receivers: [
      receiver('R0', 1),
      receiver('R1', 2),
      receiver('R2', 3),
      receiver('R3', 4, restrictR3 ? { allowedClasses: ['bike'] } : {}),
      ...Array.from({ length: extra }, (_, i) => receiver(`E${i}`, 1)),
    ],
    orders: [
      order(0, 0, [30, 0.1, 1]),
      order(0, 1, [40, 0.1, 1]),
      order(0, 2, [10, 0.1, 1]),
      order(0, 3, [20, 0.1, 1]),
      ...Array.from({ length: extra }, (_, i) => order(0, 4 + i, [1, 0.1, 1])),
    ],
  });
}
const pooledTask = (zone: number) => ({ kind: 'pooled' as const, hub: 0, zone, zones: 2 });
/** Per zone, the vehicles as `type@shift start`. */
const split = (city: City) =>
  [0, 1].map((zone) => zoneVehicles(city, pooledTask(zone)).map((v) => `${v.type}@${v.shiftStartS}`));

describe("a hub's pooled runs cut into zones", () => {
  it("one task per zone of each carrier and of each hub with pooled orders; the zones hold their receivers' orders", () => {
    const city = zonedCity();
    expect(listTasks(city)).toEqual([
      { kind: 'baseline', carrier: 0, zone: 0, zones: 2 },
      { kind: 'baseline', carrier: 0, zone: 1, zones: 2 },
      pooledTask(0),
      pooledTask(1),
    ]);
    expect([0, 1].map((zone) => taskOrders(city, pooledTask(zone)))).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('splits each group of interchangeable vehicles between the zones by kg (east 40, west 60)', () => {
    // bikes: 3 × 0.4 = 1.2 and 1.8: 1 and 2; vans: 0.8 and 1.2: 1 and 1; the later bike: 0.4 and 0.6: 0 and 1
    expect(split(zonedCity())).toEqual([
      ['0@0', '1@0'],
      ['0@0', '0@0', '1@0', '0@3600'],
    ]);
    expect(zoneVehicles(zonedCity(), { kind: 'pooled', hub: 0, zone: 0, zones: 1 })).toHaveLength(6);
  });

  it('a kg only bikes may deliver weighs 1,000 times for the bikes and nothing for the vans', () => {
    // R3 (west, 20 kg) takes bikes only: bikes 40 against 40 + 20,000: 0 and 3; later bike 0 and 1;
    // vans 40 against 40: 1 and 1
    expect(split(zonedCity(true))).toEqual([['1@0'], ['0@0', '0@0', '0@0', '1@0', '0@3600']]);
  });

  it("the pooled runs' share of the cap (50 %) and iterations by each zone's stops", () => {
    const city = zonedCity();
    const budgets = taskBudgets(city, listTasks(city));
    // baseline 40 % of 100 s, pooled 1 − 0.4 − 0.05 − 0.05 = 50 %, each split by stops (2 of 4); quick effort:
    // at least 225 iterations
    expect(budgets.map((b) => b.timeLimitMs)).toEqual(
      [20_000, 20_000, 25_000, 25_000].map((x) => expect.closeTo(x, 6)),
    );
    expect(budgets.map((b) => b.iterations)).toEqual([225, 225, 225, 225]);
  });

  it("pooled tasks get the pooled rate of iterations: 20 stops in one zone × 12 = 240, a carrier's minimum 225", () => {
    // 16 more receivers at R0's spot, 1 kg each: 20 receivers, at most 100 a zone
    const city = zonedCity(false, 100, 16);
    const tasks = listTasks(city);
    expect(tasks.map((t) => t.kind)).toEqual(['baseline', 'pooled']);
    expect(taskBudgets(city, tasks).map((b) => b.iterations)).toEqual([225, 240]);
  });
});

describe('pooled orders by hub', () => {
  it("each order at its receiver's hub; none without a hub or an entry", () => {
    // orders 0..3 to R0..R3; R0 at hub 1, R1 at hub 0, R2 at none, R3 without an entry
    expect(pooledOrdersByHub(zonedCity(), [1, 0, -1])).toEqual([[1], [0]]);
  });
});

describe('running a task', () => {
  it("a pooled zone routes the hub's orders there with its share of the fleet; a baseline zone the carrier's", () => {
    const city = zonedCity();
    const budget = { iterations: 0, timeLimitMs: 1e9 };
    const ctx = { seed: 1, clock: () => 0, maxIterations: 0 };
    const pooled = runTask(city, pooledTask(1), budget, ctx);
    expect('hub' in pooled && pooled.hub).toBe(0);
    // the west zone: R3's and R1's orders (3 and 1), with two bikes, a van and the later bike
    expect(pooled.routing.bundles.flatMap((b) => b.orders).sort()).toEqual([1, 3]);
    expect(pooled.routing.problem.vehicles).toHaveLength(4);
    const own = runTask(city, { kind: 'baseline', carrier: 0, zone: 0, zones: 1 }, budget, ctx);
    expect('carrier' in own && own.carrier).toBe(0);
    expect(own.routing.bundles.flatMap((b) => b.orders).sort()).toEqual([0, 1, 2, 3]);
  });
});
