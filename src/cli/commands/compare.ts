import type { Command } from 'commander';
import { ComparisonSpecError } from '../../contracts/index.ts';
import { comparisonToCsv } from '../../io/comparison-csv.ts';
import { comparisonToHtml } from '../../io/comparison-html.ts';
import { formatComparison } from '../../io/comparison-table.ts';
import { CliError } from '../cli-error.ts';
import { prepareOutputDir, writeOutputs } from '../output-dir.ts';
import { progressLine } from '../progress-line.ts';
import { readComparisonFile } from '../read-comparison.ts';
import { runComparison } from '../run-comparison.ts';
import { searchOverrides, withAllocation, withSearchOptions, type SearchOptions } from '../search-options.ts';

const COMPARISON_FILES = ['comparison.json', 'comparison.csv', 'comparison.html'];

interface CompareOptions extends SearchOptions {
  json?: boolean;
  out?: string;
}

export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description('plan scenario variants (a base and merge patches) and compare their KPIs side by side')
    .argument(
      '<comparison>',
      'comparison JSON file: { base, variants: [{ name, patch?, each? }] } (see README)',
    )
    .option(
      '--json',
      'print { variants: [{ name, kpis, savings, savingsBreakdown, allocation, … }] } instead of the table',
    )
    .option('--out <dir>', 'also write comparison.json, comparison.csv and comparison.html into this folder');
  withSearchOptions(command, 'every variant').action(async (file: string, opts: CompareOptions) => {
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
    const run = runComparison(variants, {
      clock,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...searchOverrides(opts),
      onVariant: (index, v) => {
        finishVariant();
        current = { index, name: v.name, started: clock(), bar: progressLine(process.stderr, clock) };
      },
      onProgress: (_i, p) => current?.bar.update(p),
    });
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
  });
}
