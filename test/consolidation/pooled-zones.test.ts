import { describe, expect, it } from 'vitest';
import {
  listTasks,
  runTask,
  taskBudgets,
  taskOrders,
  zoneVehicles,
  type RoutingTask,
} from '../../src/consolidation/tasks.ts';
import type { City, CityFleet, CityHub, CityReceiver } from '../../src/domain/city.ts';
import { euclidean } from '../solver/fixtures.ts';
import { unitCity, unitType } from '../planner/unit-city.ts';

/**
 * A hub's pooled runs cut into zones (tasks.ts): which orders and which of the hub's vehicles each zone routes,
 * and the budgets of pooled tasks. The hub has no fixed cost and every receiver is next to it, so the facility
 * model opens it and pools every receiver; every expected split is worked out by hand with the largest
 * remainder rule (zones.ts) from the kg each zone's receivers order.
 */
const H = 3600;
const rates = { fixedCostEur: 0, costPerKmEur: 1, costPerHourEur: 0 };
const van = unitType('van', rates);
const bike = { ...unitType('bike', rates, [150, 1, 10]), class: 'bike' };
const fleet = (type: number, count: number, shiftStartS = 8 * H): CityFleet => ({
  hub: 0,
  type,
  count,
  shiftStartS,
  shiftEndS: 18 * H,
  maxTrips: 3,
  reloadS: 600,
});
const receiver = (location: number, allowedClasses?: readonly string[]): CityReceiver => ({
  id: `R${location}`,
  location,
  windows: [[0, 24 * H]],
  serviceS: 60,
  ...(allowedClasses ? { allowedClasses } : {}),
});
/**
 * A city whose locations are lon/lat degrees (the sectors) and, ×1000, metres at 1 m/s (the travel), with the
 * carrier's depot 100 km west of the hub (so its own visits cost far more than a trunk to the hub).
 */
function hubCity(receiversLonLat: readonly (readonly [number, number])[], parts: Partial<City>): City {
  const lonLat = [...receiversLonLat, [-100, 0] as const];
  return unitCity({
    locations: lonLat.map(([x, y]) => [x, y] as const),
    travel: euclidean(lonLat.map(([x, y]) => [x * 1000, y * 1000] as const)),
    vehicleTypes: [van, bike],
    carriers: [{ id: 'C', location: lonLat.length - 1, baselineType: 0, trunkType: 0 }],
    hubs: [
      {
        id: 'H',
        location: 0,
        openS: 6 * H,
        closeS: 20 * H,
        handlingKWhPerUnit: 0,
        fixedCostEurPerDay: 0,
        handlingCostEurPerUnit: 0,
      },
    ],
    ...parts,
  });
}

