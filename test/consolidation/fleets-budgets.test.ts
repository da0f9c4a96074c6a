import { describe, expect, it } from 'vitest';
import { handledUnits, hubHandling } from '../../src/consolidation/consolidated.ts';
import { delayTrips } from '../../src/consolidation/delay-trips.ts';
import { ordersByCarrier } from '../../src/consolidation/orders-by-carrier.ts';
import { hubVehicles } from '../../src/consolidation/pooled-runs.ts';
import {
  listTasks,
  residualBudget,
  runTask,
  taskBudgets,
  taskOrders,
  type RoutingTask,
} from '../../src/consolidation/tasks.ts';
import {
  TRUNK_DOCK_S,
  TRUNK_MAX_TRIPS,
  trunkTypes,
  trunkVehicles,
} from '../../src/consolidation/trunk-fleet.ts';
import { legDurationS, trunkSolutions, type TrunkNetwork } from '../../src/consolidation/trunk-network.ts';
import type { Consignment } from '../../src/consolidation/trunk-consignments.ts';
import type { City, CityHub, CityOrder, CityReceiver } from '../../src/domain/city.ts';
import type { RoutingSolution, ScheduledTrip } from '../../src/domain/routing-solution.ts';
import { euclidean, job } from '../solver/fixtures.ts';
import { lineProblem } from './line-problem.ts';
import { unitCity, unitType } from '../planner/unit-city.ts';

/**
 * Unit tests of the consolidation's small bookkeeping (orders per carrier, handling units, fleets, budgets,
 * trunk legs, late trips) on hand-made cities: every expected figure is worked out by hand from the rule
 * the function's comment states.
 */
const H = 3600;
const rates = { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 };
const hub = (over: Partial<CityHub> = {}): CityHub => ({
  id: 'H',
  location: 0,
  openS: 6 * H,
  closeS: 20 * H,
  handlingKWhPerUnit: 0.05,
  fixedCostEurPerDay: 0,
  handlingCostEurPerUnit: 0,
  ...over,
});
const receiver = (location: number): CityReceiver => ({
  id: `R${location}`,
  location,
  windows: [[8 * H, 12 * H]],
  serviceS: 300,
});
const order = (
  carrier: number,
  receiverIndex: number,
  units = 1,
  kind: CityOrder['kind'] = 'delivery',
): CityOrder => ({
  id: `o${carrier}-${receiverIndex}`,
  carrier,
  receiver: receiverIndex,
  kind,
  size: [10, 0.1, units],
});
const carrier = (location: number, trunkType = 0) => ({
  id: `C${location}`,
  location,
  baselineType: 0,
  trunkType,
});

describe('ordersByCarrier', () => {
  const city = unitCity({
    carriers: [carrier(1), carrier(2), carrier(3)],
    orders: [order(2, 0), order(0, 0), order(2, 1), order(0, 1)],
  });

  it('lists each carrier its orders in the given order, an empty list for a carrier without', () => {
    expect(ordersByCarrier(city)).toEqual([[1, 3], [], [0, 2]]);
    expect(ordersByCarrier(city, [3, 2])).toEqual([[3], [], [2]]);
  });
});

describe('handledUnits and hubHandling: handling units per hub', () => {
  // hub 0 is a platform feeding micro-hub 1; hub 2 trunked directly, with its own kWh per unit
  const city = unitCity({
    hubs: [
      hub(),
      hub({ id: 'M', feeder: { platform: 0, mode: 'road', type: 0, maxTrips: 2, reloadS: 600 } }),
      hub({ id: 'D', handlingKWhPerUnit: 0.2 }),
    ],
    receivers: [receiver(10), receiver(11), receiver(12), receiver(13)],
    orders: [order(0, 0, 3), order(0, 1, 0), order(0, 2, 2), order(0, 3, 5)],
  });
  const hubOf = [1, 2, 2, -1];

  it('at the hub that pools each order (at least one unit an order), and once more at its platform', () => {
    // order 0 (3 units) at micro-hub 1 and platform 0; orders 1 (0 units: counted 1) and 2 (2 units) at hub 2;
    // order 3 has no hub and is not handled; order 4 does not exist
    expect(handledUnits(city, [0, 1, 2, 3, 4], hubOf)).toEqual([3, 3, 3]);
    expect(handledUnits(city, [2], hubOf)).toEqual([0, 0, 2]);
  });

  it('kWh: the units times each hub’s own kWh per unit', () => {
    const kWh = hubHandling(city, [0, 1, 2], hubOf);
    expect(kWh[0]).toBeCloseTo(3 * 0.05, 12);
    expect(kWh[1]).toBeCloseTo(3 * 0.05, 12);
    expect(kWh[2]).toBeCloseTo(3 * 0.2, 12);
  });
});

