import { describe, expect, it } from 'vitest';
import { INTO_TRIP, NEW_TRIP_AFTER_DEPOT } from '../../src/solver/evaluation/insertion.ts';
import { DEPOT as D } from '../../src/solver/model/instance.ts';
import { handDay } from './fixtures.ts';
import { HAND_POINTS, matrixTravel, routeWith, scanOne } from './insertion-fixtures.ts';

// Equal-cost positions: the scan keeps the first one it finds (trip positions in order, then new trips
// after each depot, then the new trip at the end), so the search is reproducible.
// handDay: fixed cost 7, 2 per metre, capacity 2, reload 10 s.

describe('insertion scan ties and pruning', () => {
  // Locations D = 0, a = 1, b = 2; b -> D is 5 m but takes 8 s (a slow road), everything else 1 m = 1 s.
  const DIST = [
    [0, 10, 6],
    [10, 0, 8],
    [5, 8, 0],
  ];
  const TIME = [
    [0, 10, 6],
    [10, 0, 8],
    [8, 8, 0],
  ];
  const day = (costPerSecond: number, time = TIME): ReturnType<typeof handDay> => ({
    ...handDay([], [{ location: 1 }, { location: 2 }], { type: { costPerSecond }, vehicle: { maxTrips: 1 } }),
    travel: matrixTravel(DIST, time),
  });

  it('keeps the first of two trip positions of equal cost when time is priced', () => {
    // b into [D a D] at 1 per second:
    // before a: 2 x (6 + 8 - 10) + 1 x (6 + 8 - 10) = 8 + 4 = 12
    // after a:  2 x (8 + 5 - 10) + 1 x (8 + 8 - 10) = 6 + 6 = 12 (its distance alone, 6, does not prune it)
    expect(scanOne(routeWith(day(1), [D, 0, D]), 1)).toMatchObject({ pos: 0, kind: INTO_TRIP, delta: 12 });
  });

  it('does not prune on distance alone when a second is worth a negative price', () => {
    // at -1 per second, with b -> D taking 30 s:
    // before a: 2 x 4 - 1 x 4 = 4; after a: 2 x 3 - 1 x (8 + 30 - 10) = 6 - 28 = -22, cheaper though 6 > 4
    const slowBack = TIME.map((row, from) => row.map((t, to) => (from === 2 && to === 0 ? 30 : t)));
    expect(scanOne(routeWith(day(-1, slowBack), [D, 0, D]), 1)).toMatchObject({ pos: 1, delta: -22 });
  });

  it('keeps the first of equal-cost new trips', () => {
    // Euclidean: depot (0,0), a (6,8), b (6,0), c (0,-5); a and c fill the van, b needs a trip of its own,
    // 2 x (6 + 6) = 24 wherever it goes: after the first depot, after the second, or at the end.
    const problem = handDay(
      HAND_POINTS,
      [{ location: 1, delivery: [2] }, { location: 2 }, { location: 3, delivery: [2] }],
      { vehicle: { maxTrips: 3 } },
    );
    expect(scanOne(routeWith(problem, [D, 0, D, 2, D]), 1)).toMatchObject({
      pos: 0,
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 24,
    });
  });
});
