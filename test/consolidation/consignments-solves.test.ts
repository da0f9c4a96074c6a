import { describe, expect, it } from 'vitest';
import { planResidual } from '../../src/consolidation/consolidated.ts';
import { ordersByCarrier } from '../../src/consolidation/orders-by-carrier.ts';
import { planPooledRuns } from '../../src/consolidation/pooled-runs.ts';
import { toRoutingVehicleType } from '../../src/consolidation/routing-types.ts';
import { solveInContext } from '../../src/consolidation/solve-context.ts';
import { trunkConsignments } from '../../src/consolidation/trunk-consignments.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import type { CityOrder } from '../../src/domain/city.ts';
import { buildCity } from '../../src/planner/index.ts';
import { job } from '../solver/fixtures.ts';
import { lineProblem } from './line-problem.ts';
import { smallScenario } from '../support/small-scenario.ts';
import { unitCity, unitType } from '../planner/unit-city.ts';

/** Consignments, the solver's view of a type, and the solves of the consolidation, on hand-made inputs. */
const H = 3600;
const order = (
  carrier: number,
  size: CityOrder['size'],
  kind: CityOrder['kind'] = 'delivery',
): CityOrder => ({
  id: `o${carrier}`,
  carrier,
  receiver: 0,
  kind,
  size,
});

describe('trunkConsignments: carriers’ flows cut into pieces of at most half a trunk vehicle', () => {
  // orders 0..5; a trunk vehicle of [100, 10, 10]: a consignment holds [50, 5, 5] a side
  const city = unitCity({
    orders: [
      order(1, [30, 1, 1]),
      order(0, [45, 1, 1]),
      order(0, [20, 1, 1]),
      order(0, [40, 1, 1], 'pickup'),
      order(0, [1, 0, 0]),
      order(0, [30, 1, 1]),
    ],
  });
  const pooled = [
    { order: 0, hub: 0, deadlineS: 9 * H },
    { order: 1, hub: 0, deadlineS: 9.5 * H },
    { order: 2, hub: 0, deadlineS: 8 * H },
    { order: 3, hub: 0, deadlineS: Infinity },
    { order: 4, hub: 1, deadlineS: 7 * H },
    { order: 5, hub: 0, deadlineS: 10 * H },
    { order: 99, hub: 0, deadlineS: 0 }, // no such order: skipped
  ];
  const capacity = () => [100, 10, 10] as const;

  it('fills by deadline into the first consignment of the same carrier and hub with room, sides apart', () => {
    // by deadline: 4 (hub 1) alone; 2 opens hub 0 for carrier 0; 0 is carrier 1's; 1 (45 kg) does not fit
    // beside 2 (20 kg): a new one; 5 (30 kg) fills 2's to exactly 50; the return 3 (40 kg) rides with 2 too.
    // Out by hub, then carrier, then first order; a consignment's deadline is its earliest order's
    expect(trunkConsignments(city, pooled, capacity)).toEqual([
      { carrier: 0, hub: 0, orders: [1], goods: [45, 1, 1], returns: [0, 0, 0], deadlineS: 9.5 * H },
      { carrier: 0, hub: 0, orders: [2, 5, 3], goods: [50, 2, 2], returns: [40, 1, 1], deadlineS: 8 * H },
      { carrier: 1, hub: 0, orders: [0], goods: [30, 1, 1], returns: [0, 0, 0], deadlineS: 9 * H },
      { carrier: 0, hub: 1, orders: [4], goods: [1, 0, 0], returns: [0, 0, 0], deadlineS: 7 * H },
    ]);
  });

  it('mixing carriers (the second echelon): carrier 1’s order joins carrier 0’s consignment', () => {
    // 2 (20 kg) then 0 (30 kg) fill one to 50; 1 and 5 open one each
    const out = trunkConsignments(city, pooled, capacity, { mixCarriers: true });
    expect(out.map((c) => [c.carrier, c.orders])).toEqual([
      [0, [1]],
      [0, [2, 0, 3]],
      [0, [5]],
      [0, [4]],
    ]);
  });

  it('another share of the vehicle: whole vehicles hold every carrier-0 order to hub 0 together', () => {
    const out = trunkConsignments(city, pooled, capacity, { share: 1 });
    expect(out.map((c) => c.orders)).toEqual([[2, 1, 5, 3], [0], [4]]);
  });
});

describe('toRoutingVehicleType: costs per metre and second', () => {
  it('per km over 1,000 m and per hour over 3,600 s; capacity, fixed cost, profile and trip limit as given', () => {
    const t = {
      ...unitType('t', { fixedCostEur: 40, costPerKmEur: 0.5, costPerHourEur: 36 }),
      maxRouteS: 7200,
    };
    const r = toRoutingVehicleType(t, 3);
    expect(r.costPerMetre).toBeCloseTo(0.0005, 15);
    expect(r.costPerSecond).toBeCloseTo(0.01, 15);
    expect([r.fixedCost, r.capacity, r.profile, r.maxTripDurationS]).toEqual([40, t.capacity, 3, 7200]);
  });
});

