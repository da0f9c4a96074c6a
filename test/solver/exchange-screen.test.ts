import { describe, expect, it } from 'vitest';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { fitsReplacing } from '../../src/solver/search/operators/exchange.ts';
import { changeDelta, routeChange } from '../../src/solver/search/operators/move.ts';
import { initialSolution, PROBLEM_CASES, randomProblem } from './search-fixtures.ts';

describe('exchange screen', () => {
  it('never rejects a feasible swap between two days that share depot and shift, and rejects some infeasible ones', () => {
    let feasible = 0;
    let screenedOut = 0;
    for (const opt of PROBLEM_CASES) {
      for (let seed = 1; seed <= 3; seed++) {
        const inst = buildInstance(randomProblem(seed, opt));
        const { sol, ctx } = initialSolution(inst, seed);
        for (let j = 0; j < inst.n; j++) {
          for (let t = 0; t < inst.n; t++) {
            const a = sol.jobRoute[j]!;
            const b = sol.jobRoute[t]!;
            if (a < 0 || b < 0 || a === b) continue;
            const ra = sol.routes[a]!;
            const rb = sol.routes[b]!;
            const p = ra.positionOf(j);
            const s = rb.positionOf(t);
            const na = ra.nodes.slice();
            const nb = rb.nodes.slice();
            na[p] = t;
            nb[s] = j;
            const exact = changeDelta(ctx, [routeChange(sol, a, na), routeChange(sol, b, nb)]);
            const screened = fitsReplacing(inst, ra, t, p, j) && fitsReplacing(inst, rb, j, s, t);
            if (exact !== Infinity) {
              feasible++;
              if (!screened) expect.fail(`swap of jobs ${j} and ${t} is feasible but was screened out`);
            } else if (!screened) screenedOut++;
          }
        }
      }
    }
    expect(feasible).toBeGreaterThan(100);
    expect(screenedOut).toBeGreaterThan(100);
  });
});
