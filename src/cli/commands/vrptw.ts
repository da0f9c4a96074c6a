import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { RoutingProblem } from '../../domain/routing-problem.ts';
import type { RoutingSolution } from '../../domain/routing-solution.ts';
import { BenchmarkFormatError, type BenchmarkInstance } from '../../io/benchmark/benchmark-instance.ts';
import { toRoutingProblem } from '../../io/benchmark/to-routing-problem.ts';
import type { SolveParams } from '../../solver/api.ts';
import {
  BENCHMARK_FORMATS,
  bestRun,
  MAX_RUNS,
  runOutcome,
  runSeed,
  solveRuns,
  type BenchmarkFormat,
  type RunOutcome,
} from '../benchmark-runs.ts';
import { CliError } from '../cli-error.ts';

/** The solver entry point as the benchmark commands call it (injected in tests). */
export type SolveFn = (
  problem: RoutingProblem,
  params: SolveParams,
) => RoutingSolution | Promise<RoutingSolution>;

export interface BenchmarkCommandDeps {
  readonly solve: SolveFn;
  /** Milliseconds; default `performance.now()`. */
  readonly clock: () => number;
  /** Where results go; default stdout. */
  readonly write: (text: string) => void;
  /** Where warnings go; default stderr. */
  readonly warn: (text: string) => void;
}

/** What `--json` prints (the DESIGN.md benchmark contract, plus `unassigned` when some customer was left out). */
export interface BenchmarkResult {
  readonly routes: number[][];
  readonly vehicles: number;
  readonly distance: number;
  readonly seconds: number;
  /** Search iterations the solver ran: the budget's unit, so quality can be read per iteration as well as per second. */
  readonly iterations: number;
  readonly unassigned?: number[];
  /** With `--threads` above 1: the independent runs made, and the seed of the one printed (benchmark-runs.ts). */
  readonly runs?: number;
  readonly runSeed?: number;
}

interface BenchmarkCommandSpec {
  readonly name: string;
  readonly description: string;
  readonly argument: string;
  readonly format: BenchmarkFormat;
}

interface RawOptions {
  readonly timeLimit: string;
  readonly seed: string;
  readonly objective: string;
  readonly maxIterations?: string;
  readonly threads: string;
  readonly json?: boolean;
}

const DEFAULT_DEPS: BenchmarkCommandDeps = {
  // Loaded on first use, so registering the commands costs nothing and tests can inject a fake solver.
  solve: async (problem, params) => (await import('../../solver/index.ts')).solve(problem, params),
  clock: () => performance.now(),
  write: (text) => process.stdout.write(text),
  warn: (text) => process.stderr.write(text),
};

/** `picon vrptw INSTANCE`: solves a Solomon / Gehring-Homberger instance (Euclidean, travel time = distance). */
export function registerVrptw(program: Command, deps: Partial<BenchmarkCommandDeps> = {}): Command {
  return registerBenchmarkCommand(
    program,
    {
      name: 'vrptw',
      description: 'Solve a Solomon / Gehring-Homberger VRPTW instance (benchmark mode)',
      argument: 'Solomon-format .txt instance',
      format: 'solomon',
    },
    deps,
  );
}

