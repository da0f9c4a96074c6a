import { describe, expect, it } from 'vitest';
import { daySummary, scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import { buildInstance, DEPOT } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { randomVrptw } from './fixtures.ts';
import { PROBLEM_CASES, randomProblem } from './search-fixtures.ts';

/** A random day of `length` jobs of vehicle v (trips split at random, up to its trip limit). */
function randomDay(rng: Rng, jobs: readonly number[], length: number, maxTrips: number): number[] {
  const nodes = [DEPOT];
  let trips = 1;
  for (const j of rng.shuffle(jobs.slice()).slice(0, length)) {
    nodes.push(j);
    if (rng.next() < 0.2 && trips < maxTrips) {
      nodes.push(DEPOT);
      trips++;
    }
  }
  if (nodes.at(-1) !== DEPOT) nodes.push(DEPOT);
  return nodes;
}

describe('daySummary', () => {
  it("gives scheduleDay's verdict and totals to the bit, whatever longer or shorter day it checked before", () => {
    const cases = [
      ...PROBLEM_CASES.map((opt) => buildInstance(randomProblem(21, opt))),
      // days of up to 100 jobs, then up to 300: its reused arrays must grow past their first size, at least to
      // the day's length when that is more than twice their size, and a short day after a long one must not
      // read what the long one left
      buildInstance(randomVrptw(100, 5, 3)),
      buildInstance(randomVrptw(300, 6, 3)),
    ];
    const rng = new Rng(4);
    let checked = 0;
    let feasible = 0;
    for (const inst of cases) {
      for (let t = 0; t < 200; t++) {
        const v = rng.int(0, inst.vehicles.length - 1);
        const allowed = Array.from({ length: inst.n }, (_, j) => j).filter(
          (j) => inst.typeOk[j * inst.nTypes + inst.vehicles[v]!.type] === 1,
        );
        const length = rng.next() < 0.3 ? allowed.length : rng.int(1, Math.min(8, allowed.length));
        const nodes = randomDay(rng, allowed, length, inst.vehicles[v]!.maxTrips);
        const plan = scheduleDay(inst, v, nodes);
        const summary = daySummary(inst, v, nodes);
        expect(summary, `vehicle ${v} ${nodes.join(' ')}`).toEqual({
          feasible: plan.feasible,
          violationAt: plan.violationAt,
          distance: plan.distance,
          durationS: plan.durationS,
          cost: plan.cost,
          jobs: plan.jobs,
          trips: plan.trips,
        });
        checked++;
        if (plan.feasible) feasible++;
      }
    }
    expect(checked).toBe(200 * (PROBLEM_CASES.length + 2));
    expect(feasible).toBeGreaterThan(100);
    expect(checked - feasible).toBeGreaterThan(100);
  });
});
