import { describe, expect, it } from 'vitest';
import type { RoutingSolution } from '../../src/domain/routing-solution.ts';
import { solve } from '../../src/solver/index.ts';
import { toRoutingSolution } from '../../src/solver/output/to-solution.ts';
import { prepareSearch } from '../../src/solver/prepare-search.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { params, randomVrptw } from './fixtures.ts';

// maxIterations 0 (the planner's draft effort) returns the greedy construction as it is: no opening local
// search, no ruin and recreate. The construction is a feasible solution with every servable job placed.

const tripsOf = (s: RoutingSolution): number[][][] =>
  s.routes.map((r) => r.trips.map((t) => t.visits.map((v) => v.job)));

describe('solve with no iteration: the construction alone', () => {
  for (const seed of [1, 2, 3])
    it(`returns the construction, feasible and complete, and one iteration improves on it (seed ${seed})`, () => {
      const problem = randomVrptw(80, seed);
      const draft = solve(problem, params(0, { seed }));
      expect(checkRoutingSolution(problem, draft)).toEqual([]);
      expect(draft.unassigned).toEqual([]);
      expect(draft.stats.iterations).toBe(0);

      const { ctx, unservable } = prepareSearch(problem, params(0, { seed }));
      const constructed = toRoutingSolution(ctx.inst, ctx.sol, unservable, draft.stats);
      expect(tripsOf(draft)).toEqual(tripsOf(constructed));
      expect(draft.cost).toBe(constructed.cost);

      // the opening local search alone (one iteration) finds something on a greedy construction of 80 jobs
      const one = solve(problem, params(1, { seed }));
      expect(one.cost).toBeLessThan(draft.cost);
    });

  it('is deterministic for a seed', () => {
    const problem = randomVrptw(60, 7);
    expect(tripsOf(solve(problem, params(0, { seed: 7 })))).toEqual(
      tripsOf(solve(problem, params(0, { seed: 7 }))),
    );
  });
});
