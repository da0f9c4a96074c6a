import { describe, expect, it } from 'vitest';
import { NEW_TRIP_AFTER_DEPOT, NEW_TRIP_AT_END } from '../../src/solver/evaluation/insertion.ts';
import { DEPOT as D } from '../../src/solver/model/instance.ts';
import { handDay } from './fixtures.ts';
import { HAND_POINTS, routeWith, scanOne } from './insertion-fixtures.ts';

// New trips, static times. handDay: 1 m = 1 s, fixed cost 7, 2 per metre, capacity 2, two trips, reload 10 s.

describe('a new trip at the end of the day', () => {
  // Depot (0,0), a (6,8), b (6,0): |Da| = 10, |Db| = 6. a fills the van, is served for 5 s and must start
  // by 10, so b cannot go on a trip before it (a would then start at 6 + 6 + 10 + 10 = 32).
  // After a: home at 10 + 5 + 10 = 25, reloaded at 35, at b at 41. delta = 2 x (6 + 6) = 24.
  const day = (bClose: number): ReturnType<typeof handDay> =>
    handDay(HAND_POINTS, [
      { location: 1, delivery: [2], serviceS: 5, windows: [[0, 10]] },
      { location: 2, windows: [[0, bClose]] },
    ]);

  it("starts after the last job's service, the drive home and the reload", () => {
    expect(scanOne(routeWith(day(41), [D, 0, D]), 1)).toMatchObject({
      pos: 1,
      kind: NEW_TRIP_AT_END,
      delta: 24,
    });
    expect(scanOne(routeWith(day(40), [D, 0, D]), 1).route).toBeUndefined();
  });
});

describe('a new trip after the depot between two trips', () => {
  it("checks the trip that follows against its own first job's window", () => {
    // Depot (0,0), a (6,8) by 10, b (6,0), c (0,-5); a and c fill the van; three trips allowed.
    // [D a D c D]: a at 10, home 20, reloaded 30, c at 35, home 40. b before a would push a to 32: refused.
    // b after the reload at 30: at 36, home 42, reloaded 52, c at 57 (a's window, long closed, does not
    // matter). delta = 2 x (6 + 6) = 24, found before the same-cost trip at the end.
    const problem = handDay(
      HAND_POINTS,
      [{ location: 1, delivery: [2], windows: [[0, 10]] }, { location: 2 }, { location: 3, delivery: [2] }],
      { vehicle: { maxTrips: 3 } },
    );
    expect(scanOne(routeWith(problem, [D, 0, D, 2, D]), 1)).toMatchObject({
      pos: 2,
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 24,
    });
  });
});

describe('zero-length trips at the end of the shift', () => {
  // Jobs at the depot itself (0 m), no reload, a shift ending at 20: a trip may end exactly at the shift end.
  // a (job 0) fills the van; b (job 1) is at the depot and may start from 20.
  const shiftEndDay = (
    points: readonly (readonly [number, number])[],
    a: { location: number; windows?: [number, number][] },
  ) =>
    handDay(
      points,
      [
        { delivery: [2], ...a },
        { location: 0, windows: [[20, 30]] },
      ],
      {
        vehicle: { reloadS: 0, shiftEndS: 20 },
      },
    );

  it('adds a trip to a job at the depot after a day that ends exactly at the shift end', () => {
    // a at (6,8): out 10 s, back 10 s, home at 20. b before a would push a (due by 10) to 30; after a: at 20,
    // home at 20.
    const problem = shiftEndDay(HAND_POINTS, { location: 1, windows: [[0, 10]] });
    expect(scanOne(routeWith(problem, [D, 0, D]), 1)).toMatchObject({
      pos: 1,
      kind: NEW_TRIP_AT_END,
      delta: 0,
    });
  });

  it('adds a trip before another whose return is exactly the shift end', () => {
    // a also at the depot from 20: b's trip ends at 20, then a's, still at 20
    const problem = shiftEndDay([[0, 0]], { location: 0, windows: [[20, 30]] });
    expect(scanOne(routeWith(problem, [D, 0, D]), 1)).toMatchObject({
      pos: 0,
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 0,
    });
  });
});
