import { comparisonVariant, seedSpread } from '../../contracts/index.ts';
import { planToGeoJson } from '../../io/plan-geojson.ts';
import { planToMapHtml } from '../../io/plan-map-html.ts';
import { planToRunsheetsCsv } from '../../io/runsheets-csv.ts';
import { planToTrunkScheduleCsv } from '../../io/trunk-schedule-csv.ts';
import { DEFAULT_SEED, planScenario, planScenarioWith } from '../../planner/index.ts';
import { planThreadCount, withPlanThreads } from '../plan-threads.ts';
import { formatPlan } from '../format-plan.ts';
import { formatSpread } from '../format-spread.ts';
import { progressLine } from '../progress-line.ts';
import { prepareOutputDir, writeOutputs } from '../output-dir.ts';
import { writeJson } from '../../io/write-json.ts';
import { readScenario } from '../read-scenario.ts';
import { searchOverrides, withAllocation, type SearchOptions } from '../search-options.ts';
import { PLAN_FILES } from '../output-files.ts';
import type { CsvDialect } from '../../io/csv-dialect.ts';

/** `picon plan`'s options as commander parses them. */
export interface PlanOptions extends SearchOptions {
  json?: boolean;
  out?: string;
  seeds?: number;
  orders?: string[];
  csvDialect: CsvDialect;
}

/** `picon plan FILE`: plans the day (or one per seed with --seeds), prints the table or JSON, writes --out. */
export async function runPlan(file: string, opts: PlanOptions): Promise<void> {
  let scenario = withAllocation(await readScenario(file), opts);
  if (opts.orders) {
    // loaded only when asked for, as the XLSX and PDF exporters below: exceljs and pdfkit take a third of a
    // second of CPU to load, before a plan that may take a few seconds in all (effort draft)
    const { withOrderFiles } = await import('../read-orders.ts');
    scenario = await withOrderFiles(scenario, opts.orders);
  }
  const clock = () => performance.now();
  const threads = planThreadCount();
  const planWith = async (seed: number | undefined) => {
    const bar = progressLine(process.stderr, clock);
    const day = { ...(seed !== undefined ? { seed } : {}), ...searchOverrides(opts) };
    const options = { clock, onProgress: bar.update, ...day };
    // routing tasks and the cost game's coalitions on one thread per core: the same plan, sooner
    const plan =
      threads > 0
        ? await withPlanThreads(scenario, day, threads, (offload) =>
            planScenarioWith(scenario, offload, options),
          )
        : planScenario(scenario, options);
    bar.done();
    return plan;
  };
  const seeds = opts.seeds !== undefined && opts.seeds > 1 ? opts.seeds : 1;
  const first = opts.seed ?? scenario.options?.seed ?? DEFAULT_SEED;
  const seedFiles = Array.from({ length: seeds }, (_, i) => `plan-seed-${first + i}.json`);
  if (opts.out) await prepareOutputDir(opts.out, seeds > 1 ? ['spread.json', ...seedFiles] : PLAN_FILES);
  if (seeds > 1) {
    const plans = [];
    for (let i = 0; i < seeds; i++) plans.push(await planWith(first + i));
    const spread = seedSpread(plans.map((p) => comparisonVariant(`seed ${p.scenario.seed}`, p)));
    if (opts.out)
      await writeOutputs(opts.out, {
        'spread.json': JSON.stringify(spread, null, 2) + '\n',
        ...Object.fromEntries(plans.map((p, i) => [seedFiles[i], { json: p }])),
      });
    process.stdout.write(opts.json ? JSON.stringify(spread, null, 2) + '\n' : formatSpread(spread));
    return;
  }
  const plan = await planWith(opts.seed);
  for (const w of plan.meta.warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.out) {
    const { planToRunsheetsXlsx } = await import('../../io/runsheets-xlsx.ts');
    const { planToRunsheetsPdf } = await import('../../io/runsheets-pdf.ts');
    await writeOutputs(opts.out, {
      'plan.json': { json: plan },
      'plan.geojson': JSON.stringify(planToGeoJson(plan)) + '\n',
      'runsheets.csv': planToRunsheetsCsv(plan, scenario, opts.csvDialect),
      'runsheets.xlsx': await planToRunsheetsXlsx(plan, scenario),
      'runsheets.pdf': await planToRunsheetsPdf(plan, scenario),
      'trunk-schedule.csv': planToTrunkScheduleCsv(plan, opts.csvDialect),
      'map.html': planToMapHtml(plan),
    });
  }
  // a large day's plan is 100+ MB of JSON: written in pieces, never held as one string
  if (opts.json) await writeJson(process.stdout, plan);
  else process.stdout.write(formatPlan(plan));
  if (opts.out && !opts.json) process.stdout.write(`Wrote ${PLAN_FILES.join(', ')} to ${opts.out}\n`);
}
