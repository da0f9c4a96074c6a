import type { Command } from 'commander';
import { withSearchOptions } from '../search-options.ts';
import type { CompareOptions } from './compare-run.ts';

/** Registers `picon compare`; what it does is in compare-run.ts, loaded when it runs (so `--help` stays cheap). */
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
    const { runCompare } = await import('./compare-run.ts');
    await runCompare(file, opts);
  });
}
