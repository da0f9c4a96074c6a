/**
 * Runs a benchmark suite instance by instance, each in a child process running the real `picon vrptw|cvrp
 * --json` command (bin/picon.mjs, so each instance gets a fresh heap and a crash or a runaway search costs one
 * instance, not the suite), checks every answer with the independent checker and compares it with the best
 * known solutions. Reporting lives in report.ts.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchmarkInstance } from '../../src/io/benchmark/benchmark-instance.ts';
import type { BestKnown } from '../../src/io/benchmark/bks.ts';
import { checkBenchmarkSolution, type Violation } from './check-benchmark-solution.ts';
import { AT_BKS_GAP_PCT } from './report.ts';
import { staleReason } from '../../bin/build-stamp.mjs';

export interface SuiteSpec {
  readonly command: 'vrptw' | 'cvrp';
  readonly dir: string;
  /** File name suffix of the instances, e.g. `.txt`. */
  readonly extension: string;
  readonly parse: (text: string, source: string) => BenchmarkInstance;
  readonly bks: ReadonlyMap<string, BestKnown>;
  /** Report group of an instance, e.g. `R1`. */
  readonly classOf: (name: string) => string;
}

export interface RunOptions {
  readonly timeLimitS: number;
  /** Each instance is solved once per seed. */
  readonly seeds: readonly number[];
  /** Instances solved at once (each its own process); 1 = one after another, so each has a core to itself. */
  readonly jobs: number;
  readonly objective: 'distance' | 'vehicles';
  readonly maxIterations?: number | undefined;
  /** Independent runs per solve, one per worker thread (the command's `--threads`); 1 = one search. */
  readonly threads?: number | undefined;
  /** Comma-separated name prefixes (case-insensitive); empty = every instance. */
  readonly filter?: string | undefined;
}

export interface InstanceOutcome {
  readonly name: string;
  readonly group: string;
  readonly seed: number;
  /** Undefined when the run failed (crash, timeout, unreadable output). */
  readonly vehicles?: number;
  readonly distance?: number;
  readonly seconds?: number;
  readonly iterations?: number;
  readonly feasible: boolean;
  readonly violations: readonly Violation[];
  readonly error?: string;
  readonly bks?: BestKnown;
  /** (distance - BKS) / BKS in percent, for feasible runs with a BKS. */
  readonly gapPct?: number;
  /**
   * Matches or beats the BKS: gap <= AT_BKS_GAP_PCT; under objective `vehicles` (hierarchical BKS) fewer
   * vehicles, or as many and that gap.
   */
  readonly atBks: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The command users run. It runs the build in dist/ when that was compiled from these sources, else the
 * sources through tsx (childCode says which): from the build, `--threads` runs start without compiling
 * TypeScript again in each thread, which at 2 s a solve left two runs fewer iterations together than one run
 * alone got (2,391 against 2,759; docs/BENCHMARKS.md).
 */
const PICON = join(REPO_ROOT, 'bin', 'picon.mjs');
/** Allowance on top of the time limit before a child is killed: process start, tsx, construction, output. */
const KILL_GRACE_S = 60;

export function listInstances(spec: SuiteSpec, filter: string | undefined): string[] {
  const prefixes = (filter ?? '')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  return readdirSync(spec.dir)
    .filter((f) => f.endsWith(spec.extension))
    .map((f) => f.slice(0, -spec.extension.length))
    .filter((name) => prefixes.length === 0 || prefixes.some((p) => name.toLowerCase().startsWith(p)))
    .sort(compareNames);
}

/**
 * Runs every instance once per seed, `opts.jobs` at a time; `onResult` is called as each one finishes. The
 * outcomes come back seed by seed, instances in natural order, whatever order they finished in.
 */
export async function runSuite(
  spec: SuiteSpec,
  opts: RunOptions,
  onResult: (r: InstanceOutcome) => void,
): Promise<InstanceOutcome[]> {
  const names = listInstances(spec, opts.filter);
  const runs = opts.seeds.flatMap((seed) => names.map((name) => ({ seed, name })));
  const outcomes: InstanceOutcome[] = new Array<InstanceOutcome>(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const at = next++;
      const run = runs[at]!;
      const outcome = await runOne(spec, run.name, run.seed, opts);
      outcomes[at] = outcome;
      onResult(outcome);
    }
  };
  // a worker with no run left returns at once, so more workers than runs cost nothing
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs) }, worker));
  return outcomes;
}

async function runOne(
  spec: SuiteSpec,
  name: string,
  seed: number,
  opts: RunOptions,
): Promise<InstanceOutcome> {
  const path = join(spec.dir, name + spec.extension);
  const group = spec.classOf(name);
  const bks = spec.bks.get(name);
  const base = { name, group, seed, atBks: false, ...(bks !== undefined ? { bks } : {}) };
  const instance = spec.parse(readFileSync(path, 'utf8'), path);
  const args = [
    spec.command,
    path,
    '--json',
    '--time-limit',
    String(opts.timeLimitS),
    '--seed',
    String(seed),
    '--objective',
    opts.objective,
  ];
  if (opts.maxIterations !== undefined) args.push('--max-iterations', String(opts.maxIterations));
  if (opts.threads !== undefined && opts.threads > 1) args.push('--threads', String(opts.threads));

  const child = await runChild(args, opts.timeLimitS + KILL_GRACE_S);
  if (child.error !== undefined) return { ...base, feasible: false, violations: [], error: child.error };
  let parsed: { routes: number[][]; seconds: number; iterations: number };
  try {
    parsed = JSON.parse(child.stdout) as { routes: number[][]; seconds: number; iterations: number };
  } catch {
    return {
      ...base,
      feasible: false,
      violations: [],
      error: `unreadable output: ${child.stdout.slice(0, 200)}`,
    };
  }
  const check = checkBenchmarkSolution(instance, parsed.routes);
  const gapPct =
    check.feasible && bks !== undefined ? ((check.distance - bks.distance) / bks.distance) * 100 : undefined;
  const gapOk = gapPct !== undefined && gapPct <= AT_BKS_GAP_PCT;
  const atBks =
    bks !== undefined &&
    check.feasible &&
    (opts.objective === 'vehicles'
      ? check.vehicles < bks.vehicles || (check.vehicles === bks.vehicles && gapOk)
      : gapOk);
  return {
    ...base,
    atBks,
    vehicles: check.vehicles,
    distance: check.distance,
    seconds: parsed.seconds,
    iterations: parsed.iterations,
    feasible: check.feasible,
    violations: check.violations,
    ...(gapPct !== undefined ? { gapPct } : {}),
  };
}

/** What the children run: the build, or the sources and why (for the runner's header). */
export function childCode(): string {
  const stale = staleReason(REPO_ROOT);
  return stale === null ? 'the build in dist/' : `the sources through tsx (${stale})`;
}

function runChild(args: string[], killAfterS: number): Promise<{ stdout: string; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PICON, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, killAfterS * 1000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ stdout, error: `cannot start: ${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ stdout, error: `killed after ${killAfterS} s` });
      else if (code !== 0)
        resolve({
          stdout,
          error: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`,
        });
      else resolve({ stdout });
    });
  });
}

/** Natural order: C101 < C102 < C201 < R101 < RC101; X-n101 < X-n153 < X-n1001. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
