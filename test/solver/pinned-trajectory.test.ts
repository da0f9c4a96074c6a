import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCvrplibFile, readSolomonFile } from '../../src/io/benchmark/load-instance.ts';
import { customerRoutes } from '../../src/io/benchmark/solution-routes.ts';
import { toRoutingProblem } from '../../src/io/benchmark/to-routing-problem.ts';
import { solve } from '../../src/solver/index.ts';
import { cvrpDir, solomonDir } from '../support/benchmark-fixtures.ts';

/**
 * The search's exact trajectory at a fixed seed and iteration budget: the cost to the last digit and a hash
 * of the routes. A change that only makes the search faster or tidier (buffers kept, loops rewritten,
 * screens reordered without changing what they let through) must leave every pin as it is; if one moves,
 * the change altered what the search does. A change meant to alter the search moves them all: re-pin
 * deliberately (the failure prints the new values) and say why in the commit, after checking the quality
 * baselines (test/quality).
 */
const PINS = [
  // windows bind, no fixed cost: SISR to 80 %, then the penalised search at its fleet (search/cost-objective.ts);
  // 1643.16 with SISR alone (at this tiny budget the hand-over loses; at 2 s and 10 s it gains)
  { file: 'R101.txt', objective: 'cost', cost: 1645.8373263382903, routes: '314bd078' },
  // a fixed cost per vehicle, as in city plans: route removal joins the string removal, and no hand-over
  // to the penalised search (it would end a vehicle above, at 3645.84)
  { file: 'R101.txt', objective: 'cost', fixedCost: 100, cost: 3553.759691199014, routes: 'a7a8d456' },
  // the same with a type of no fixed cost beside it that no vehicle uses: any type with one turns route removal on
  {
    file: 'R101.txt',
    objective: 'cost',
    fixedCost: 100,
    freeTypeToo: true,
    cost: 3553.759691199014,
    routes: 'a7a8d456',
  },
  // the penalised search's moves between time-window-aware neighbours (fleet/granular.ts): 1703.18 before
  { file: 'R101.txt', objective: 'vehicles', cost: 1651.2921583548136, routes: 'c17395dc' },
  { file: 'RC208.txt', objective: 'cost', cost: 838.0190198336828, routes: '3445e786' },
  // capacity only: SISR's best at 30 % of the budget uses 27 vehicles (28386), above the bound of 25, so the
  // fleet trial runs (search/cost-objective.ts): 26 vehicles at 28037 win, and the search at 26 ends at 27991
  // (SISR alone: 28053)
  { file: 'X-n101-k25.vrp', objective: 'cost', cost: 27991, routes: '9d58bcda' },
] as const;
const ITERATIONS = 500;

/** FNV-1a of the routes' customer numbers, as 8 hex digits. */
function routesHash(routes: readonly (readonly number[])[]): string {
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(routes)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

describe(`the search at seed 1 and ${ITERATIONS} iterations`, () => {
  it.each(PINS)('$file, objective $objective, ends at its pinned cost and routes', async (pin) => {
    const instance = pin.file.endsWith('.vrp')
      ? await readCvrplibFile(join(cvrpDir(), pin.file))
      : await readSolomonFile(join(solomonDir(), pin.file));
    const converted = toRoutingProblem(instance);
    const { customerOfJob } = converted;
    const fixedCost = 'fixedCost' in pin ? pin.fixedCost : 0;
    const types = converted.problem.vehicleTypes.map((t) => ({ ...t, fixedCost }));
    const free = 'freeTypeToo' in pin ? [{ ...types[0]!, fixedCost: 0 }] : [];
    const problem = { ...converted.problem, vehicleTypes: [...types, ...free] };
    // a clock that never moves: only the iteration budget ends the search
    const solution = solve(problem, {
      objective: pin.objective,
      seed: 1,
      clock: () => 0,
      timeLimitMs: 3_600_000,
      maxIterations: ITERATIONS,
    });
    expect(solution.stats.iterations).toBe(ITERATIONS);
    expect({ cost: solution.cost, routes: routesHash(customerRoutes(solution, customerOfJob)) }).toEqual({
      cost: pin.cost,
      routes: pin.routes,
    });
  });
});