describe('hubVehicles: a hub fleet inside its shifts and the hub’s hours', () => {
  const city = unitCity({
    hubs: [hub({ location: 4 }), hub({ id: 'H2', location: 5 })],
    fleet: [
      { hub: 0, type: 1, count: 2, shiftStartS: 5 * H, shiftEndS: 21 * H, maxTrips: 3, reloadS: 900 },
      { hub: 1, type: 0, count: 1, shiftStartS: 7 * H, shiftEndS: 18 * H, maxTrips: 1, reloadS: 0 },
      { hub: 0, type: 0, count: 1, shiftStartS: 7 * H, shiftEndS: 18 * H, maxTrips: 2, reloadS: 600 },
    ],
  });

  it('one vehicle per count at the hub’s location, each shift cut to the opening hours', () => {
    const early = { type: 1, depot: 4, shiftStartS: 6 * H, shiftEndS: 20 * H, maxTrips: 3, reloadS: 900 };
    expect(hubVehicles(city, 0)).toEqual([
      early,
      early,
      { type: 0, depot: 4, shiftStartS: 7 * H, shiftEndS: 18 * H, maxTrips: 2, reloadS: 600 },
    ]);
    expect(hubVehicles(city, 1)).toEqual([
      { type: 0, depot: 5, shiftStartS: 7 * H, shiftEndS: 18 * H, maxTrips: 1, reloadS: 0 },
    ]);
    expect(hubVehicles(city, 2)).toEqual([]);
  });
});

describe('trunkTypes and trunkVehicles: who carries the flows to a hub', () => {
  const consignment = (c: number): Consignment => ({
    carrier: c,
    hub: 0,
    orders: [c],
    goods: [1, 0, 0],
    returns: [0, 0, 0],
    deadlineS: Infinity,
  });
  const types = [unitType('a', rates), unitType('b', rates), unitType('c', rates)];
  const carriers = [carrier(1, 2), carrier(2, 0), carrier(3, 2)];
  const shared = unitCity({
    hubs: [hub({ location: 7 }), hub({ id: 'H2' })],
    carriers,
    vehicleTypes: types,
    trunkFleet: [
      { hub: 0, type: 1, count: 2, shift: [4 * H, 22 * H], maxTrips: 1, reloadS: 60 },
      { hub: 0, type: 1 },
      { hub: 0, type: 0, shift: [8 * H, 9 * H] },
    ],
    trunking: { schedule: 'night-before', pooled: true, handlingS: 1800 },
  });

  it('shared: the hub’s fleet types, else every carrier’s trunk type, each once, by index', () => {
    expect(trunkTypes(shared, 0, 1)).toEqual([0, 1]);
    expect(trunkTypes(shared, 1, 1)).toEqual([0, 2]);
  });

  it('unshared: the carrier’s own trunk type only', () => {
    const alone = { ...shared, trunking: { ...shared.trunking, pooled: false } };
    expect(trunkTypes(alone, 0, 0)).toEqual([2]);
    expect(trunkTypes(alone, 0, 1)).toEqual([0]);
  });

  it('the hub’s fleet entries, shifts inside the opening hours, defaults for what an entry leaves out', () => {
    const vehicles = trunkVehicles(shared, { location: 7, hub: 0 }, [
      consignment(0),
      consignment(1),
      consignment(2),
    ]);
    const given = { type: 1, depot: 7, shiftStartS: 6 * H, shiftEndS: 20 * H, maxTrips: 1, reloadS: 60 };
    const open = { type: 1, depot: 7, shiftStartS: 6 * H, shiftEndS: 20 * H, maxTrips: 4, reloadS: 20 * 60 };
    const short = { type: 0, depot: 7, shiftStartS: 8 * H, shiftEndS: 9 * H, maxTrips: 4, reloadS: 20 * 60 };
    // count 2; no count: as many as consignments (3)
    expect(vehicles).toEqual([given, given, open, open, open, short, short, short]);
    expect([TRUNK_MAX_TRIPS, TRUNK_DOCK_S]).toEqual([4, 1200]);
  });

  it('at an intermodal terminal the entry’s shift is not cut to the hub’s hours', () => {
    const vehicles = trunkVehicles(shared, { location: 9, hub: 0, leg: 0 }, [consignment(0)]);
    expect(vehicles.map((v) => [v.depot, v.shiftStartS, v.shiftEndS])).toEqual([
      [9, 4 * H, 22 * H],
      [9, 4 * H, 22 * H],
      [9, 6 * H, 20 * H],
      [9, 8 * H, 9 * H],
    ]);
  });

  it('no fleet given: one vehicle of each trunk type per consignment in the hub’s hours; none without consignments', () => {
    const vehicles = trunkVehicles(shared, { location: 3, hub: 1 }, [consignment(0), consignment(1)]);
    expect(vehicles.map((v) => [v.type, v.depot, v.shiftStartS, v.shiftEndS, v.maxTrips, v.reloadS])).toEqual(
      [
        [0, 3, 6 * H, 20 * H, 4, 1200],
        [0, 3, 6 * H, 20 * H, 4, 1200],
        [2, 3, 6 * H, 20 * H, 4, 1200],
        [2, 3, 6 * H, 20 * H, 4, 1200],
      ],
    );
    expect(trunkVehicles(shared, { location: 3, hub: 1 }, [])).toEqual([]);
    expect(trunkVehicles(shared, { location: 3, hub: 5 }, [consignment(0)])).toEqual([]);
  });

  it('unshared trunking ignores the hub’s fleet: the first consignment’s carrier’s type', () => {
    const alone = { ...shared, trunking: { ...shared.trunking, pooled: false } };
    const vehicles = trunkVehicles(alone, { location: 7, hub: 0 }, [consignment(1)]);
    expect(vehicles.map((v) => [v.type, v.shiftStartS, v.shiftEndS])).toEqual([[0, 6 * H, 20 * H]]);
  });
});