/** Shared by `vrptw` and `cvrp`: options, file reading, solving, output. */
export function registerBenchmarkCommand(
  program: Command,
  spec: BenchmarkCommandSpec,
  deps: Partial<BenchmarkCommandDeps>,
): Command {
  const d: BenchmarkCommandDeps = { ...DEFAULT_DEPS, ...deps };
  return program
    .command(spec.name)
    .description(spec.description)
    .argument('<instance>', spec.argument)
    .option('--time-limit <seconds>', 'search time limit in seconds', '10')
    .option('--seed <n>', 'random seed (non-negative integer)', '1')
    .option(
      '--objective <objective>',
      'distance (file fleet as a limit) or vehicles (fewest vehicles first)',
      'distance',
    )
    .option('--max-iterations <n>', 'also stop after this many search iterations')
    .option(
      '--threads <n>',
      `independent runs, one per worker thread, each with the whole budget; the best is printed (1-${MAX_RUNS})`,
      '1',
    )
    .option('--json', 'print { routes, vehicles, distance, seconds, iterations } as JSON')
    .action(async (path: string, raw: RawOptions) => {
      const started = d.clock();
      // the threads' shared clock, for their time caps (see RunThreadData)
      const startedAtMs = performance.timeOrigin + performance.now();
      const params = solveParams(raw, d.clock);
      const threads = threadCount(raw.threads);
      const text = await readInstanceText(path);
      const instance = parseInstance(text, path, spec.format);
      let runs: RunOutcome[];
      if (threads === 1) {
        const { problem, customerOfJob } = toRoutingProblem(instance);
        runs = [runOutcome(instance, await d.solve(problem, params), customerOfJob)];
      } else {
        const { clock: _clock, onProgress: _onProgress, ...threadParams } = params;
        runs = await solveRuns(
          { text, source: path, format: spec.format, params: threadParams, startedAtMs },
          threads,
        );
      }
      const chosen = bestRun(runs, params.objective);
      const { routes, unassigned, distance } = runs[chosen]!;
      const result: BenchmarkResult = {
        routes,
        vehicles: routes.length,
        distance,
        seconds: Math.round(d.clock() - started) / 1000,
        // the work done: every run's iterations
        iterations: runs.reduce((sum, r) => sum + r.iterations, 0),
        ...(unassigned.length > 0 ? { unassigned } : {}),
        ...(threads > 1 ? { runs: threads, runSeed: runSeed(params.seed, chosen) } : {}),
      };
      if (unassigned.length > 0)
        d.warn(`picon: ${unassigned.length} customer(s) left unassigned: ${unassigned.join(' ')}\n`);
      d.write(raw.json === true ? `${JSON.stringify(result)}\n` : summary(instance, result, raw));
    });
}

function solveParams(raw: RawOptions, clock: () => number): SolveParams {
  const timeLimit = Number(raw.timeLimit);
  if (raw.timeLimit.trim() === '' || !Number.isFinite(timeLimit) || timeLimit <= 0) {
    throw new CliError(`--time-limit must be a positive number of seconds, got "${raw.timeLimit}"`);
  }
  const seed = Number(raw.seed);
  if (!/^\d+$/.test(raw.seed.trim()) || !Number.isSafeInteger(seed)) {
    throw new CliError(`--seed must be a non-negative integer, got "${raw.seed}"`);
  }
  if (raw.objective !== 'distance' && raw.objective !== 'vehicles') {
    throw new CliError(`--objective must be "distance" or "vehicles", got "${raw.objective}"`);
  }
  let maxIterations: number | undefined;
  if (raw.maxIterations !== undefined) {
    maxIterations = Number(raw.maxIterations);
    if (
      !/^\d+$/.test(raw.maxIterations.trim()) ||
      !Number.isSafeInteger(maxIterations) ||
      maxIterations < 1
    ) {
      throw new CliError(`--max-iterations must be a positive integer, got "${raw.maxIterations}"`);
    }
  }
  return {
    seed,
    clock,
    timeLimitMs: timeLimit * 1000,
    objective: raw.objective === 'vehicles' ? 'vehicles' : 'cost',
    ...(maxIterations !== undefined ? { maxIterations } : {}),
  };
}

function threadCount(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_RUNS)
    throw new CliError(`--threads must be an integer from 1 to ${MAX_RUNS}, got "${raw}"`);
  return n;
}

async function readInstanceText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `instance file not found: ${path}`
        : `cannot read instance file ${path}: ${(err as Error).message}`,
    );
  }
}

function parseInstance(text: string, path: string, format: BenchmarkFormat): BenchmarkInstance {
  try {
    return BENCHMARK_FORMATS[format](text, path);
  } catch (err) {
    if (err instanceof BenchmarkFormatError) throw new CliError(`invalid instance file: ${err.message}`);
    throw err;
  }
}

function summary(instance: BenchmarkInstance, r: BenchmarkResult, raw: RawOptions): string {
  const lines = [
    `${instance.name}: ${r.vehicles} vehicles, distance ${instance.rounding === 'exact' ? r.distance.toFixed(2) : r.distance}, ${r.seconds.toFixed(2)} s ` +
      `(objective ${raw.objective}, seed ${raw.seed}${r.runs !== undefined ? `, best of ${r.runs} runs: seed ${r.runSeed}` : ''}, ` +
      `${instance.nodes.length - 1} customers, fleet ${instance.fleetSize})`,
  ];
  if (r.unassigned !== undefined) lines.push(`unassigned: ${r.unassigned.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