describe('zoneVehicles: a hub’s fleet split between the zones of its pooled runs', () => {
  // hub at 0°; R0, R1 east (10 and 30 kg), R2, R3 west (20 and 40 kg); R2 takes bikes only.
  // Sectors: angles R0 0.10, R1 0.20, R2 2.94, R3 3.04 rad; the widest gap is R3→R0, so zone 0 = {R0, R1}
  // (east) and zone 1 = {R2, R3} (west). Fleet in this order: 3 vans 08–18, 2 bikes, 1 van 06–18 (another
  // shift, so another group).
  const city = hubCity(
    [
      [0, 0],
      [0.01, 0.001],
      [0.01, 0.002],
      [-0.01, 0.002],
      [-0.01, 0.001],
    ],
    {
      maxStopsPerZone: 2,
      receivers: [receiver(1), receiver(2), receiver(3, ['bike']), receiver(4)],
      orders: [10, 30, 20, 40].map((kg, r) => ({
        id: `o${r}`,
        carrier: 0,
        receiver: r,
        kind: 'delivery' as const,
        size: [kg, 0.1, 1] as const,
      })),
      fleet: [fleet(0, 3), fleet(1, 2), fleet(0, 1, 6 * H)],
    },
  );
  // listed inside each test: a mutant that throws while the file is collected would count as survived
  const pooledTasks = () =>
    listTasks(city).filter((t): t is Extract<RoutingTask, { kind: 'pooled' }> => t.kind === 'pooled');

  it('two pooled zones, each with its sector’s orders', () => {
    const pooled = pooledTasks();
    expect(pooled).toEqual([
      { kind: 'pooled', hub: 0, zone: 0, zones: 2 },
      { kind: 'pooled', hub: 0, zone: 1, zones: 2 },
    ]);
    expect(pooled.map((t) => taskOrders(city, t))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('gives each caller its own copy of a zone’s orders (the split is computed once per city)', () => {
    const [east] = pooledTasks();
    taskOrders(city, east!).push(99);
    taskOrders(city, east!).splice(0);
    expect(taskOrders(city, east!)).toEqual([0, 1]);
  });

  it('each group by the kg it may carry there; a kg only its class may deliver weighs 1000 times more', () => {
    const [east, west] = pooledTasks().map((t) => zoneVehicles(city, t));
    // vans may not serve R2: east 10 + 30 = 40 kg, west 40 kg. 3 vans: 1.5 : 1.5 → 1 : 1, the spare one to
    // the first of equal remainders (east) → 2 : 1. The 06–18 van: 0.5 : 0.5 → 1 : 0.
    // bikes: east 40 kg, west 20 × 1000 + 40 = 20,040; 2 bikes: 0.004 : 1.996 → 0 : 2 (without the weight,
    // 40 : 60 would give 0.8 : 1.2 → 1 : 1).
    const summary = (vs: typeof east) => vs?.map((v) => `${v.type}@${v.shiftStartS / H}`);
    expect(summary(east)).toEqual(['0@8', '0@8', '0@6']);
    expect(summary(west)).toEqual(['0@8', '1@8', '1@8']);
    // every vehicle works from the hub inside its shift and the hub’s hours, with its trips and reload
    expect(west?.[1]).toEqual({
      type: 1,
      depot: 0,
      shiftStartS: 8 * H,
      shiftEndS: 18 * H,
      maxTrips: 3,
      reloadS: 600,
    });
  });

  it('a pooled zone is solved as the hub’s runs with that zone’s vehicles and orders', () => {
    const west = pooledTasks()[1] as Extract<RoutingTask, { kind: 'pooled' }>;
    const runs = runTask(city, west, { iterations: 0, timeLimitMs: 1000 }, { seed: 1, clock: () => 0 });
    expect('hub' in runs && runs.hub).toBe(0);
    expect(runs.routing.problem.vehicles).toEqual(zoneVehicles(city, west));
    expect(runs.routing.bundles.map((b) => b.orders)).toEqual([[2], [3]]);
  });

  it('one zone: the whole fleet, in fleet order', () => {
    const whole = zoneVehicles(
      { ...city, maxStopsPerZone: 10 },
      { kind: 'pooled', hub: 0, zone: 0, zones: 1 },
    );
    expect(whole.map((v) => v.type)).toEqual([0, 0, 0, 1, 1, 0]);
  });
});

describe('budgets of pooled tasks and tasks of hubs without orders', () => {
  // 20 receivers on a small arc east of the hub, all pooled: one baseline and one pooled task of 20 stops
  const lonLat: [number, number][] = [[0, 0]];
  for (let i = 0; i < 20; i++) lonLat.push([0.01, 0.0005 * i]);
  const receivers = Array.from({ length: 20 }, (_, i) => receiver(i + 1));
  const orders = receivers.map((_, r) => ({
    id: `o${r}`,
    carrier: 0,
    receiver: r,
    kind: 'delivery' as const,
    size: [10, 0.1, 1] as const,
  }));
  const city = hubCity(lonLat, { effort: 'quick', timeLimitS: 100, receivers, orders, fleet: [fleet(0, 2)] });

  it('a pooled task of 20 stops: 12 iterations a stop (240, above the minimum 225) and 50 % of the cap', () => {
    const tasks = listTasks(city);
    expect(tasks).toEqual([
      { kind: 'baseline', carrier: 0, zone: 0, zones: 1 },
      { kind: 'pooled', hub: 0, zone: 0, zones: 1 },
    ]);
    // shares of the 100 s cap: baseline 40 %; pooled 1 − 0.40 − 0.05 residual − 0.05 trunk = 50 %,
    // each kind's share split over its own tasks' stops (here one task each, 20 of 20 stops)
    const [baseline, pooledRuns] = taskBudgets(city, tasks);
    expect(baseline?.iterations).toBe(225); // 1.25 a stop: 25, below the minimum
    expect(baseline?.timeLimitMs).toBeCloseTo(40_000, 6);
    expect(pooledRuns?.iterations).toBe(240);
    expect(pooledRuns?.timeLimitMs).toBeCloseTo(50_000, 6);
    // the whole hub (20 stops) and the second of two zones (10 stops): the pooled share goes by stops, 20 : 10
    const two = [tasks[1], { kind: 'pooled', hub: 0, zone: 1, zones: 2 }] as typeof tasks;
    const [whole, half] = taskBudgets(city, two).map((b) => b.timeLimitMs);
    expect(whole).toBeCloseTo((50_000 * 20) / 30, 6);
    expect(half).toBeCloseTo((50_000 * 10) / 30, 6);
  });

  it('a hub without a fleet pools nothing and gets no task', () => {
    expect(listTasks({ ...city, fleet: [] })).toEqual([{ kind: 'baseline', carrier: 0, zone: 0, zones: 1 }]);
    // two hubs at the same place, only the second (index 1) with a fleet: it pools every order
    const second = {
      ...city,
      hubs: [...city.hubs, { ...(city.hubs[0] as CityHub), id: 'H2' }],
      fleet: [{ ...fleet(0, 2), hub: 1 }],
    };
    expect(listTasks(second)).toEqual([
      { kind: 'baseline', carrier: 0, zone: 0, zones: 1 },
      { kind: 'pooled', hub: 1, zone: 0, zones: 1 },
    ]);
    expect(taskOrders(second, { kind: 'pooled', hub: 1, zone: 0, zones: 1 })).toHaveLength(20);
  });
});
