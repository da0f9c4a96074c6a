import { describe, expect, it } from 'vitest';
import type { RoutingJob, RoutingProblem } from '../../src/domain/routing-problem.ts';
import { noInsertion, scanRoute } from '../../src/solver/evaluation/insertion.ts';
import { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance, DEPOT } from '../../src/solver/model/instance.ts';
import { job, vehicle, vehicleType } from './fixtures.ts';

// The scan rules out a position on windows and loads before it asks for a distance: on a large day each
// distance is a great circle computed on demand, and receiving windows rule out most positions of a long day.

/** Points on a line 10 m apart (1 m = 1 s), counting the distances and durations asked for. */
function lineProblem(
  jobs: readonly RoutingJob[],
  capacity: number,
): { problem: RoutingProblem; asked: () => number } {
  let asked = 0;
  const d = (a: number, b: number): number => Math.abs(a - b) * 10;
  const travel = {
    size: jobs.length + 1,
    distance: (a: number, b: number) => (asked++, d(a, b)),
    duration: (a: number, b: number) => (asked++, d(a, b)),
  };
  return {
    problem: {
      dimensions: 1,
      travel,
      jobs,
      vehicleTypes: [vehicleType({ capacity: [capacity] })],
      vehicles: [vehicle({ shiftEndS: 1000 })],
    },
    asked: () => asked,
  };
}

/** Day D 0 1 D of `problem`'s jobs 0 and 1, then the scan of job 2, with the travel calls the scan makes. */
function scanJob2(problem: RoutingProblem, asked: () => number = () => 0) {
  const inst = buildInstance(problem);
  const route = new RouteState(inst, 0);
  route.nodes = [DEPOT, 0, 1, DEPOT];
  route.recompute();
  expect(route.feasible).toBe(true);
  const before = asked();
  const best = noInsertion();
  scanRoute(inst, route, 2, best, { rng: undefined, blinkRate: 0, openPenalty: 0 });
  return { route, best, asked: asked() - before };
}

/** Jobs at 1 and 2 with wide windows, then the scan of `third` at 3. */
function scanThird(third: Partial<RoutingJob>, capacity = 10): { found: boolean; asked: number } {
  const { problem, asked } = lineProblem(
    [job(1, { windows: [[0, 100]] }), job(2, { windows: [[0, 200]] }), job(3, third)],
    capacity,
  );
  const scan = scanJob2(problem, asked);
  return { found: scan.best.route !== undefined, asked: scan.asked };
}

describe('insertion scan: windows and loads before distances', () => {
  it('asks for distances only at the positions where the job window is still open', () => {
    // after job 0 (served at 10 s at the earliest) a window closed at 5 s is past: only the position before
    // it asks (two distances, two durations), and driving there (10 s) is too late too
    expect(scanThird({ windows: [[0, 5]] })).toEqual({ found: false, asked: 4 });
  });

  it('asks for no distance when serving the job would push the next stop past its window or the shift', () => {
    // served at 996 s at the earliest, for 5 s: jobs 0 and 1 have closed, and the shift ends at 1000 s
    expect(scanThird({ windows: [[996, 999]], serviceS: 5 })).toEqual({ found: false, asked: 0 });
  });

  it('asks for no distance when the job does not fit the trip load', () => {
    expect(scanThird({ delivery: [9] }, 10)).toEqual({ found: false, asked: 0 });
  });

  it('asks for distances, and finds a position, when one fits', () => {
    const scan = scanThird({});
    expect(scan.found).toBe(true);
    expect(scan.asked).toBeGreaterThan(0);
  });
});

describe('insertion scan: the bound before distances is a bound, never stricter', () => {
  it('keeps a position where the next stop then starts exactly at its latest start', () => {
    // three stops at one place (no driving between them): A (closes at 10 s), B (service 1 s, closes at
    // 15 s) and the new job (only at 10 s, 5 s of service). The one feasible place is between A and B, and
    // B then starts at 15 s, its latest start: a bound that drops ties would lose it
    const { problem } = lineProblem(
      [
        job(1, { windows: [[0, 10]] }),
        job(1, { windows: [[0, 15]], serviceS: 1 }),
        job(1, { windows: [[10, 10]], serviceS: 5 }),
      ],
      10,
    );
    const { route, best } = scanJob2(problem);
    expect(best.route).toBe(route);
    expect(best.pos).toBe(1);
  });
});
