import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { planToGeoJson } from '../../io/plan-geojson.ts';
import { planToRunsheetsCsv } from '../../io/runsheets-csv.ts';
import { planScenario } from '../../planner/index.ts';
import { CliError } from '../cli-error.ts';
import { formatPlan } from '../format-plan.ts';
import { progressLine } from '../progress-line.ts';
import { readScenario } from '../read-scenario.ts';

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new CliError(`${name} must be a positive number, got "${value}"`);
    return n;
  };
}

function seedNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`--seed must be a non-negative integer, got "${value}"`);
  return n;
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('plan a city day: baseline vs consolidated runs, with the savings')
    .argument('<scenario>', 'scenario JSON file (see docs/ and fixtures/)')
    .option('--json', 'print the whole plan as JSON instead of the table')
    .option('--out <dir>', 'also write plan.json, plan.geojson and runsheets.csv into this folder')
    .option('--time-limit <seconds>', 'solver time budget for the whole plan', positiveNumber('--time-limit'))
    .option('--seed <n>', 'random seed', seedNumber)
    .action(
      async (file: string, opts: { json?: boolean; out?: string; timeLimit?: number; seed?: number }) => {
        const scenario = await readScenario(file);
        const clock = () => performance.now();
        const bar = progressLine(process.stderr, clock);
        const plan = planScenario(scenario, {
          clock,
          onProgress: bar.update,
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(opts.timeLimit !== undefined ? { timeLimitSeconds: opts.timeLimit } : {}),
        });
        bar.done();
        if (opts.out) {
          await mkdir(opts.out, { recursive: true });
          await writeFile(join(opts.out, 'plan.json'), JSON.stringify(plan, null, 2) + '\n');
          await writeFile(join(opts.out, 'plan.geojson'), JSON.stringify(planToGeoJson(plan)) + '\n');
          await writeFile(join(opts.out, 'runsheets.csv'), planToRunsheetsCsv(plan));
        }
        process.stdout.write(opts.json ? JSON.stringify(plan, null, 2) + '\n' : formatPlan(plan));
        if (opts.out && !opts.json)
          process.stdout.write(`Wrote plan.json, plan.geojson and runsheets.csv to ${opts.out}\n`);
      },
    );
}
