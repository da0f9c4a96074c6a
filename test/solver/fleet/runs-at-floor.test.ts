import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { parseSolomon } from '../../../src/io/benchmark/solomon.ts';
import { toRoutingProblem } from '../../../src/io/benchmark/to-routing-problem.ts';
import { minimiseFleetByElimination } from '../../../src/solver/fleet/fleet-phase.ts';
import { bestOfRunsAtFloor, RUNS_AT_FLOOR, type FloorRun } from '../../../src/solver/fleet/runs-at-floor.ts';
import { prepareSearch } from '../../../src/solver/prepare-search.ts';
import { runSisr } from '../../../src/solver/search/sisr.ts';
import { solomonDir } from '../../support/benchmark-fixtures.ts';
import { params, randomVrptw, vehicleType } from '../fixtures.ts';
import { expectCompleteAndChecked } from './checked-solution.ts';

/** The phases of objective 'vehicles' up to the runs at the floor, then the runs; what they leave. */
function runToFloor(problem: RoutingProblem, iterations: number, seed = 1) {
  const { ctx } = prepareSearch(problem, params(iterations, { objective: 'vehicles', seed }));
  runSisr(ctx, 0, 0.2);
  const costPhaseBest = ctx.sol.snapshot();
  minimiseFleetByElimination(ctx, 0.4);
  const fleet = ctx.sol.usedVehicles();
  const from = ctx.budget.fraction();
  const runs = bestOfRunsAtFloor(ctx, costPhaseBest, from);
  return { ctx, fleet, from, runs };
}

/**
 * 50 customers with the whole day open and vehicles of `capacity` (150: load floor 5 routes), so the fleet
 * reaches the floor at once and the runs' distances differ by seed.
 */
function loadBound(seed: number, capacity = 150): RoutingProblem {
  const base = randomVrptw(50, seed, 20);
  return {
    ...base,
    jobs: base.jobs.map((j) => ({ ...j, windows: [[0, 1000]] })),
    vehicleTypes: [vehicleType({ capacity: [capacity] })],
  };
}

/** The three runs' costs on loadBound(7) at 1,500 iterations, seed 1 (2026-12-06, after SWAP* under time warp). */
const PINNED_SEED_7 = ['773.4883', '768.8602', '763.7758'];

const costs = (runs: readonly FloorRun[]): number[] =>
  runs.flatMap((r) => (r.cost === undefined ? [] : [r.cost]));

describe('distance searches at the fleet floor', () => {
  it('keep the floor fleet, use the whole budget and pass the independent checker', () => {
    // C101: 1,810 units of load on vehicles of 200, so the floor is 10 routes, which elimination reaches early.
    const bp = toRoutingProblem(parseSolomon(readFileSync(join(solomonDir(), 'C101.txt'), 'utf8'), 'C101'));
    const { ctx, fleet, from, runs } = runToFloor(bp.problem, 1200);
    expect(fleet).toBe(10);
    expect(from).toBeLessThan(0.4);
    expect(ctx.budget.iteration).toBe(1200);
    expect(ctx.sol.usedVehicles()).toBe(10);
    expect(ctx.sol.cost()).toBe(Math.min(...costs(runs)));
    expectCompleteAndChecked(ctx, bp.problem);
  });

  it('on 12 days: equal spans, a crossover once two candidates exist, the cheapest candidate kept', () => {
    const iterations = 1500;
    const seen = { crossover: 0, crossoverWins: 0, restart: 0, laterRunAboveBest: 0 };
    for (const capacity of [100, 150])
      for (let seed = 1; seed <= 6; seed++) {
        const problem = loadBound(seed, capacity);
        const { ctx, fleet, from, runs } = runToFloor(problem, iterations);
        const where = `capacity ${capacity}, seed ${seed}`;
        expect(runs, where).toHaveLength(RUNS_AT_FLOOR);
        const span = (1 - from) / RUNS_AT_FLOOR;
        runs.forEach((r, k) => {
          expect(r.untilFraction).toBeCloseTo(from + (k + 1) * span, 12);
          // a run ends at the first iteration whose share of the budget reaches its end
          let first = Math.floor(r.untilFraction * iterations);
          while (first / iterations < r.untilFraction) first++;
          expect(r.endIteration, where).toBe(first);
        });
        expect(runs[RUNS_AT_FLOOR - 1]!.endIteration).toBe(iterations);
        // the third run crosses the two candidates when there are two, else it restarts
        const before = runs.slice(0, 2).filter((r) => r.cost !== undefined).length;
        expect(
          runs.map((r) => r.start),
          where,
        ).toEqual(['first elimination', 'new elimination', before >= 2 ? 'crossover' : 'new elimination']);
        const kept = costs(runs);
        const best = Math.min(...kept);
        expect(ctx.sol.cost(), where).toBe(best);
        expect(ctx.sol.usedVehicles(), where).toBe(fleet);
        expectCompleteAndChecked(ctx, problem);
        if (before >= 2) seen.crossover++;
        if (before >= 2 && runs[2]!.cost === best) seen.crossoverWins++;
        if (before < 2) seen.restart++;
        if (runs[2]!.cost !== undefined && runs[2]!.cost > best) seen.laterRunAboveBest++;
      }
    // every path of the runs was taken on some day (so the checks above reached it)
    expect(seen.crossover).toBeGreaterThan(0);
    expect(seen.crossoverWins).toBeGreaterThan(0);
    expect(seen.restart).toBeGreaterThan(0);
    expect(seen.laterRunAboveBest).toBeGreaterThan(0);
  });

  it('give the same runs for the same seed and budget', () => {
    expect(runToFloor(loadBound(7), 1500).runs).toEqual(runToFloor(loadBound(7), 1500).runs);
  });

  it('follow one trajectory for a seed (pinned: a change to any run shows here first)', () => {
    // Regression pins, not a quality claim: re-pin in a commit that says which search change moved them.
    const { runs } = runToFloor(loadBound(7), 1500);
    expect(runs.map((r) => r.cost?.toFixed(4))).toEqual(PINNED_SEED_7);
  });
});
