import { describe, expect, it } from 'vitest';
import { dayCost } from '../../src/solver/evaluation/day-cost.ts';
import { scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import { buildInstance, DEPOT, type Instance } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { FLEET_OPERATORS, localSearch, OPERATORS } from '../../src/solver/search/local-search.ts';
import type { Solution } from '../../src/solver/search/solution.ts';
import { initialSolution, PROBLEM_CASES, randomProblem } from './search-fixtures.ts';

/** Every route is feasible when fully re-scheduled, its cached cost is the real one, jobs are placed once. */
function expectConsistent(inst: Instance, sol: Solution): void {
  const seen = new Int32Array(inst.n);
  for (const r of sol.routes) {
    const plan = scheduleDay(inst, r.v, r.nodes);
    expect(plan.feasible).toBe(true);
    expect(r.cost).toBeCloseTo(plan.cost, 6);
    expect(r.nodes.filter((x, i) => x === DEPOT && r.nodes[i + 1] === DEPOT && r.nodes.length > 2)).toEqual(
      [],
    );
    expect(r.trips).toBeLessThanOrEqual(r.vehicle.maxTrips);
    for (const x of r.nodes) {
      if (x === DEPOT) continue;
      seen[x]!++;
      expect(sol.jobRoute[x]).toBe(r.v);
      expect(inst.typeOk[x * inst.nTypes + r.vehicle.type]).toBe(1);
    }
  }
  for (const j of sol.unassigned) seen[j]!++;
  expect(Array.from(seen).every((c) => c === 1)).toBe(true);
}

describe('local search', () => {
  it('rollback undoes a local search completely', () => {
    const inst = buildInstance(randomProblem(5, { tight: true, costPerSecond: 0 }));
    const { sol, ctx } = initialSolution(inst, 5);
    const nodes = sol.snapshot();
    const cost = sol.cost();
    sol.begin();
    const moves = localSearch(
      ctx,
      Array.from({ length: inst.n }, (_, j) => j),
      new Rng(3),
      Infinity,
    );
    expect(moves).toBeGreaterThan(0);
    expect(sol.cost()).toBeLessThan(cost);
    expectConsistent(inst, sol);
    sol.rollback();
    expect(sol.snapshot()).toEqual(nodes);
    expect(sol.cost()).toBeCloseTo(cost, 9);
    expectConsistent(inst, sol);
  });

  it('dayCost agrees with scheduleDay on feasibility and cost', () => {
    let feasible = 0;
    for (const opt of PROBLEM_CASES) {
      const inst = buildInstance(randomProblem(11, opt));
      const rng = new Rng(4);
      for (let t = 0; t < 200; t++) {
        const v = rng.int(0, 3);
        const jobs = rng.shuffle(Array.from({ length: inst.n }, (_, j) => j)).slice(0, rng.int(1, 12));
        const nodes = [DEPOT];
        for (const j of jobs) {
          nodes.push(j);
          if (rng.next() < 0.2) nodes.push(DEPOT);
        }
        if (nodes.at(-1) !== DEPOT) nodes.push(DEPOT);
        const plan = scheduleDay(inst, v, nodes);
        const c = dayCost(inst, v, nodes);
        if (plan.feasible) feasible++;
        if (plan.feasible) expect(c).toBeCloseTo(plan.cost, 6);
        else expect(c).toBe(Infinity);
      }
    }
    expect(feasible).toBeGreaterThan(50);
  });
});

describe('neighbourhoods', () => {
  it('objective cost uses all five; objective vehicles keeps the three measured best for the fleet', () => {
    expect(OPERATORS.map((o) => o.name)).toEqual([
      'relocate',
      '2-opt*',
      '2-opt',
      'exchange',
      'relocate pair',
    ]);
    expect(FLEET_OPERATORS.map((o) => o.name)).toEqual(['relocate', '2-opt*', '2-opt']);
  });
});
