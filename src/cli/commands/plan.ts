import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { comparisonVariant, seedSpread } from '../../contracts/index.ts';
import { planToGeoJson } from '../../io/plan-geojson.ts';
import { planToMapHtml } from '../../io/plan-map-html.ts';
import { planToRunsheetsCsv } from '../../io/runsheets-csv.ts';
import { DEFAULT_SEED, planScenario } from '../../planner/index.ts';
import { CliError } from '../cli-error.ts';
import { formatPlan } from '../format-plan.ts';
import { formatSpread } from '../format-spread.ts';
import { progressLine } from '../progress-line.ts';
import { withOrderFiles } from '../read-orders.ts';
import { readScenario } from '../read-scenario.ts';
import { searchOverrides, withSearchOptions, type SearchOptions } from '../search-options.ts';

const MAX_SEEDS = 50;
function seedCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS)
    throw new CliError(`--seeds must be an integer from 1 to ${MAX_SEEDS}, got "${value}"`);
  return n;
}

export function registerPlan(program: Command): void {
  const command = program
    .command('plan')
    .description('plan a city day: baseline vs consolidated runs, with the savings')
    .argument('<scenario>', 'scenario JSON file (see docs/ and fixtures/)')
    .option('--json', 'print the whole plan as JSON instead of the table')
    .option('--out <dir>', 'also write plan.json, plan.geojson, runsheets.csv and map.html into this folder')
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
      opts: SearchOptions & { json?: boolean; out?: string; seeds?: number; orders?: string[] },
    ) => {
      let scenario = await readScenario(file);
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
      if (opts.seeds !== undefined && opts.seeds > 1) {
        const first = opts.seed ?? scenario.options?.seed ?? DEFAULT_SEED;
        const plans = Array.from({ length: opts.seeds }, (_, i) => planWith(first + i));
        const spread = seedSpread(plans.map((p) => comparisonVariant(`seed ${p.scenario.seed}`, p)));
        if (opts.out) {
          await mkdir(opts.out, { recursive: true });
          await writeFile(join(opts.out, 'spread.json'), JSON.stringify(spread, null, 2) + '\n');
          for (const p of plans)
            await writeFile(
              join(opts.out, `plan-seed-${p.scenario.seed}.json`),
              JSON.stringify(p, null, 2) + '\n',
            );
        }
        process.stdout.write(opts.json ? JSON.stringify(spread, null, 2) + '\n' : formatSpread(spread));
        return;
      }
      const plan = planWith(opts.seed);
      for (const w of plan.meta.warnings) process.stderr.write(`warning: ${w}\n`);
      if (opts.out) {
        await mkdir(opts.out, { recursive: true });
        await writeFile(join(opts.out, 'plan.json'), JSON.stringify(plan, null, 2) + '\n');
        await writeFile(join(opts.out, 'plan.geojson'), JSON.stringify(planToGeoJson(plan)) + '\n');
        await writeFile(join(opts.out, 'runsheets.csv'), planToRunsheetsCsv(plan));
        await writeFile(join(opts.out, 'map.html'), planToMapHtml(plan));
      }
      process.stdout.write(opts.json ? JSON.stringify(plan, null, 2) + '\n' : formatPlan(plan));
      if (opts.out && !opts.json)
        process.stdout.write(`Wrote plan.json, plan.geojson, runsheets.csv and map.html to ${opts.out}\n`);
    },
  );
}
