/**
 * The solution-quality runs: fixed seeds and iteration budgets on a few public benchmark instances and the
 * Lille day, and what each reaches. Shared by the regression test (solution-quality.test.ts) and the
 * recorder (`npm run quality:record`, record.ts), so both measure exactly the same thing.
 *
 * Every figure recorded here is recomputed outside the solver: benchmark distances by the independent
 * benchmark checker, plan costs from the plan's routes and trunk legs at the vehicle types' cost rates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBenchmarkSolution } from '../../bench/support/check-benchmark-solution.ts';
import { scenarioSchema, type Plan, type PlanRoute } from '../../src/contracts/index.ts';
import type { City } from '../../src/domain/city.ts';
import { readCvrplibFile, readSolomonFile } from '../../src/io/benchmark/load-instance.ts';
import { customerRoutes } from '../../src/io/benchmark/solution-routes.ts';
import { toRoutingProblem } from '../../src/io/benchmark/to-routing-problem.ts';
import { buildCity, planScenario } from '../../src/planner/index.ts';
import { solve } from '../../src/solver/index.ts';
import { cvrpDir, solomonDir } from '../support/benchmark-fixtures.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

/** One benchmark run: `picon <command> <file> --seed <seed> --max-iterations <iterations>` (objective distance). */
export interface BenchmarkRun {
  readonly kind: 'benchmark';
  readonly command: 'vrptw' | 'cvrp';
  /** File name under fixtures/benchmarks/solomon or fixtures/benchmarks/cvrp-x. */
  readonly instance: string;
  readonly seed: number;
  readonly iterations: number;
}

/** One planning run: `planScenario` on a scenario file at a fixed effort (seed: the scenario's own). */
export interface PlanRun {
  readonly kind: 'plan';
  /** Path from the repository root. */
  readonly scenario: string;
  readonly effort: 'quick';
}

export type QualityRun = BenchmarkRun | PlanRun;

/**
 * What a run reaches. `costs` are what the test gates on (lower is better, none may get worse by more
 * than the tolerance); `info` is recorded for the reader (vehicles, vehicle-km: not what the solver
 * minimises, so a better cost may legitimately move them either way).
 */
export interface QualityResult {
  readonly id: string;
  readonly costs: Readonly<Record<string, number>>;
  readonly info: Readonly<Record<string, number>>;
}

const SEEDS = [1, 2, 3] as const;
/**
 * Iterations per benchmark run: enough that the search is well past construction (the local search and
 * the annealing both matter), few enough that the 18 runs take ~10 s on this 2-core machine.
 */
const BENCHMARK_ITERATIONS = 1000;

const INSTANCES: readonly { command: 'vrptw' | 'cvrp'; instance: string }[] = [
  { command: 'vrptw', instance: 'C101.txt' },
  { command: 'vrptw', instance: 'R101.txt' },
  { command: 'vrptw', instance: 'RC208.txt' },
  { command: 'cvrp', instance: 'X-n101-k25.vrp' },
  { command: 'cvrp', instance: 'X-n153-k22.vrp' },
  { command: 'cvrp', instance: 'X-n200-k36.vrp' },
];

export const QUALITY_RUNS: readonly QualityRun[] = [
  ...INSTANCES.flatMap(({ command, instance }) =>
    SEEDS.map((seed): BenchmarkRun => ({
      kind: 'benchmark',
      command,
      instance,
      seed,
      iterations: BENCHMARK_ITERATIONS,
    })),
  ),
  { kind: 'plan', scenario: 'fixtures/lille/day.json', effort: 'quick' },
];

const REPO = join(import.meta.dirname, '../..');

export function runId(run: QualityRun): string {
  return run.kind === 'benchmark'
    ? `${run.command} ${run.instance} seed ${run.seed} iterations ${run.iterations}`
    : `plan ${run.scenario} effort ${run.effort}`;
}

/** The command line that reproduces a run by hand (benchmark mode, or `picon plan`). */
export function runCommand(run: QualityRun): string {
  if (run.kind === 'plan')
    return `picon plan ${run.scenario} --effort ${run.effort} --allocation pro-rata-by-kg --json`;
  const dir = run.command === 'vrptw' ? 'fixtures/benchmarks/solomon' : 'fixtures/benchmarks/cvrp-x';
  // a generous time limit: the iteration budget, not the clock, ends the search
  return `picon ${run.command} ${dir}/${run.instance} --seed ${run.seed} --max-iterations ${run.iterations} --time-limit 3600 --json`;
}

export async function measure(run: QualityRun): Promise<QualityResult> {
  return run.kind === 'benchmark' ? measureBenchmark(run) : measurePlan(run);
}

