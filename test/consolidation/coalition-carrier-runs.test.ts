import { describe, expect, it } from 'vitest';
import {
  CARRIER_MAX_TRIPS,
  CARRIER_RELOAD_S,
  CARRIER_SHIFT_S,
  planCarrierRounds,
} from '../../src/consolidation/carrier-rounds.ts';
import {
  COALITION_TEMPERATURE,
  planCoalitionRuns,
  type GrandTrip,
} from '../../src/consolidation/coalition-runs.ts';
import { listTasks, type RoutingTask } from '../../src/consolidation/tasks.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import type { City } from '../../src/domain/city.ts';
import { InternalError } from '../../src/domain/errors.ts';
import type { RoutingSolution } from '../../src/domain/routing-solution.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

/**
 * A coalition's warm start and a carrier's own fleet, on the small scenario (orders A1 A2 A3 B1 B2 B3 = 0..5,
 * receivers R1 R2 R3; the hub's e-van is vehicle 0, its cargo bike vehicle 1; R3 takes bikes only). With no
 * search iteration the solver returns the warm start as it is when it is feasible, so the routes below are
 * the grand trips with the other carriers' orders taken out, worked out by hand.
 */
const city: City = buildCity(scenarioSchema.parse(smallScenario()));
/** The same day with R3 open to every vehicle: each warm route below is feasible for the vehicle it names. */
const open: City = buildCity(
  scenarioSchema.parse({
    ...smallScenario(),
    receivers: smallScenario().receivers.map((r) => ({ ...r, access: undefined })),
  }),
);
const pooled = listTasks(city).find((t) => t.kind === 'pooled') as Extract<RoutingTask, { kind: 'pooled' }>;
const ctx = { seed: 1, clock: () => 0 };
/** Per route, per trip, the city orders of each stop in visiting order. */
const stops = (
  bundles: readonly { orders: readonly number[] }[],
  solution: RoutingSolution,
): number[][][][] =>
  solution.routes.map((r) => r.trips.map((t) => t.visits.map((v) => [...(bundles[v.job]?.orders ?? [])])));

describe('planCoalitionRuns: the grand coalition’s trips without the others’ orders, then a short search', () => {
  it('pools every order at the hub in this city (the premise of the cases below)', () => {
    expect(pooled).toEqual({ kind: 'pooled', hub: 0, zone: 0, zones: 1 });
    expect(COALITION_TEMPERATURE).toEqual({ start: 0.5, end: 0.01 });
  });

  it('carrier A alone: only its orders are bundled and routed', () => {
    const grand: GrandTrip[] = [
      {
        vehicle: 0,
        trip: 0,
        stops: [
          [4, 1],
          [0, 3],
          [5, 2],
        ],
      },
    ];
    const runs = planCoalitionRuns(open, pooled, (c) => c === 0, grand, 0, ctx);
    expect(runs.hub).toBe(0);
    expect(runs.routing.bundles.map((b) => b.orders)).toEqual([[0], [1], [2]]);
    expect(stops(runs.routing.bundles, runs.solution).flat(3).sort()).toEqual([0, 1, 2]);
    expect(runs.solution.unassigned).toEqual([]);
  });

  it('a bundle of two orders starts where the earlier of them sat (vehicle, then trip, then stop)', () => {
    // A1 and B1 (R1) travel as one bundle, A2 and B2 (R2) too, A3 and B3 (R3) too: R1 at B1's spot on
    // vehicle 0's first trip (A1's on its second is later), R2 at A2's second stop there (B2 on the second
    // trip), R3 at B3's on vehicle 0 (A3's on vehicle 1 is later)
    const grand: GrandTrip[] = [
      { vehicle: 1, trip: 0, stops: [[2]] },
      { vehicle: 0, trip: 1, stops: [[0], [4]] },
      { vehicle: 0, trip: 0, stops: [[3], [1], [5]] },
    ];
    const runs = planCoalitionRuns(open, pooled, () => true, grand, 0, ctx);
    expect(stops(runs.routing.bundles, runs.solution)).toEqual([
      [
        [
          [0, 3],
          [1, 4],
          [2, 5],
        ],
      ],
    ]);
  });

  it('iterations cap the context’s override; none without a cap', () => {
    const grand: GrandTrip[] = [{ vehicle: 0, trip: 0, stops: [[0], [1]] }];
    const capped = planCoalitionRuns(city, pooled, (c) => c === 0, grand, 7, { ...ctx, maxIterations: 50 });
    expect(capped.solution.stats.iterations).toBe(7);
    const lower = planCoalitionRuns(city, pooled, (c) => c === 0, grand, 7, { ...ctx, maxIterations: 3 });
    expect(lower.solution.stats.iterations).toBe(3);
    const free = planCoalitionRuns(city, pooled, (c) => c === 0, grand, 5, ctx);
    expect(free.solution.stats.iterations).toBe(5);
  });
});

