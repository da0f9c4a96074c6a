import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { checkBenchmarkSolution } from '../../bench/support/check-benchmark-solution.ts';
import { cvrpDir, solomonDir } from '../support/benchmark-fixtures.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { registerCvrp } from '../../src/cli/commands/cvrp.ts';
import {
  registerVrptw,
  type BenchmarkCommandDeps,
  type BenchmarkResult,
  type SolveFn,
} from '../../src/cli/commands/vrptw.ts';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { RoutingSolution } from '../../src/domain/routing-solution.ts';
import type { SolveParams } from '../../src/solver/api.ts';
import { readCvrplibFile, readSolomonFile } from '../../src/io/benchmark/load-instance.ts';
import { TINY_SOLOMON } from '../io/benchmark/tiny-solomon.ts';

const dir = mkdtempSync(join(tmpdir(), 'picon-bench-'));
const tinyPath = join(dir, 'TINY.txt');
writeFileSync(tinyPath, TINY_SOLOMON);

/** A stand-in solver returning fixed job sequences (job j = customer j + 1 here); records the params it got. */
function fakeSolver(
  jobRoutes: number[][],
  unassigned: number[] = [],
): { solve: SolveFn; calls: SolveParams[] } {
  const calls: SolveParams[] = [];
  const solve: SolveFn = (_problem: RoutingProblem, params: SolveParams): RoutingSolution => {
    calls.push(params);
    return {
      routes: jobRoutes.map((jobs, vehicle) => ({
        vehicle,
        trips: [
          {
            departureS: 0,
            returnS: 0,
            distance: 0,
            loadStart: [0],
            visits: jobs.map((job) => ({ job, arrivalS: 0, startS: 0, departureS: 0, loadAfter: [0] })),
          },
        ],
      })),
      unassigned: unassigned.map((job) => ({ job, reason: 'fleet-exhausted' as const })),
      cost: 0,
      stats: { iterations: 321, elapsedMs: 0, timeCapped: false },
    };
  };
  return { solve, calls };
}

async function run(
  argv: string[],
  deps: Partial<BenchmarkCommandDeps>,
): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command('picon').exitOverride();
  const all = { write: (t: string) => (out += t), warn: (t: string) => (err += t), ...deps };
  registerVrptw(program, all);
  registerCvrp(program, all);
  await program.parseAsync(argv, { from: 'user' });
  return { out, err };
}

describe('picon vrptw (injected solver)', () => {
  it('prints the contract JSON with customer numbers and the distance recomputed from the routes', async () => {
    const { solve, calls } = fakeSolver([[0, 1], [2], [3]]);
    let t = 1_000;
    const { out } = await run(['vrptw', tinyPath, '--time-limit', '2.5', '--seed', '7', '--json'], {
      solve,
      clock: () => (t += 250),
    });
    const result = JSON.parse(out) as BenchmarkResult;
    expect(Object.keys(result).sort()).toEqual(['distance', 'iterations', 'routes', 'seconds', 'vehicles']);
    expect(result.routes).toEqual([[1, 2], [3], [4]]);
    expect(result.vehicles).toBe(3);
    expect(result.distance).toBeCloseTo(130, 9);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.iterations).toBe(321);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ seed: 7, timeLimitMs: 2_500, objective: 'cost' });
  });

  it('maps --objective vehicles and --max-iterations to the solve params', async () => {
    const { solve, calls } = fakeSolver([[0, 1], [2], [3]]);
    await run(['vrptw', tinyPath, '--objective', 'vehicles', '--max-iterations', '50', '--json'], { solve });
    expect(calls[0]).toMatchObject({
      objective: 'vehicles',
      maxIterations: 50,
      seed: 1,
      timeLimitMs: 10_000,
    });
  });

  it('prints a one-line human summary without --json, and reports unassigned customers', async () => {
    const { solve } = fakeSolver([[0, 1], [2]], [3]);
    const { out, err } = await run(['vrptw', tinyPath], { solve });
    expect(out).toMatch(/^TINY: 2 vehicles, distance 40\.00, /);
    expect(out).toMatch(/unassigned: 4/);
    expect(err).toMatch(/1 customer\(s\) left unassigned: 4/);
  });

  it.each([
    [['--time-limit', 'ten'], /--time-limit must be a positive number.*"ten"/],
    [['--time-limit', '0'], /--time-limit/],
    [['--seed', '-3'], /--seed must be a non-negative integer.*"-3"/],
    [['--seed', '1.5'], /--seed/],
    [['--objective', 'time'], /--objective must be "distance" or "vehicles"/],
    [['--max-iterations', 'x'], /--max-iterations/],
  ])('rejects bad option %j with a CliError naming it', async (extra, message) => {
    const { solve, calls } = fakeSolver([]);
    const p = run(['vrptw', tinyPath, ...extra], { solve });
    await expect(p).rejects.toBeInstanceOf(CliError);
    await expect(run(['vrptw', tinyPath, ...extra], { solve })).rejects.toThrow(message);
    expect(calls).toHaveLength(0);
  });

  it('names a missing or malformed instance file', async () => {
    const { solve } = fakeSolver([]);
    const missing = join(dir, 'nope.txt');
    await expect(run(['vrptw', missing], { solve })).rejects.toThrow(
      new CliError(`instance file not found: ${missing}`),
    );
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'BAD\nVEHICLE\nNUMBER CAPACITY\n 2 10\n');
    await expect(run(['vrptw', bad], { solve })).rejects.toThrow(
      /invalid instance file: .*bad\.txt.*no CUSTOMER section/,
    );
    await expect(run(['cvrp', bad], { solve })).rejects.toBeInstanceOf(CliError);
  });
});

