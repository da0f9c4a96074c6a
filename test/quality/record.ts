/**
 * `npm run quality:record`: re-runs every solution-quality run and rewrites test/quality/baselines.json.
 * Do it deliberately, after a change meant to alter the search, and say so in the commit: the file is the
 * bar the next change is measured against. Prints how the new figures compare with the old ones first.
 */
import { existsSync } from 'node:fs';
import {
  BASELINES_PATH,
  compareToBaseline,
  readBaselines,
  writeBaselines,
  type RecordedRun,
} from './baseline-file.ts';
import { measure, QUALITY_RUNS, runCommand } from './quality-runs.ts';

const today = new Date().toISOString().slice(0, 10);
const runs: RecordedRun[] = [];
for (const run of QUALITY_RUNS) {
  const started = performance.now();
  const result = await measure(run);
  runs.push({ ...result, command: runCommand(run), recorded: today });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${result.id}: ${JSON.stringify(result.costs)} ${JSON.stringify(result.info)} (${seconds} s)\n`,
  );
}

if (existsSync(BASELINES_PATH)) {
  const c = compareToBaseline(readBaselines().runs, runs);
  process.stdout.write(
    `\nagainst the previous record: mean change ${c.meanChangePct.toFixed(2)} % (positive: worse)\n` +
      [
        ...c.regressions.map((l) => `worse  ${l}`),
        ...c.improvements.map((l) => `better ${l}`),
        ...c.unmatched,
      ]
        .map((l) => `  ${l}\n`)
        .join(''),
  );
}

writeBaselines({
  note:
    'Solution-quality baseline: cost each run reaches with a fixed seed and iteration budget (test/quality). ' +
    'Re-record deliberately with `npm run quality:record` after a change meant to alter the search.',
  node: process.version,
  runs,
});
process.stdout.write(`wrote ${BASELINES_PATH}\n`);
