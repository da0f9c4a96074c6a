import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSolomon } from '../../../src/io/benchmark/solomon.ts';
import { toRoutingProblem } from '../../../src/io/benchmark/to-routing-problem.ts';
import { minimiseFleetByElimination } from '../../../src/solver/fleet/fleet-phase.ts';
import { bestOfRunsAtFloor } from '../../../src/solver/fleet/runs-at-floor.ts';
import { prepareSearch } from '../../../src/solver/prepare-search.ts';
import { runSisr } from '../../../src/solver/search/sisr.ts';
import { solomonDir } from '../../support/benchmark-fixtures.ts';
import { params } from '../fixtures.ts';
import { expectCompleteAndChecked } from './checked-solution.ts';

describe('distance searches at the fleet floor', () => {
  it('keep the floor fleet, use the whole budget and pass the independent checker', () => {
    // C101: 1,810 units of load on vehicles of 200, so the floor is 10 routes, which elimination reaches early.
    const bp = toRoutingProblem(parseSolomon(readFileSync(join(solomonDir(), 'C101.txt'), 'utf8'), 'C101'));
    const { ctx } = prepareSearch(bp.problem, params(1200, { objective: 'vehicles' }));
    runSisr(ctx, 0, 0.2);
    const costPhaseBest = ctx.sol.snapshot();
    minimiseFleetByElimination(ctx, 0.4);
    expect(ctx.sol.usedVehicles()).toBe(10);
    const from = ctx.budget.fraction();
    expect(from).toBeLessThan(0.4);
    const cost = ctx.sol.cost();
    bestOfRunsAtFloor(ctx, costPhaseBest, from);
    expect(ctx.budget.iteration).toBe(1200);
    expect(ctx.sol.usedVehicles()).toBe(10);
    expect(ctx.sol.cost()).toBeLessThanOrEqual(cost);
    expectCompleteAndChecked(ctx, bp.problem);
  });
});
