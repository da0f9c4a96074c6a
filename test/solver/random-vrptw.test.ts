import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/index.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { params, randomVrptw } from './fixtures.ts';

describe('solve on a Solomon-like random VRPTW (100 customers)', () => {
  const problem = randomVrptw(100, 7);

  it('returns a feasible solution serving every customer', () => {
    const s = solve(problem, params(300));
    expect(checkRoutingSolution(problem, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(s.stats.iterations).toBe(300);
  });

  it('stays feasible with duration costs, multi-trip and fractional coordinates', () => {
    const base = randomVrptw(60, 11, 8);
    const shifted = {
      ...base,
      travel: {
        ...base.travel,
        duration: (a: number, b: number) => base.travel.duration(a, b, 0) * 1.37 + 0.1,
      },
      vehicleTypes: [{ ...base.vehicleTypes[0]!, capacity: [120], costPerSecond: 0.3, fixedCost: 40 }],
      vehicles: base.vehicles.map((v) => ({ ...v, maxTrips: 3, reloadS: 17.3, shiftEndS: 1400 })),
    };
    const s = solve(shifted, params(200));
    expect(checkRoutingSolution(shifted, s)).toEqual([]);
    expect(s.routes.some((r) => r.trips.length > 1)).toBe(true);
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const a = solve(problem, params(150, { seed: 3 }));
    const b = solve(problem, params(150, { seed: 3 }));
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
    const realClock = { clock: () => performance.now() };
    const d = solve(problem, params(150, { seed: 3, ...realClock }));
    expect(d.routes).toEqual(a.routes);
    const c = solve(problem, params(150, { seed: 4 }));
    expect(checkRoutingSolution(problem, c)).toEqual([]);
  });

  it('improves on the initial solution as iterations grow', () => {
    const short = solve(problem, params(1));
    const long = solve(problem, params(600));
    expect(long.cost).toBeLessThan(short.cost);
  });

  it('uses no more vehicles under objective "vehicles" than under "cost"', () => {
    const byCost = solve(problem, params(400));
    const byVehicles = solve(problem, params(400, { objective: 'vehicles' }));
    expect(checkRoutingSolution(problem, byVehicles)).toEqual([]);
    expect(byVehicles.unassigned).toEqual([]);
    expect(byVehicles.routes.length).toBeLessThanOrEqual(byCost.routes.length);
  });

  it('stops on an aborted signal and on the time limit, reporting progress', () => {
    const controller = new AbortController();
    controller.abort();
    const aborted = solve(problem, { seed: 1, clock: () => 0, timeLimitMs: 1e9, signal: controller.signal });
    expect(aborted.stats.iterations).toBe(0);
    expect(checkRoutingSolution(problem, aborted)).toEqual([]);

    let now = 0;
    const reports: number[] = [];
    const timed = solve(problem, {
      seed: 1,
      clock: () => (now += 1),
      timeLimitMs: 400,
      onProgress: (p) => reports.push(p.bestCost),
    });
    expect(timed.stats.iterations).toBeGreaterThan(0);
    expect(timed.stats.elapsedMs).toBeGreaterThanOrEqual(400);
    expect(reports.length).toBeGreaterThan(0);
    for (let i = 1; i < reports.length; i++) expect(reports[i]).toBeLessThanOrEqual(reports[i - 1]!);
  });

  it('reports the construction, before the opening local search improves it', () => {
    const reports: { iteration: number; bestCost: number }[] = [];
    const solution = solve(problem, {
      ...params(50),
      onProgress: (p) => reports.push({ iteration: p.iteration, bestCost: p.bestCost }),
    });
    expect(reports[0]!.iteration).toBe(0);
    expect(reports[0]!.bestCost).toBeGreaterThan(reports[1]!.bestCost);
    expect(reports.at(-1)!.bestCost).toBeCloseTo(solution.cost, 6);
  });
});
