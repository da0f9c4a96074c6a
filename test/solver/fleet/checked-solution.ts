import { expect } from 'vitest';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { toRoutingSolution } from '../../../src/solver/output/to-solution.ts';
import type { SearchContext } from '../../../src/solver/search/search-context.ts';
import { checkRoutingSolution } from '../../support/check-routing-solution.ts';

/** The solver's current solution routes every job and passes the independent checker. */
export function expectCompleteAndChecked(ctx: SearchContext, problem: RoutingProblem): void {
  const solution = toRoutingSolution(ctx.inst, ctx.sol, [], {
    iterations: 0,
    elapsedMs: 0,
    timeCapped: false,
  });
  expect(solution.unassigned).toEqual([]);
  expect(checkRoutingSolution(problem, solution)).toEqual([]);
}
