import { describe, expect, it } from 'vitest';
import { warmRoutes, type GrandTrip } from '../../src/consolidation/coalition-runs.ts';

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

  it('two bundles at one stop go by job; no grand trip, no warm route', () => {
    const bundles = [{ orders: [6] }, { orders: [5] }];
    expect(warmRoutes(bundles, [{ vehicle: 0, trip: 0, stops: [[5, 6]] }])).toEqual([
      { vehicle: 0, trips: [[0, 1]] },
    ]);
    expect(warmRoutes(bundles, [])).toEqual([]);
  });
});
