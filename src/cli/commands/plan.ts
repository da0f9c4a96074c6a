import type { Command } from 'commander';
import { CSV_DIALECTS, type CsvDialect } from '../../io/csv-dialect.ts';
import { CliError } from '../cli-error.ts';
import { PLAN_FILES } from '../output-files.ts';
import { withSearchOptions } from '../search-options.ts';
import type { PlanOptions } from './plan-run.ts';

const MAX_SEEDS = 50;
function seedCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS)
    throw new CliError(`--seeds must be an integer from 1 to ${MAX_SEEDS}, got "${value}"`);
  return n;
}

function csvDialect(value: string): CsvDialect {
  if (!(CSV_DIALECTS as readonly string[]).includes(value))
    throw new CliError(`--csv-dialect must be one of ${CSV_DIALECTS.join(', ')}, got "${value}"`);
  return value as CsvDialect;
}

/** Registers `picon plan`; what it does is in plan-run.ts, loaded when it runs (so `--help` stays cheap). */
export function registerPlan(program: Command): void {
  const command = program
    .command('plan')
    .description('plan a city day: baseline vs consolidated runs, with the savings')
    .argument('<scenario>', 'scenario JSON file (see docs/ and fixtures/)')
    .option('--json', 'print the whole plan as JSON instead of the table')
    .option('--out <dir>', `also write ${PLAN_FILES.join(', ')} into this folder (checked before solving)`)
    .option(
      '--csv-dialect <dialect>',
      'runsheets.csv for spreadsheets in: en (, and decimal points) or fr (; decimal commas, UTF-8 BOM)',
      csvDialect,
      'en',
    )
    .option(
      '--seeds <n>',
      `plan with n seeds (seed, seed+1, …; at most ${MAX_SEEDS}) and print each figure as median [min–max]`,
      seedCount,
    )
    .option(
      '--orders <file...>',
      "carriers' order files (CSV with , ; or tab, decimal point or comma; or XLSX) replacing the scenario's orders",
    );
  withSearchOptions(command, 'the plan').action(async (file: string, opts: PlanOptions) => {
    // loaded when the command runs: the planner, the solver and the exporters (exceljs, pdfkit) are heavy
    const { runPlan } = await import('./plan-run.ts');
    await runPlan(file, opts);
  });
}
