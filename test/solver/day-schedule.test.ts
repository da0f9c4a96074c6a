import { describe, expect, it } from 'vitest';
import { scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import { buildInstance, DEPOT } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { dayOracle } from './day-oracle.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';
import { PROBLEM_CASES, randomProblem, tripsOf } from './search-fixtures.ts';

describe('scheduleDay', () => {
  it('agrees with the independent day oracle on feasibility and cost of random days (types and trip counts are checked by callers)', () => {
    let feasible = 0;
    let infeasible = 0;
    for (const opt of PROBLEM_CASES) {
      const problem = randomProblem(21, opt);
      const inst = buildInstance(problem);
      const rng = new Rng(8);
      for (let t = 0; t < 300; t++) {
        const v = rng.int(0, 3);
        const allowed = Array.from({ length: inst.n }, (_, j) => j).filter(
          (j) => inst.typeOk[j * inst.nTypes + inst.vehicles[v]!.type] === 1,
        );
        const jobs = rng.shuffle(allowed).slice(0, rng.int(1, 10));
        const nodes = [DEPOT];
        let trips = 1;
        for (const j of jobs) {
          nodes.push(j);
          if (rng.next() < 0.2 && trips < inst.vehicles[v]!.maxTrips) {
            nodes.push(DEPOT);
            trips++;
          }
        }
        if (nodes.at(-1) !== DEPOT) nodes.push(DEPOT);
        const plan = scheduleDay(inst, v, nodes);
        const oracle = dayOracle(problem, v, tripsOf(nodes));
        expect(plan.feasible, `vehicle ${v} ${nodes.join(' ')}: ${oracle.violations.join('; ')}`).toBe(
          oracle.violations.length === 0,
        );
        if (!plan.feasible) {
          infeasible++;
          continue;
        }
        feasible++;
        expect(plan.distance).toBeCloseTo(oracle.distance, 6);
        expect(plan.durationS, `vehicle ${v} ${nodes.join(' ')}`).toBeCloseTo(oracle.durationS, 5);
        expect(plan.cost).toBeCloseTo(oracle.cost, 5);
      }
    }
    expect(feasible).toBeGreaterThan(200);
    expect(infeasible).toBeGreaterThan(200);
  });

  it('leaves late when the stop waits for a window open, whatever the rounding of the backward pass', () => {
    // Arrive at 0.3, wait for the open at 0.6, back at 0.6 + 0.3 = 0.8999999999999999: the bound
    // computed back from the return, 0.8999999999999999 - 0.3, is a rounding error below the open.
    const problem = {
      dimensions: 1,
      travel: euclidean([
        [0, 0],
        [0.3, 0],
      ]),
      jobs: [job(1, { windows: [[0.6, 1e6]] })],
      vehicleTypes: [vehicleType({ costPerSecond: 1 })],
      vehicles: [vehicle()],
    };
    const inst = buildInstance(problem);
    expect(inst.latestStart(0, 0.8999999999999999 - 0.3)).toBe(0.6);
    expect(inst.latestStart(0, 0.6 - 1e-3)).toBe(-Infinity);
    const plan = scheduleDay(inst, 0, [DEPOT, 0, DEPOT]);
    expect(plan.tripDeparture[0]).toBeCloseTo(0.3, 12);
    expect(plan.durationS).toBeCloseTo(0.6, 12);
    expect(dayOracle(problem, 0, [[0]]).durationS).toBeCloseTo(0.6, 6);
  });
});
