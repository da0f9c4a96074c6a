import { describe, expect, it } from 'vitest';
import {
  type Insertion,
  INTO_TRIP,
  NEW_TRIP_AFTER_DEPOT,
  NEW_TRIP_AT_END,
} from '../../src/solver/evaluation/insertion.ts';
import type { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { DEPOT as D } from '../../src/solver/model/instance.ts';
import { handDay } from './fixtures.ts';
import { HAND_POINTS, routeWith, scanOne } from './insertion-fixtures.ts';
import { ScriptedRng } from './scripted-rng.ts';

// Blinking (SISR's recreate): each position is skipped when the rng's draw is below the blink rate.
// handDay: 1 m = 1 s, fixed cost 7, 2 per metre, capacity 2, up to two trips. Depot (0,0), a (6,8), b (6,0):
// |Da| = 10, |Db| = 6, |ba| = 8.
/** Job 0 = a, job 1 = b, with a's delivery as given (2 fills the van, so b then needs a trip of its own). */
const day = (aDelivery: number): ReturnType<typeof handDay> =>
  handDay(HAND_POINTS, [
    { location: 1, delivery: [aDelivery] },
    { location: 2, delivery: [1] },
  ]);

describe('blinking in the insertion scan', () => {
  // a into the empty day: 7 + 2 x (10 + 10) = 47
  const OPEN_A = 7 + 2 * (10 + 10);

  it('skips a position whose draw is below the blink rate', () => {
    const rng = new ScriptedRng([0.3]);
    const best = scanOne(routeWith(day(1), [D, D]), 0, { rng, blinkRate: 0.5 });
    expect(best.route).toBeUndefined();
    expect(rng.taken).toEqual([0.3]);
  });

  it('keeps a position whose draw equals the blink rate', () => {
    const rng = new ScriptedRng([0.5]);
    const best = scanOne(routeWith(day(1), [D, D]), 0, { rng, blinkRate: 0.5 });
    expect(best.delta).toBe(OPEN_A);
    expect(rng.taken).toEqual([0.5]);
  });

  it('draws nothing when the blink rate is 0, and does not blink without an rng whatever the rate', () => {
    const rng = new ScriptedRng([]);
    expect(scanOne(routeWith(day(1), [D, D]), 0, { rng, blinkRate: 0 }).delta).toBe(OPEN_A);
    expect(rng.taken).toEqual([]);
    expect(scanOne(routeWith(day(1), [D, D]), 0, { rng: undefined, blinkRate: 0.9 }).delta).toBe(OPEN_A);
  });

  /** Scans b (job 1) into `route` at blink rate 0.5 with these draws, each of which must be taken. */
  function blinkB(route: RouteState, draws: number[]): Pick<Insertion, 'pos' | 'kind' | 'delta'> {
    const rng = new ScriptedRng(draws);
    const { pos, kind, delta } = scanOne(route, 1, { rng, blinkRate: 0.5 });
    expect(rng.taken).toEqual(draws);
    return { pos, kind, delta };
  }

  // b into [D a D]: before or after a costs 2 x (6 + 8 - 10) = 8 either way; the first position found wins a tie.
  // Draws: positions 0 and 1 of the trip, then the new trip after the depot at 0 (a job's position draws nothing).
  it('takes the next position of a trip when the first one blinks', () => {
    const route = routeWith(day(1), [D, 0, D]);
    expect(blinkB(route, [0.9, 0.9, 0.9])).toEqual({ pos: 0, kind: INTO_TRIP, delta: 8 });
    expect(blinkB(route, [0.1, 0.9, 0.9])).toEqual({ pos: 1, kind: INTO_TRIP, delta: 8 });
    // only a new trip is left: 2 x (6 + 6) = 24
    expect(blinkB(route, [0.1, 0.1, 0.9])).toEqual({ pos: 0, kind: NEW_TRIP_AFTER_DEPOT, delta: 24 });
  });

  // a fills the van (2 of 2), so b goes on a new trip: after the depot (first found) or at the end, each
  // 2 x (6 + 6) = 24 (distance only); only the trip after the depot blinks.
  it('blinks the new trip after a depot, leaving the new trip at the end', () => {
    const route = routeWith(day(2), [D, 0, D]);
    expect(blinkB(route, [0.9, 0.9, 0.9])).toEqual({ pos: 0, kind: NEW_TRIP_AFTER_DEPOT, delta: 24 });
    expect(blinkB(route, [0.9, 0.9, 0.5])).toEqual({ pos: 0, kind: NEW_TRIP_AFTER_DEPOT, delta: 24 });
    expect(blinkB(route, [0.9, 0.9, 0.1])).toEqual({ pos: 1, kind: NEW_TRIP_AT_END, delta: 24 });
  });

  it('scans new trips without draws at rate 0 or without an rng', () => {
    const route = routeWith(day(2), [D, 0, D]);
    const rng = new ScriptedRng([]);
    expect(scanOne(route, 1, { rng, blinkRate: 0 }).kind).toBe(NEW_TRIP_AFTER_DEPOT);
    expect(rng.taken).toEqual([]);
    expect(scanOne(route, 1, { rng: undefined, blinkRate: 0.9 }).kind).toBe(NEW_TRIP_AFTER_DEPOT);
  });
});
