import { ComparisonSpecError } from '../../contracts/index.ts';
import { comparisonToCsv } from '../../io/comparison-csv.ts';
import { comparisonToHtml } from '../../io/comparison-html.ts';
import { formatComparison } from '../../io/comparison-table.ts';
import { CliError } from '../cli-error.ts';
import { prepareOutputDir, writeOutputs } from '../output-dir.ts';
import { COMPARISON_FILES } from '../output-files.ts';
import { progressLine } from '../progress-line.ts';
import { readComparisonFile } from '../read-comparison.ts';
import { planThreadCount, withPlanThreads } from '../plan-threads.ts';
import { runComparison, runComparisonWith, type ComparisonRunOptions } from '../run-comparison.ts';
import { searchOverrides, withAllocation, type SearchOptions } from '../search-options.ts';

/** `picon compare`'s options as commander parses them. */
export interface CompareOptions extends SearchOptions {
  json?: boolean;
  out?: string;
}

/** `picon compare FILE`: plans every variant, prints the side-by-side table or JSON, writes --out. */
export async function runCompare(file: string, opts: CompareOptions): Promise<void> {
  let spec;
  try {
    spec = await readComparisonFile(file);
  } catch (err) {
    if (err instanceof ComparisonSpecError)
      throw new CliError(
        `invalid comparison ${file}:\n${err.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
      );
    throw err;
  }
  const variants = spec.variants.map((v) => ({ ...v, scenario: withAllocation(v.scenario, opts) }));
  const title = spec.name ?? `Comparison ${file}`;
  if (opts.out) await prepareOutputDir(opts.out, COMPARISON_FILES);
  const clock = () => performance.now();
  const started = clock();
  process.stderr.write(`Planning ${variants.length} variants of ${file}\n`);
  let current:
    { index: number; name: string; started: number; bar: ReturnType<typeof progressLine> } | undefined;
  const finishVariant = () => {
    if (!current) return;
    current.bar.done();
    const seconds = ((clock() - current.started) / 1000).toFixed(1);
    process.stderr.write(`[${current.index + 1}/${variants.length}] ${current.name}: ${seconds} s\n`);
  };
  const day = { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...searchOverrides(opts) };
  const options: ComparisonRunOptions = {
    clock,
    ...day,
    onVariant: (index, v) => {
      finishVariant();
      current = { index, name: v.name, started: clock(), bar: progressLine(process.stderr, clock) };
    },
    onProgress: (_i, p) => current?.bar.update(p),
  };
  // each variant's routing tasks and cost game on one thread per core: the same plans, sooner
  const threads = planThreadCount();
  const run =
    threads > 0
      ? await runComparisonWith(
          variants,
          (scenario, plan) => withPlanThreads(scenario, day, threads, plan),
          options,
        )
      : runComparison(variants, options);
  finishVariant();
  const { solved, reused } = run.baselineTasks;
  process.stderr.write(
    `${variants.length} variants planned in ${((clock() - started) / 1000).toFixed(1)} s; ` +
      `carriers' own rounds: ${solved} solved, ${reused} shared between variants with the same baseline inputs\n`,
  );
  for (const v of run.variants)
    for (const w of v.warnings) process.stderr.write(`warning: ${v.name}: ${w}\n`);
  const comparison = { variants: run.variants };
  if (opts.out)
    await writeOutputs(opts.out, {
      'comparison.json': JSON.stringify(comparison, null, 2) + '\n',
      'comparison.csv': comparisonToCsv(run.variants),
      'comparison.html': comparisonToHtml(run.variants, title),
    });
  process.stdout.write(
    opts.json ? JSON.stringify(comparison, null, 2) + '\n' : formatComparison(run.variants, title),
  );
  if (opts.out && !opts.json)
    process.stdout.write(`Wrote comparison.json, comparison.csv and comparison.html to ${opts.out}\n`);
}