/**
 * A naive time-oriented nearest-neighbour solver written against the RoutingProblem only: if the problem built
 * from the file says the same thing as the file, its routes must pass the independent checker.
 */
const greedySolve: SolveFn = (problem) => {
  const type = problem.vehicleTypes[0]!;
  const left = new Set(problem.jobs.map((_, j) => j));
  const routes: RoutingSolution['routes'][number][] = [];
  for (const [v, vehicle] of problem.vehicles.entries()) {
    if (left.size === 0) break;
    let at = vehicle.depot;
    let time = vehicle.shiftStartS;
    let load = 0;
    const visits: RoutingSolution['routes'][number]['trips'][number]['visits'][number][] = [];
    for (;;) {
      let best: { job: number; start: number } | undefined;
      for (const j of left) {
        const job = problem.jobs[j]!;
        const [open, close] = job.windows[0]!;
        const start = Math.max(time + problem.travel.duration(at, job.location, 0), open);
        const back = start + job.serviceS + problem.travel.duration(job.location, vehicle.depot, 0);
        if (load + job.delivery[0]! > type.capacity[0]! || start > close || back > vehicle.shiftEndS)
          continue;
        if (best === undefined || start < best.start) best = { job: j, start };
      }
      if (best === undefined) break;
      const job = problem.jobs[best.job]!;
      load += job.delivery[0]!;
      time = best.start + job.serviceS;
      at = job.location;
      left.delete(best.job);
      visits.push({
        job: best.job,
        arrivalS: best.start,
        startS: best.start,
        departureS: time,
        loadAfter: [load],
      });
    }
    if (visits.length > 0)
      routes.push({
        vehicle: v,
        trips: [{ departureS: 0, returnS: time, distance: 0, loadStart: [load], visits }],
      });
  }
  return {
    routes,
    unassigned: [...left].map((job) => ({ job, reason: 'fleet-exhausted' as const })),
    cost: 0,
    stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
  };
};

describe('benchmark mode end to end with a naive solver', () => {
  it.each(['C101', 'R101', 'RC208'])('vrptw %s: routes pass the independent checker', async (name) => {
    const path = join(solomonDir(), `${name}.txt`);
    const { out } = await run(['vrptw', path, '--json'], { solve: greedySolve });
    const result = JSON.parse(out) as BenchmarkResult;
    const check = checkBenchmarkSolution(await readSolomonFile(path), result.routes);
    expect(result.unassigned).toBeUndefined();
    expect(check.violations).toEqual([]);
    expect(result.distance).toBeCloseTo(check.distance, 9);
  });

  it('cvrp X-n101-k25: routes pass the independent checker, integer length', async () => {
    const path = join(cvrpDir(), 'X-n101-k25.vrp');
    const { out } = await run(['cvrp', path, '--json'], { solve: greedySolve });
    const result = JSON.parse(out) as BenchmarkResult;
    const check = checkBenchmarkSolution(await readCvrplibFile(path), result.routes);
    expect(check.violations).toEqual([]);
    expect(Number.isInteger(result.distance)).toBe(true);
    expect(result.distance).toBe(check.distance);
  });
});

describe('benchmark mode with the real solver', () => {
  it('vrptw C101 with a small budget gives a feasible solution', async () => {
    const path = join(solomonDir(), 'C101.txt');
    const { out } = await run(
      ['vrptw', path, '--time-limit', '2', '--max-iterations', '200', '--seed', '1', '--json'],
      {},
    );
    const result = JSON.parse(out) as BenchmarkResult;
    const check = checkBenchmarkSolution(await readSolomonFile(path), result.routes);
    expect(check.violations).toEqual([]);
    expect(result.unassigned).toBeUndefined();
    expect(result.vehicles).toBe(check.vehicles);
    expect(result.distance).toBeCloseTo(check.distance, 6);
    expect(result.vehicles).toBeLessThanOrEqual(25);
  });

  it('cvrp X-n101-k25 with a small budget gives a feasible solution with an integer length', async () => {
    const path = join(cvrpDir(), 'X-n101-k25.vrp');
    const { out } = await run(['cvrp', path, '--time-limit', '2', '--max-iterations', '200', '--json'], {});
    const result = JSON.parse(out) as BenchmarkResult;
    const check = checkBenchmarkSolution(await readCvrplibFile(path), result.routes);
    expect(check.violations).toEqual([]);
    expect(Number.isInteger(result.distance)).toBe(true);
    expect(result.distance).toBe(check.distance);
    expect(result.distance).toBeGreaterThanOrEqual(27591);
  });
});