async function measureBenchmark(run: BenchmarkRun): Promise<QualityResult> {
  const id = runId(run);
  const instance =
    run.command === 'vrptw'
      ? await readSolomonFile(join(solomonDir(), run.instance))
      : await readCvrplibFile(join(cvrpDir(), run.instance));
  const { problem, customerOfJob } = toRoutingProblem(instance);
  // a clock that never moves: only the iteration budget can end the search, on any machine
  const solution = solve(problem, {
    seed: run.seed,
    clock: () => 0,
    timeLimitMs: 3_600_000,
    maxIterations: run.iterations,
  });
  if (solution.stats.iterations !== run.iterations)
    throw new Error(`${id}: ran ${solution.stats.iterations} iterations instead of ${run.iterations}`);
  if (solution.unassigned.length > 0)
    throw new Error(`${id}: ${solution.unassigned.length} customers left out`);
  const check = checkBenchmarkSolution(instance, customerRoutes(solution, customerOfJob));
  if (!check.feasible) throw new Error(`${id}: infeasible: ${check.violations[0]?.message}`);
  // the solver's objective is the distance here (1 per unit, no fixed cost): both must agree
  if (Math.abs(solution.cost - check.distance) > 1e-6 * check.distance)
    throw new Error(`${id}: solver cost ${solution.cost} but the checker's distance is ${check.distance}`);
  return { id, costs: { distance: round(check.distance) }, info: { vehicles: check.vehicles } };
}

function measurePlan(run: PlanRun): QualityResult {
  const id = runId(run);
  // routing quality does not depend on the sharing rule; the cost game of 10 carriers would cost minutes
  const scenario = withoutCostGame(
    scenarioSchema.parse(JSON.parse(readFileSync(join(REPO, run.scenario), 'utf8'))),
  );
  const plan = planScenario(scenario, { effort: run.effort });
  if (plan.meta.timeCapped)
    throw new Error(`${id}: the wall-clock cap cut a solve short; the figures are not reproducible`);
  const city = buildCity(scenario, { effort: run.effort });
  const baselineCostEur = planCostEur(city, plan.baseline.routes, []);
  const consolidatedCostEur =
    planCostEur(city, plan.consolidated.routes, plan.consolidated.trunk) + hubsCostEur(city, plan);
  crossCheckAllocation(id, plan, baselineCostEur, consolidatedCostEur);
  return {
    id,
    costs: { baselineCostEur: round(baselineCostEur), consolidatedCostEur: round(consolidatedCostEur) },
    info: {
      baselineVehicleKm: plan.baseline.kpis.vehicleKm,
      consolidatedVehicleKm: plan.consolidated.kpis.vehicleKm,
      baselineVehicles: plan.baseline.kpis.vehicles,
      consolidatedVehicles: plan.consolidated.kpis.vehicles,
      iterations: plan.meta.iterations,
    },
  };
}

/**
 * A plan's cost in EUR, recomputed here from its routes: each vehicle's fixed cost once, each route's
 * km and hours at its type's rates; road trunk trips the same way (sailings carry no cost).
 * (The objective each solve minimises, summed over the plan's solves.)
 */
function planCostEur(city: City, routes: readonly PlanRoute[], trunk: Plan['consolidated']['trunk']): number {
  const rates = new Map(city.vehicleTypes.map((t) => [t.id, t]));
  const rate = (id: string) => {
    const t = rates.get(id);
    if (t === undefined) throw new Error(`plan uses vehicle type ${id}, which the scenario does not have`);
    return t;
  };
  const vehicles = new Map(routes.map((r) => [r.vehicle, r.vehicleType]));
  let cost = 0;
  for (const type of vehicles.values()) cost += rate(type).fixedCostEur;
  for (const r of routes)
    cost +=
      r.distanceKm * rate(r.vehicleType).costPerKmEur +
      (r.durationMin / 60) * rate(r.vehicleType).costPerHourEur;
  const road = trunk.filter((t) => t.mode === 'road');
  for (const type of new Map(road.map((t) => [t.vehicle, t.vehicleType])).values())
    cost += rate(type).fixedCostEur;
  for (const t of road)
    cost +=
      t.distanceKm * rate(t.vehicleType).costPerKmEur +
      (t.durationMin / 60) * rate(t.vehicleType).costPerHourEur;
  return cost;
}

/** Each open hub's fixed cost plus its handling units at the city's labour cost per unit. */
function hubsCostEur(city: City, plan: Plan): number {
  return plan.consolidated.hubs.reduce((sum, row) => {
    const hub = city.hubs.find((h) => h.id === row.id);
    return sum + (hub && row.open ? hub.fixedCostEurPerDay + row.units * hub.handlingCostEurPerUnit : 0);
  }, 0);
}

/** The plan's own allocation must add up to the same costs (it rounds each carrier's figure to cents). */
function crossCheckAllocation(id: string, plan: Plan, baseline: number, consolidated: number): void {
  const cents = 0.005 * plan.allocation.length + 1e-6;
  const standalone = plan.allocation.reduce((s, a) => s + a.standaloneCost, 0);
  const allocated = plan.allocation.reduce((s, a) => s + a.allocatedCost, 0);
  if (Math.abs(standalone - baseline) > cents)
    throw new Error(
      `${id}: allocation's standalone costs add up to ${standalone}, the baseline routes cost ${baseline}`,
    );
  if (Math.abs(allocated - consolidated) > cents)
    throw new Error(
      `${id}: allocated costs add up to ${allocated}, the consolidated plan costs ${consolidated}`,
    );
}

const round = (x: number): number => Number(x.toFixed(2));
