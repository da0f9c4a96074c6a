import { describe, expect, it } from 'vitest';
import { planCoalitionRuns, warmRoutes, type GrandTrip } from '../../src/consolidation/coalition-runs.ts';
import { listTasks, type RoutingTask } from '../../src/consolidation/tasks.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

/**
 * A coalition's warm start (coalition-runs.ts): every bundle at the spot (vehicle, trip, stop) of its earliest
 * order in the grand coalition's trips. Hand-made bundles and trips; each expected route is read off the spots.
 */
describe('warmRoutes: bundles placed where their first order sat in the grand trips', () => {
  it('orders by vehicle, then trip, then stop; a bundle sits at its earliest order; unplaced bundles left out', () => {
    // jobs: 0 = orders [10, 11], 1 = [12], 2 = [13], 3 = [14] (in no grand trip), 4 = [15, 16]
    const bundles = [
      { orders: [10, 11] },
      { orders: [12] },
      { orders: [13] },
      { orders: [14] },
      { orders: [15, 16] },
    ];
    const grand: GrandTrip[] = [
      { vehicle: 2, trip: 0, stops: [[12], [10], [15]] },
      { vehicle: 0, trip: 1, stops: [[11], [16]] },
      { vehicle: 0, trip: 0, stops: [[13]] },
    ];
    // spots: job 0 at (0,1,0) (order 11: vehicle 0 comes before order 10's vehicle 2), job 1 at (2,0,0),
    // job 2 at (0,0,0), job 4 at (0,1,1) (order 16 before order 15's (2,0,2))
    expect(warmRoutes(bundles, grand)).toEqual([
      { vehicle: 0, trips: [[2], [0, 4]] },
      { vehicle: 2, trips: [[1]] },
    ]);
  });

  it('on one vehicle the earlier trip wins over an earlier stop; a trip left empty is no trip', () => {
    // job 0 = orders [1, 2]: (1,1,0) or (1,0,1), the first trip wins; job 1 = [3, 4]: (1,0,0) or (1,0,2)
    const grand: GrandTrip[] = [
      { vehicle: 1, trip: 1, stops: [[1]] },
      { vehicle: 1, trip: 0, stops: [[3], [2], [4]] },
    ];
    expect(warmRoutes([{ orders: [1, 2] }, { orders: [3, 4] }], grand)).toEqual([
      { vehicle: 1, trips: [[1, 0]] },
    ]);
  });

  it('within a trip, the later stop of two orders of the same bundle is not where it sits', () => {
    // job 0 = [7, 8]: (0,0,2) and (0,0,0) → stop 0; job 1 = [9] at stop 1
    const grand: GrandTrip[] = [{ vehicle: 0, trip: 0, stops: [[8], [9], [7]] }];
    expect(warmRoutes([{ orders: [7, 8] }, { orders: [9] }], grand)).toEqual([
      { vehicle: 0, trips: [[0, 1]] },
    ]);
  });

  it('a bundle’s orders in either order: its earliest spot all the same', () => {
    // order 11 at (0,1,0) before order 10 at (2,0,1), whichever of them the bundle lists first
    const acrossVehicles: GrandTrip[] = [
      { vehicle: 2, trip: 0, stops: [[12], [10]] },
      { vehicle: 0, trip: 1, stops: [[11]] },
    ];
    for (const orders of [
      [10, 11],
      [11, 10],
    ])
      expect(warmRoutes([{ orders }, { orders: [12] }], acrossVehicles)).toEqual([
        { vehicle: 0, trips: [[0]] },
        { vehicle: 2, trips: [[1]] },
      ]);
    // order 2 at (1,0,1) before order 1 at (1,1,0); order 3 alone at (1,1,1)
    const acrossTrips: GrandTrip[] = [
      { vehicle: 1, trip: 0, stops: [[4], [2]] },
      { vehicle: 1, trip: 1, stops: [[1], [3]] },
    ];
    for (const orders of [
      [1, 2],
      [2, 1],
    ])
      expect(warmRoutes([{ orders }, { orders: [3] }], acrossTrips)).toEqual([
        { vehicle: 1, trips: [[0], [1]] },
      ]);
  });

  it('bundles at one stop go by job; no grand trip, no warm route', () => {
    const bundles = [{ orders: [6] }, { orders: [5] }, { orders: [7] }];
    expect(warmRoutes(bundles, [{ vehicle: 0, trip: 0, stops: [[7, 5, 6]] }])).toEqual([
      { vehicle: 0, trips: [[0, 1, 2]] },
    ]);
    expect(warmRoutes(bundles, [])).toEqual([]);
  });
});

describe('planCoalitionRuns: a coalition’s members only', () => {
  it('a coalition without the first carrier: only the second carrier’s orders are bundled', () => {
    // the small day: orders A1 A2 A3 (carrier 0) and B1 B2 B3 (carrier 1) = 0..5, all pooled at the hub
    const city = buildCity(scenarioSchema.parse(smallScenario()));
    const pooled = listTasks(city).find((t) => t.kind === 'pooled') as Extract<
      RoutingTask,
      { kind: 'pooled' }
    >;
    const runs = planCoalitionRuns(city, pooled, (c) => c === 1, [], 0, { seed: 1, clock: () => 0 });
    expect(runs.routing.bundles.map((b) => b.orders)).toEqual([[3], [4], [5]]);
  });
});