describe('budgets: iterations from a task’s stops, the wall-clock cap shared by stops', () => {
  // no hub has a fleet, so nothing is pooled; carrier 0 has 30 orders to 30 receivers, carrier 1 has 10
  const receivers = Array.from({ length: 40 }, (_, i) => receiver(i));
  const orders = receivers.map((_, r) => order(r < 30 ? 0 : 1, r));
  const city: City = unitCity({
    effort: 'quick',
    timeLimitS: 100,
    carriers: [carrier(50), carrier(51)],
    receivers,
    orders,
    hubs: [hub()],
  });
  const tasks: RoutingTask[] = [
    { kind: 'baseline', carrier: 0, zone: 0, zones: 1 },
    { kind: 'baseline', carrier: 1, zone: 0, zones: 1 },
    { kind: 'pooled', hub: 0, zone: 0, zones: 1 },
  ];

  it('baseline: the 40 % share split 30:10; a pooled task with no stops gets the minimum and no time', () => {
    // quick: 1.25 iterations a carrier stop, at least 225; 12 a pooled stop
    expect(taskBudgets(city, tasks)).toEqual([
      { iterations: 225, timeLimitMs: (100_000 * 0.4 * 30) / 40 },
      { iterations: 225, timeLimitMs: (100_000 * 0.4 * 10) / 40 },
      { iterations: 225, timeLimitMs: 0 },
    ]);
  });

  it('a large carrier task gets iterations by its stops, at the carrier rate', () => {
    const many = Array.from({ length: 200 }, (_, i) => receiver(i));
    const big = unitCity({
      effort: 'quick',
      timeLimitS: 100,
      carriers: [carrier(300)],
      receivers: many,
      orders: many.map((_, r) => order(0, r)),
    });
    expect(taskBudgets(big, [tasks[0] as RoutingTask])).toEqual([{ iterations: 250, timeLimitMs: 40_000 }]);
  });

  it('residual: the 5 % share, or the baseline’s share for that many orders when more', () => {
    // 40 orders: 1 order is 1 % of the baseline's 40 %, below 5 %; 10 orders are 10 %
    expect(residualBudget(city, 1)).toEqual({ iterations: 225, timeLimitMs: 100_000 * 0.05 });
    expect(residualBudget(city, 10).timeLimitMs).toBeCloseTo(100_000 * 0.1, 6);
    expect(residualBudget(city, 5).timeLimitMs).toBeCloseTo(100_000 * 0.05, 6);
    expect(residualBudget(city, 400).iterations).toBe(500);
    expect(residualBudget(unitCity({ timeLimitS: 10 }), 0).timeLimitMs).toBeCloseTo(10_000 * 0.05, 6);
  });
});

