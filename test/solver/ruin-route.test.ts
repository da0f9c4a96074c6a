import { describe, expect, it } from 'vitest';
import { buildInstance, DEPOT } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { ruinRoute } from '../../src/solver/search/ruin-route.ts';
import { DEFAULT_STRING_RUIN, ruinStrings } from '../../src/solver/search/ruin-strings.ts';
import type { Solution } from '../../src/solver/search/solution.ts';
import { initialSolution, PROBLEM_CASES, randomProblem } from './search-fixtures.ts';

const jobsOf = (sol: Solution): number[][] =>
  sol.routes.map((r) => r.nodes.filter((j) => j !== DEPOT).sort((a, b) => a - b));

describe('route removal', () => {
  PROBLEM_CASES.forEach((opt, c) => {
    it(`empties a whole used route and loses no job (case ${c})`, () => {
      for (let seed = 1; seed <= 6; seed++) {
        const inst = buildInstance(randomProblem(seed, opt));
        const { sol, ctx } = initialSolution(inst, seed);
        const before = jobsOf(sol);
        const placed = before.flat();
        sol.begin();
        const removed = ruinRoute(sol, ctx.neighbours, new Rng(seed), {
          tournament: 3,
          strings: DEFAULT_STRING_RUIN,
        });
        const after = jobsOf(sol);
        // some route that had jobs has none now, and every one of its jobs was returned
        const emptied = before.filter((jobs, v) => jobs.length > 0 && after[v]!.length === 0);
        expect(emptied.length).toBeGreaterThan(0);
        expect(emptied.some((jobs) => jobs.every((j) => removed.includes(j)))).toBe(true);
        // removed and still placed partition what was placed, and the removed jobs are marked unassigned
        expect([...removed, ...after.flat()].sort((a, b) => a - b)).toEqual(placed.sort((a, b) => a - b));
        for (const j of removed) expect(sol.jobRoute[j]).toBe(-1);
        for (const r of sol.routes) expect(r.feasible).toBe(true);
        sol.rollback();
        expect(jobsOf(sol)).toEqual(before);
      }
    });
  });

  it('empties a route with the fewest jobs when the tournament samples every route', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const inst = buildInstance(randomProblem(seed, { tight: false, costPerSecond: 0, singleTrip: true }));
      const { sol, ctx } = initialSolution(inst, seed);
      const sizes = sol.routes.filter((r) => r.jobs > 0).map((r) => r.jobs);
      expect(new Set(sizes).size).toBeGreaterThan(1); // a case where the choice matters
      const before = sol.routes.map((r) => r.jobs);
      sol.begin();
      // 200 draws over at most 8 used routes: each is drawn (a miss has odds under 1e-11 per route)
      ruinRoute(sol, ctx.neighbours, new Rng(seed), { tournament: 200, strings: DEFAULT_STRING_RUIN });
      const emptied = before.flatMap((n, v) => (n > 0 && sol.routes[v]!.jobs === 0 ? [n] : []));
      // strings may empty more routes after it; the route emptied first is a smallest one
      expect(Math.min(...emptied)).toBe(Math.min(...sizes));
      sol.rollback();
    }
  });

  it('is string removal when a single route is in use (nothing to merge it into)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const problem = randomProblem(seed, { tight: false, costPerSecond: 0 });
      const inst = buildInstance({ ...problem, vehicles: problem.vehicles.slice(0, 1) });
      const a = initialSolution(inst, seed);
      const b = initialSolution(inst, seed);
      expect(a.sol.routes.filter((r) => r.jobs > 0)).toHaveLength(1);
      const viaRoute = ruinRoute(a.sol, a.ctx.neighbours, new Rng(seed), {
        tournament: 3,
        strings: DEFAULT_STRING_RUIN,
      });
      const viaStrings = ruinStrings(b.sol, b.ctx.neighbours, new Rng(seed), DEFAULT_STRING_RUIN);
      expect(viaRoute).toEqual(viaStrings);
      expect(jobsOf(a.sol)).toEqual(jobsOf(b.sol));
    }
  });
});