describe('solveInContext: the context’s seed, overrides and warm start reach the solver', () => {
  // depot at 0, jobs at 100 and 200 m on a line: either order costs 400 m; the greedy construction takes 1 then 0
  const problem = lineProblem({ shiftStartS: 0, shiftEndS: 1e6, maxTrips: 1, reloadS: 0 }, [job(1), job(2)]);
  const order = (s: ReturnType<typeof solveInContext>): number[] =>
    s.routes.flatMap((r) => r.trips.flatMap((t) => t.visits.map((v) => v.job)));

  it('iterations: the budget’s unless the context overrides them', () => {
    const budget = { iterations: 5, timeLimitMs: 1e9 };
    expect(solveInContext(problem, budget, { seed: 1, clock: () => 0 }).stats.iterations).toBe(5);
    expect(
      solveInContext(problem, budget, { seed: 1, clock: () => 0, maxIterations: 2 }).stats.iterations,
    ).toBe(2);
  });

  it('wall-clock cap: the budget’s unless the context overrides it', () => {
    let t = 0;
    const clock = (): number => (t += 10);
    const budget = { iterations: 1000, timeLimitMs: 0 };
    expect(solveInContext(problem, budget, { seed: 1, clock }).stats.timeCapped).toBe(true);
    const uncapped = solveInContext(problem, budget, { seed: 1, clock, capMs: 1e12 });
    expect([uncapped.stats.timeCapped, uncapped.stats.iterations]).toEqual([false, 1000]);
  });

  it('a warm start is where the search begins (no iteration: the given route as it is)', () => {
    const budget = { iterations: 0, timeLimitMs: 1e9 };
    const ctx = { seed: 1, clock: () => 0 };
    expect(order(solveInContext(problem, budget, ctx))).toEqual([1, 0]);
    const warm = { initial: [{ vehicle: 0, trips: [[0, 1]] }], temperature: { start: 0.5, end: 0.01 } };
    expect(order(solveInContext(problem, budget, ctx, warm))).toEqual([0, 1]);
  });
});

describe('planPooledRuns and planResidual on the small scenario', () => {
  const city = buildCity(scenarioSchema.parse(smallScenario()));
  const ctx = { seed: 1, clock: () => 0, maxIterations: 0 };
  const budget = { iterations: 0, timeLimitMs: 1e9 };

  it('bundles split at the largest capacity of the vehicles at hand, per dimension', () => {
    // R1's orders A1 (20 kg, 2 units) and B1 (50 kg, 3 units): one bundle for an e-van, two when the only
    // vehicle is a cargo bike limited here to 60 kg
    const bike = city.vehicleTypes.findIndex((t) => t.id === 'cargo-bike');
    const eVan = city.vehicleTypes.findIndex((t) => t.id === 'e-van');
    const vehicle = (type: number) => ({
      type,
      depot: 0,
      shiftStartS: 0,
      shiftEndS: 24 * H,
      maxTrips: 1,
      reloadS: 0,
    });
    const small = {
      ...city,
      vehicleTypes: city.vehicleTypes.map((t, i) =>
        i === bike ? { ...t, capacity: [60, 10, 100] as const } : t,
      ),
    };
    const withVan = planPooledRuns(small, 0, [0, 3], [vehicle(bike), vehicle(eVan)], budget, ctx);
    expect(withVan.routing.bundles.map((b) => b.orders)).toEqual([[0, 3]]);
    const bikeOnly = planPooledRuns(small, 0, [0, 3], [vehicle(bike)], budget, ctx);
    expect(bikeOnly.routing.bundles.map((b) => b.orders)).toEqual([[0], [3]]);
    expect(bikeOnly.hub).toBe(0);
    // units bind too: 5 units do not fit a bike of 4
    const fewUnits = {
      ...city,
      vehicleTypes: city.vehicleTypes.map((t, i) =>
        i === bike ? { ...t, capacity: [1000, 10, 4] as const } : t,
      ),
    };
    const units = planPooledRuns(fewUnits, 0, [0, 3], [vehicle(bike)], budget, ctx);
    expect(units.routing.bundles.map((b) => b.orders)).toEqual([[0], [3]]);
  });

  it('residual rounds: one per carrier with unpooled orders, none for a carrier without', () => {
    const rounds = planResidual(city, [4, 3], ctx);
    expect(rounds.map((r) => r.carrier)).toEqual([1]);
    expect(rounds[0]?.routing.bundles.flatMap((b) => b.orders).sort()).toEqual([3, 4]);
    expect(planResidual(city, [], ctx)).toEqual([]);
  });

  it('ordersByCarrier ignores an order whose carrier the city does not have', () => {
    const odd = { ...city, orders: [...city.orders, { ...city.orders[0]!, carrier: 7 }] };
    expect(ordersByCarrier(odd)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});
