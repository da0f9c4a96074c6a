/**
 * The recorded baseline of the solution-quality runs (test/quality/baselines.json) and the comparison
 * against it. Lower costs are better; a cost more than `tolerancePct` above its record is a regression.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QualityResult } from './quality-runs.ts';

export const BASELINES_PATH = join(import.meta.dirname, 'baselines.json');

/** How much worse than its record a cost may get before the test fails. */
export const TOLERANCE_PCT = 0.5;

export interface RecordedRun extends QualityResult {
  /** The command line that reproduces the run by hand. */
  readonly command: string;
  /** YYYY-MM-DD. */
  readonly recorded: string;
}

export interface BaselineFile {
  readonly note: string;
  /** Node version of the recording: floating-point results are only reproducible on the same engine. */
  readonly node: string;
  readonly runs: readonly RecordedRun[];
}

export function readBaselines(path = BASELINES_PATH): BaselineFile {
  return JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
}

export function writeBaselines(file: BaselineFile, path = BASELINES_PATH): void {
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}

export interface Comparison {
  /** Costs more than the tolerance above their record, one line each. */
  readonly regressions: readonly string[];
  /** Costs more than the tolerance below their record (re-record to lock the gain in). */
  readonly improvements: readonly string[];
  /** Runs measured without a record, or recorded but not measured. */
  readonly unmatched: readonly string[];
  /** Mean relative change over every compared cost, in percent (positive: worse). */
  readonly meanChangePct: number;
}

export function compareToBaseline(
  recorded: readonly QualityResult[],
  measured: readonly QualityResult[],
  tolerancePct = TOLERANCE_PCT,
): Comparison {
  const byId = new Map(recorded.map((r) => [r.id, r]));
  const measuredIds = new Set(measured.map((m) => m.id));
  const regressions: string[] = [];
  const improvements: string[] = [];
  const unmatched: string[] = recorded
    .filter((r) => !measuredIds.has(r.id))
    .map((r) => `${r.id}: recorded, not measured`);
  const changes: number[] = [];
  for (const m of measured) {
    const r = byId.get(m.id);
    if (r === undefined) {
      unmatched.push(`${m.id}: measured, no record`);
      continue;
    }
    for (const [name, cost] of Object.entries(m.costs)) {
      const before = r.costs[name];
      if (before === undefined) {
        unmatched.push(`${m.id}: ${name} has no record`);
        continue;
      }
      const pct = before === 0 ? (cost === 0 ? 0 : Infinity) : (100 * (cost - before)) / before;
      changes.push(pct);
      const line = `${m.id}: ${name} ${cost} vs recorded ${before} (${pct >= 0 ? '+' : ''}${pct.toFixed(2)} %)`;
      if (pct > tolerancePct) regressions.push(line);
      else if (pct < -tolerancePct) improvements.push(line);
    }
  }
  const meanChangePct = changes.length === 0 ? 0 : changes.reduce((a, b) => a + b, 0) / changes.length;
  return { regressions, improvements, unmatched, meanChangePct };
}
