import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { formatOutcome, formatSummaryMarkdown, formatSummaryText, summarise } from './report.ts';
import { runSuite, type InstanceOutcome, type RunOptions, type SuiteSpec } from './run-suite.ts';

export interface BenchDefinition {
  readonly title: string;
  readonly defaultDir: string;
  /** Builds the suite for a folder and objective (the BKS table may depend on the objective). */
  readonly suite: (dir: string, objective: RunOptions['objective']) => SuiteSpec;
}

/** The shared command line of bench/solomon.ts and bench/cvrp.ts. */
export async function benchMain(def: BenchDefinition, argv: readonly string[]): Promise<void> {
  const program = new Command(def.title)
    .option('--time-limit <seconds>', 'time limit per instance', '10')
    .option('--seed <n>', 'random seed', '1')
    .option('--objective <objective>', 'distance or vehicles', 'distance')
    .option('--max-iterations <n>', 'iteration limit per instance')
    .option('--filter <prefixes>', 'comma-separated instance name prefixes, e.g. R1,RC2')
    .option('--dir <folder>', 'instance folder', def.defaultDir)
    .option('--markdown', 'print the summary as a markdown table for docs/BENCHMARKS.md')
    .option('--out <file.json>', 'also write every instance outcome as JSON')
    .parse([...argv], { from: 'user' });
  const o = program.opts<{
    timeLimit: string;
    seed: string;
    objective: string;
    maxIterations?: string;
    filter?: string;
    dir: string;
    markdown?: boolean;
    out?: string;
  }>();
  const timeLimitS = Number(o.timeLimit);
  const seed = Number(o.seed);
  if (!(timeLimitS > 0)) program.error(`--time-limit must be a positive number, got "${o.timeLimit}"`);
  if (!Number.isInteger(seed) || seed < 0)
    program.error(`--seed must be a non-negative integer, got "${o.seed}"`);
  if (o.objective !== 'distance' && o.objective !== 'vehicles')
    program.error(`--objective must be distance or vehicles`);
  const maxIterations = o.maxIterations === undefined ? undefined : Number(o.maxIterations);
  if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations > 0))
    program.error('--max-iterations must be a positive integer');
  const objective = o.objective as RunOptions['objective'];

  const spec = def.suite(o.dir, objective);
  const opts: RunOptions = { timeLimitS, seed, objective, maxIterations, filter: o.filter };
  const log = (s: string): boolean => process.stderr.write(s);
  log(
    `${def.title}: ${o.dir}, time limit ${timeLimitS} s, seed ${seed}, objective ${objective}${o.filter ? `, filter ${o.filter}` : ''}\n`,
  );
  const outcomes: InstanceOutcome[] = await runSuite(spec, opts, (r) => log(`${formatOutcome(r)}\n`));
  if (outcomes.length === 0)
    program.error(`no instance matches${o.filter ? ` --filter ${o.filter}` : ''} in ${o.dir}`);

  const rows = summarise(outcomes);
  const caption = `${def.title}, ${timeLimitS} s per instance, seed ${seed}, objective ${objective}${o.filter ? `, filter ${o.filter}` : ''} (${new Date().toISOString().slice(0, 10)})`;
  process.stdout.write(
    o.markdown === true ? formatSummaryMarkdown(rows, caption) : `\n${formatSummaryText(rows)}`,
  );
  if (o.out !== undefined)
    writeFileSync(o.out, JSON.stringify({ caption, options: opts, outcomes, summary: rows }, null, 2));
  if (outcomes.some((r) => !r.feasible)) process.exitCode = 1;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
