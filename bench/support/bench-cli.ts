import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { MAX_RUNS } from '../../src/cli/benchmark-runs.ts';
import {
  formatMarkdownTable,
  formatOutcome,
  formatSummaryMarkdown,
  formatSummaryText,
  formatTextTable,
  summarise,
} from './report.ts';
import { childCode, runSuite, type InstanceOutcome, type RunOptions, type SuiteSpec } from './run-suite.ts';
import { parseSeedList } from './seed-list.ts';
import { spreadByInstance, spreadTable, summariseBySeed } from './seed-report.ts';

/** At most this many instances solved at once. */
const MAX_JOBS = 16;

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
    .option(
      '--seeds <list>',
      'several seeds instead of --seed, e.g. 1-5 or 1,3,7: each instance once per seed',
    )
    .option(
      '--jobs <n>',
      `instances solved at once, each in its own process, 1-${MAX_JOBS} (times then share the machine)`,
      '1',
    )
    .option('--objective <objective>', 'distance or vehicles', 'distance')
    .option('--max-iterations <n>', 'iteration limit per instance')
    .option(
      '--threads <n>',
      'independent runs per instance, one per thread, the best kept (give each instance that many cores: --jobs)',
      '1',
    )
    .option('--filter <prefixes>', 'comma-separated instance name prefixes, e.g. R1,RC2')
    .option('--dir <folder>', 'instance folder', def.defaultDir)
    .option('--markdown', 'print the summary as a markdown table for docs/BENCHMARKS.md')
    .option('--out <file.json>', 'also write every instance outcome as JSON')
    .parse([...argv], { from: 'user' });
  const o = program.opts<{
    timeLimit: string;
    seed: string;
    seeds?: string;
    jobs: string;
    objective: string;
    maxIterations?: string;
    threads: string;
    filter?: string;
    dir: string;
    markdown?: boolean;
    out?: string;
  }>();
  const timeLimitS = Number(o.timeLimit);
  if (!(timeLimitS > 0)) program.error(`--time-limit must be a positive number, got "${o.timeLimit}"`);
  const seeds = seedsOf(program, o);
  const jobs = Number(o.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS)
    program.error(`--jobs must be an integer from 1 to ${MAX_JOBS}, got "${o.jobs}"`);
  if (o.objective !== 'distance' && o.objective !== 'vehicles')
    program.error(`--objective must be distance or vehicles`);
  const maxIterations = o.maxIterations === undefined ? undefined : Number(o.maxIterations);
  if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations > 0))
    program.error('--max-iterations must be a positive integer');
  const threads = Number(o.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_RUNS)
    program.error(`--threads must be an integer from 1 to ${MAX_RUNS}, got "${o.threads}"`);
  const objective = o.objective as RunOptions['objective'];

  const spec = def.suite(o.dir, objective);
  const opts: RunOptions = { timeLimitS, seeds, jobs, objective, maxIterations, threads, filter: o.filter };
  const log = (s: string): boolean => process.stderr.write(s);
  const seedText = seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${o.seeds}`;
  log(
    `${def.title}: ${o.dir}, time limit ${timeLimitS} s, ${seedText}, objective ${objective}${o.filter ? `, filter ${o.filter}` : ''}${jobs > 1 ? `, ${jobs} at once` : ''}${threads > 1 ? `, best of ${threads} runs on as many threads` : ''}\n` +
      `each instance runs \`picon ${spec.command}\` from ${childCode()}\n`,
  );
  const several = seeds.length > 1;
  const outcomes: InstanceOutcome[] = await runSuite(spec, opts, (r) =>
    log(`${several ? `seed ${r.seed}  ` : ''}${formatOutcome(r)}\n`),
  );
  if (outcomes.length === 0)
    program.error(`no instance matches${o.filter ? ` --filter ${o.filter}` : ''} in ${o.dir}`);

  const rows = summarise(outcomes);
  const budget =
    (maxIterations === undefined ? '' : `, at most ${maxIterations} iterations`) +
    (threads > 1 ? `, best of ${threads} runs (${threads} threads)` : '');
  const caption = `${def.title}, ${timeLimitS} s per instance${budget}, ${seedText}, objective ${objective}${o.filter ? `, filter ${o.filter}` : ''} (${new Date().toISOString().slice(0, 10)})`;
  const bySeed = several ? summariseBySeed(outcomes) : [];
  const byInstance = several ? spreadByInstance(outcomes) : [];
  const spread = spreadTable(outcomes, byInstance);
  if (o.markdown === true) {
    const parts = [formatSummaryMarkdown(rows, several ? `${caption}: every seed's runs together` : caption)];
    if (several) {
      parts.push(formatSummaryMarkdown(bySeed, 'Per seed:', 'seed'));
      parts.push(formatMarkdownTable(spread, 'Per instance:'));
    }
    process.stdout.write(parts.join('\n'));
  } else {
    process.stdout.write(`\n${formatSummaryText(rows)}`);
    if (several) process.stdout.write(`\n${formatSummaryText(bySeed, 'seed')}\n${formatTextTable(spread)}`);
  }
  if (o.out !== undefined) {
    const bySeeds = several ? { bySeed, byInstance } : {};
    writeFileSync(
      o.out,
      JSON.stringify({ caption, options: opts, outcomes, summary: rows, ...bySeeds }, null, 2),
    );
  }
  if (outcomes.some((r) => !r.feasible)) process.exitCode = 1;
}

/** The seeds to run: `--seeds` (a list), else `--seed`; both at once is an error. */
function seedsOf(program: Command, o: { seed: string; seeds?: string }): number[] {
  if (o.seeds !== undefined) {
    if (program.getOptionValueSource('seed') === 'cli') program.error('give --seed or --seeds, not both');
    try {
      return parseSeedList(o.seeds);
    } catch (err) {
      return program.error(`--seeds: ${(err as Error).message}`);
    }
  }
  const seed = Number(o.seed);
  if (!Number.isInteger(seed) || seed < 0)
    program.error(`--seed must be a non-negative integer, got "${o.seed}"`);
  return [seed];
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
