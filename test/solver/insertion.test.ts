import { describe, expect, it } from 'vitest';
import { applyInsertion, noInsertion, scanRoute } from '../../src/solver/evaluation/insertion.ts';
import { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { bruteForce, randomProblem } from './insertion-fixtures.ts';

describe('insertion evaluator', () => {
  for (const [tight, cps] of [
    [true, 0],
    [false, 0.5],
  ] as const) {
    it(`finds the brute-force cheapest insertion and its delta is the real cost change (tight=${tight}, cps=${cps})`, () => {
      for (let seed = 1; seed <= 4; seed++) {
        const problem = randomProblem(seed, tight, cps);
        const inst = buildInstance(problem);
        const route = new RouteState(inst, 0);
        let inserted = 0;
        for (let j = 0; j < inst.n; j++) {
          const expected = bruteForce(problem, route, j);
          const best = noInsertion();
          scanRoute(inst, route, j, best, { rng: undefined, blinkRate: 0, openPenalty: 0 });
          if (expected === Infinity) {
            expect(best.route).toBeUndefined();
            continue;
          }
          expect(best.route).toBeDefined();
          const before = route.cost;
          applyInsertion(best, j);
          inserted++;
          expect(route.feasible).toBe(true);
          expect(route.cost).toBeCloseTo(expected, 6);
          expect(route.cost - before).toBeCloseTo(best.delta, 6);
        }
        expect(inserted).toBeGreaterThan(3);
      }
    });
  }

  it('keeps caches consistent after removals', () => {
    const problem = randomProblem(9, false, 0);
    const inst = buildInstance(problem);
    const route = new RouteState(inst, 0);
    for (let j = 0; j < 10; j++) {
      const best = noInsertion();
      scanRoute(inst, route, j, best, { rng: undefined, blinkRate: 0, openPenalty: 0 });
      if (best.route) applyInsertion(best, j);
    }
    const jobs = route.jobList();
    route.removeJob(jobs[0]!);
    route.removeJob(jobs[jobs.length - 1]!);
    route.recompute();
    const fresh = new RouteState(inst, 0);
    fresh.nodes = route.nodes.slice();
    fresh.recompute();
    expect(Array.from(route.ls)).toEqual(Array.from(fresh.ls));
    expect(Array.from(route.prefMax)).toEqual(Array.from(fresh.prefMax));
    expect(route.nodes.filter((x, i) => x < 0 && route.nodes[i + 1] === x)).toEqual([]);
  });
});