describe('planCarrierRounds: a carrier’s own vehicles', () => {
  const budget = { iterations: 0, timeLimitMs: 60_000 };
  const orders = [3, 4, 5];

  it('its depot and baseline type, the assumed shift, two trips and a 30-minute reload', () => {
    expect([CARRIER_SHIFT_S, CARRIER_MAX_TRIPS, CARRIER_RELOAD_S]).toEqual([
      { start: 5 * 3600, end: 20 * 3600 },
      2,
      1800,
    ]);
    const rounds = planCarrierRounds(city, 1, orders, budget, ctx, 2);
    const b = city.carriers[1]!;
    const vehicle = {
      type: b.baselineType,
      depot: b.location,
      shiftStartS: 5 * 3600,
      shiftEndS: 20 * 3600,
      maxTrips: 2,
      reloadS: 1800,
    };
    expect(rounds.carrier).toBe(1);
    expect(rounds.routing.problem.vehicles).toEqual([vehicle, vehicle]);
  });

  it('fleet not given: three times what the volume needs plus two, at most one per stop', () => {
    // B's three stops (65 kg of 1,080) need 0.06 of a van: ceil(3 × 0.06) + 2 = 3, and there are 3 stops
    expect(planCarrierRounds(city, 1, orders, budget, ctx).routing.problem.vehicles).toHaveLength(3);
    // weightless orders need no volume: 0 + 2 = 2 vehicles for the 3 stops
    const weightless = { ...city, orders: city.orders.map((o) => ({ ...o, size: [0, 0, 0] as const })) };
    expect(planCarrierRounds(weightless, 1, orders, budget, ctx).routing.problem.vehicles).toHaveLength(2);
    // one stop: one vehicle
    expect(planCarrierRounds(city, 1, [3], budget, ctx).routing.problem.vehicles).toHaveLength(1);
    // a carrier's given fleet wins
    const given = { ...city, carriers: city.carriers.map((c) => ({ ...c, baselineVehicles: 1 })) };
    expect(planCarrierRounds(given, 1, orders, budget, ctx).routing.problem.vehicles).toHaveLength(1);
  });

  it('no vehicle left: every stop reported fleet-exhausted, nothing solved', () => {
    const rounds = planCarrierRounds(city, 0, [0, 1], budget, ctx, 0);
    expect(rounds.solution).toEqual({
      routes: [],
      unassigned: [
        { job: 0, reason: 'fleet-exhausted' },
        { job: 1, reason: 'fleet-exhausted' },
      ],
      cost: 0,
      stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
    });
  });

  it('another type serves with that type (the clean-fleet counterfactual)', () => {
    const eVan = city.vehicleTypes.findIndex((t) => t.id === 'e-van');
    const rounds = planCarrierRounds(city, 1, orders, budget, ctx, 1, eVan);
    expect(rounds.routing.problem.vehicles.map((v) => v.type)).toEqual([eVan]);
  });

  it('an unknown carrier or type is a broken invariant', () => {
    expect(() => planCarrierRounds(city, 9, orders, budget, ctx)).toThrow(InternalError);
    expect(() => planCarrierRounds(city, 1, orders, budget, ctx, 1, 99)).toThrow(/vehicle type index 99/);
    expect(() => planCarrierRounds(city, 9, orders, budget, ctx)).toThrow(/carrier index 9/);
  });
});