describe('zones of a carrier’s rounds', () => {
  // depot at 0°; receivers 0 and 1 east of it (10 and 30 kg), 2 and 3 west (20 and 40 kg), two stops a zone;
  // carrier 1 has no order. Travel: the same points, 1 m/s (the lon/lat only decide the sectors)
  const lonLat = [
    [0, 0],
    [1, 0.1],
    [1, 0.2],
    [-1, 0.2],
    [-1, 0.1],
  ] as const;
  const receivers = [1, 2, 3, 4].map((l) => ({ ...receiver(l), windows: [[0, 24 * H]] as const }));
  const city: City = unitCity({
    maxStopsPerZone: 2,
    locations: lonLat.map(([x, y]) => [x, y] as const),
    travel: euclidean(lonLat.map(([x, y]) => [x * 1000, y * 1000] as const)),
    vehicleTypes: [unitType('van', rates)],
    carriers: [{ ...carrier(0), baselineVehicles: 3 }, carrier(0)],
    receivers,
    orders: [10, 30, 20, 40].map((kg, r) => ({ ...order(0, r), size: [kg, 0.1, 1] as const })),
  });

  it('one task a zone for a carrier with orders, none for a carrier without', () => {
    expect(listTasks(city)).toEqual([
      { kind: 'baseline', carrier: 0, zone: 0, zones: 2 },
      { kind: 'baseline', carrier: 0, zone: 1, zones: 2 },
    ]);
  });

  it('each zone routes its sector’s orders with its share of the vehicles by kg (40:60 of 3 = 1 and 2)', () => {
    const ctx = { seed: 1, clock: () => 0, maxIterations: 0 };
    const budget = { iterations: 0, timeLimitMs: 1000 };
    const [east, west] = listTasks(city) as [RoutingTask, RoutingTask];
    expect(taskOrders(city, east)).toEqual([0, 1]);
    expect(taskOrders(city, west)).toEqual([2, 3]);
    const runs = [east, west].map((t) => runTask(city, t, budget, ctx));
    expect(runs.map((r) => r.routing.problem.vehicles.length)).toEqual([1, 2]);
    expect(runs.map((r) => r.routing.bundles.map((b) => b.receiver))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // an unlimited carrier: each zone sizes its own fleet (ceil(3 × 40/1000) + 2 = 3, at most its 2 stops)
    const unlimited = { ...city, carriers: [carrier(0), carrier(0)] };
    expect(runTask(unlimited, east, budget, ctx).routing.problem.vehicles).toHaveLength(2);
  });
});

describe('trunk network helpers', () => {
  const leg = {
    id: 'barge',
    hub: 0,
    mode: 'barge' as const,
    terminal: 3,
    lengthKm: 30,
    speedKmh: 12,
    handlingS: 1800,
    capacityKg: 1000,
    co2eGPerTonneKm: 30,
    kWhPerTonneKm: 0.1,
    carriers: [0],
  };

  it('a leg takes loading and unloading plus its length at its speed; an unknown leg 0', () => {
    const city = unitCity({ intermodalLegs: [leg] });
    expect(legDurationS(city, 0)).toBe(2 * 1800 + 2.5 * H);
    expect(legDurationS(city, 1)).toBe(0);
  });

  it('the trunk’s solutions: every road run, and the road feeders but not the sailings', () => {
    const sol = (cost: number): RoutingSolution => ({
      routes: [],
      unassigned: [],
      cost,
      stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
    });
    const network = {
      runs: [{ solution: sol(1) }, { solution: sol(2) }],
      intermodal: [],
      feeders: [{ kind: 'road', solution: sol(3) }, { kind: 'leg' }, { kind: 'road', solution: sol(4) }],
      dayBefore: true,
    } as unknown as TrunkNetwork;
    expect(trunkSolutions(network).map((s) => s.cost)).toEqual([1, 2, 3, 4]);
  });
});

describe('delayTrips: each trip as late as its windows, the next trip and the shift allow', () => {
  // depot 0 at x = 0, stops at x = 100 and 200; 1 m/s; service 60 s
  const problem = lineProblem({ shiftStartS: 0, shiftEndS: 5000, maxTrips: 2, reloadS: 300 }, [
    job(1, {
      serviceS: 60,
      windows: [
        [0, 1000],
        [2000, 2100],
      ],
    }),
    job(2, { serviceS: 60, windows: [[0, 4000]] }),
  ]);
  const trip = (departureS: number, visits: [number, number][]): ScheduledTrip => {
    let t = departureS;
    let at = 0;
    const vs = visits.map(([jobIndex, startS]) => {
      const loc = (problem.jobs[jobIndex] as { location: number }).location;
      const arrivalS = t + Math.abs(loc - at) * 100;
      t = startS + 60;
      at = loc;
      return { job: jobIndex, arrivalS, startS, departureS: t, loadAfter: [0] };
    });
    return { departureS, returnS: t + at * 100, distance: 0, loadStart: [0], visits: vs };
  };
  const solution = (trips: ScheduledTrip[]): RoutingSolution => ({
    routes: [{ vehicle: 0, trips }],
    unassigned: [],
    cost: 0,
    stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
  });
  /** `[departureS, returnS]` of each trip once delayed. */
  const delayed = (trips: ScheduledTrip[]): number[][] =>
    delayTrips(problem, solution(trips)).routes[0]!.trips.map((t) => [t.departureS, t.returnS]);

  it('the last trip moves by the least of its visits’ window slack and the shift end; the first then before it', () => {
    // trip 1: job 0 at 100 (window closes 1000: slack 900); returns 260. trip 2: job 1 at 1200 (closes
    // 4000: slack 2800), returns 1460, shift end 5000 leaves 3540: moves 2800, departs 2800+1000 = 3800.
    const first = trip(0, [[0, 100]]);
    const second = trip(1000, [[1, 1200]]);
    const [route] = delayTrips(problem, solution([first, second])).routes;
    const [t1, t2] = route!.trips as [ScheduledTrip, ScheduledTrip];
    expect([t2.departureS, t2.returnS, t2.visits[0]?.startS, t2.visits[0]?.arrivalS]).toEqual([
      3800,
      1460 + 2800,
      4000,
      1200 + 2800,
    ]);
    // trip 1 must be back by 3800 - 300 reload: slack 3240 there, but its window closes at 1000
    expect([t1.departureS, t1.returnS, t1.visits[0]?.startS, t1.visits[0]?.departureS]).toEqual([
      900,
      260 + 900,
      1000,
      1060,
    ]);
  });

  it('a visit in its second window keeps to that window', () => {
    // trip 1: job 0 starts 2000 (window 2000-2100), returns 2160; trip 2: job 1 at 2500, returns 2760: window
    // slack 1500, shift slack 2240, moves 1500 (departs 3800). Trip 1 must be back by 3500: slack 1340, but
    // its window only 100
    expect(delayed([trip(1900, [[0, 2000]]), trip(2300, [[1, 2500]])])).toEqual([
      [2000, 2260],
      [3800, 4260],
    ]);
  });

  it('the next trip’s departure less the reload binds when tighter than the windows', () => {
    // trip 2 departs 3800 as above; trip 1 (job 1 at 200, returns 460, window slack 3800) must be back by
    // 3800 - 300: it moves 3040
    expect(delayed([trip(0, [[1, 200]]), trip(1000, [[1, 1200]])])).toEqual([
      [3040, 3500],
      [3800, 4260],
    ]);
  });

  it('a trip that cannot move is the same trip; a route of an unknown vehicle is left alone', () => {
    // job 1 starts at 4000, the close of its window: no slack
    const late = trip(3800, [[1, 4000]]);
    const out = delayTrips(problem, solution([late]));
    expect(out.routes[0]!.trips[0]).toBe(late);
    const ghost = { ...solution([late]), routes: [{ vehicle: 3, trips: [late] }] };
    expect(delayTrips(problem, ghost).routes[0]).toBe(ghost.routes[0]);
  });
});
