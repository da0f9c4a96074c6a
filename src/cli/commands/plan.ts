import type { Command } from 'commander';
import { comparisonVariant, seedSpread } from '../../contracts/index.ts';
import { planToGeoJson } from '../../io/plan-geojson.ts';
import { planToMapHtml } from '../../io/plan-map-html.ts';
import { CSV_DIALECTS, planToRunsheetsCsv, type CsvDialect } from '../../io/runsheets-csv.ts';
import { planToRunsheetsPdf } from '../../io/runsheets-pdf.ts';
import { planToRunsheetsXlsx } from '../../io/runsheets-xlsx.ts';
import { planToTrunkScheduleCsv } from '../../io/trunk-schedule-csv.ts';
import { DEFAULT_SEED, planScenario } from '../../planner/index.ts';
import { CliError } from '../cli-error.ts';
import { formatPlan } from '../format-plan.ts';
import { formatSpread } from '../format-spread.ts';
import { progressLine } from '../progress-line.ts';
import { prepareOutputDir, writeOutputs } from '../output-dir.ts';
import { withOrderFiles } from '../read-orders.ts';
import { readScenario } from '../read-scenario.ts';
import { searchOverrides, withAllocation, withSearchOptions, type SearchOptions } from '../search-options.ts';

const MAX_SEEDS = 50;
function seedCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS)
    throw new CliError(`--seeds must be an integer from 1 to ${MAX_SEEDS}, got "${value}"`);
  return n;
}

const PLAN_FILES = [
  'plan.json',
  'plan.geojson',
  'runsheets.csv',
  'runsheets.xlsx',
  'runsheets.pdf',
  'trunk-schedule.csv',
  'map.html',
];

function csvDialect(value: string): CsvDialect {
  if (!(CSV_DIALECTS as readonly string[]).includes(value))
    throw new CliError(`--csv-dialect must be one of ${CSV_DIALECTS.join(', ')}, got "${value}"`);
  return value as CsvDialect;
}

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
  withSearchOptions(command, 'the plan').action(
    async (
      file: string,
      opts: SearchOptions & {
        json?: boolean;
        out?: string;
        seeds?: number;
        orders?: string[];
        csvDialect: CsvDialect;
      },
    ) => {
      let scenario = withAllocation(await readScenario(file), opts);
      if (opts.orders) scenario = await withOrderFiles(scenario, opts.orders);
      const clock = () => performance.now();
      const planWith = (seed: number | undefined) => {
        const bar = progressLine(process.stderr, clock);
        const plan = planScenario(scenario, {
          clock,
          onProgress: bar.update,
          ...(seed !== undefined ? { seed } : {}),
          ...searchOverrides(opts),
        });
        bar.done();
        return plan;
      };
      const seeds = opts.seeds !== undefined && opts.seeds > 1 ? opts.seeds : 1;
      const first = opts.seed ?? scenario.options?.seed ?? DEFAULT_SEED;
      const seedFiles = Array.from({ length: seeds }, (_, i) => `plan-seed-${first + i}.json`);
      if (opts.out) await prepareOutputDir(opts.out, seeds > 1 ? ['spread.json', ...seedFiles] : PLAN_FILES);
      if (seeds > 1) {
        const plans = Array.from({ length: seeds }, (_, i) => planWith(first + i));
        const spread = seedSpread(plans.map((p) => comparisonVariant(`seed ${p.scenario.seed}`, p)));
        if (opts.out)
          await writeOutputs(opts.out, {
            'spread.json': JSON.stringify(spread, null, 2) + '\n',
            ...Object.fromEntries(plans.map((p, i) => [seedFiles[i], JSON.stringify(p, null, 2) + '\n'])),
          });
        process.stdout.write(opts.json ? JSON.stringify(spread, null, 2) + '\n' : formatSpread(spread));
        return;
      }
      const plan = planWith(opts.seed);
      for (const w of plan.meta.warnings) process.stderr.write(`warning: ${w}\n`);
      if (opts.out)
        await writeOutputs(opts.out, {
          'plan.json': JSON.stringify(plan, null, 2) + '\n',
          'plan.geojson': JSON.stringify(planToGeoJson(plan)) + '\n',
          'runsheets.csv': planToRunsheetsCsv(plan, scenario, opts.csvDialect),
          'runsheets.xlsx': await planToRunsheetsXlsx(plan, scenario),
          'runsheets.pdf': await planToRunsheetsPdf(plan, scenario),
          'trunk-schedule.csv': planToTrunkScheduleCsv(plan, opts.csvDialect),
          'map.html': planToMapHtml(plan),
        });
      process.stdout.write(opts.json ? JSON.stringify(plan, null, 2) + '\n' : formatPlan(plan));
      if (opts.out && !opts.json) process.stdout.write(`Wrote ${PLAN_FILES.join(', ')} to ${opts.out}\n`);
    },
  );
}
