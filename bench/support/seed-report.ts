import { mean, pct, summariseGroup, type GroupSummary } from './report.ts';
import type { InstanceOutcome } from './run-suite.ts';

/**
 * Reports of a run over several seeds. One seed's mean says little on instances whose result swings by
 * points between seeds (rc2_2_6 under objective `vehicles`: 0.24 to 10.49 %), so the spread is printed beside
 * every mean.
 */

/** The seeds of the outcomes, in the order they were given (runSuite returns the runs seed by seed). */
function seedsIn(outcomes: readonly InstanceOutcome[]): number[] {
  return [...new Set(outcomes.map((o) => o.seed))];
}

/** One summary per seed (the `group` is `seed N`), in the order the seeds were given. */
export function summariseBySeed(outcomes: readonly InstanceOutcome[]): GroupSummary[] {
  return seedsIn(outcomes).map((seed) =>
    summariseGroup(
      `seed ${seed}`,
      outcomes.filter((o) => o.seed === seed),
    ),
  );
}

/** An instance's gaps, one per seed (undefined where the run failed or has no BKS), their mean and range. */
export interface InstanceSpread {
  readonly name: string;
  readonly gapsPct: readonly (number | undefined)[];
  /** Over the seeds with a gap; undefined when none has one. */
  readonly meanGapPct: number | undefined;
  readonly minGapPct: number | undefined;
  readonly maxGapPct: number | undefined;
}

/** Per instance, in first-seen order, its gap at each seed in the order the seeds were given. */
export function spreadByInstance(outcomes: readonly InstanceOutcome[]): InstanceSpread[] {
  const seeds = seedsIn(outcomes);
  const names = [...new Set(outcomes.map((o) => o.name))];
  return names.map((name) => {
    const gapsPct = seeds.map((seed) => outcomes.find((o) => o.name === name && o.seed === seed)?.gapPct);
    const known = gapsPct.filter((g): g is number => g !== undefined);
    return {
      name,
      gapsPct,
      meanGapPct: mean(known),
      minGapPct: known.length === 0 ? undefined : Math.min(...known),
      maxGapPct: known.length === 0 ? undefined : Math.max(...known),
    };
  });
}

/**
 * The per-instance spread of `outcomes` (as spreadByInstance gives it) as table rows, header first: instance, a
 * gap per seed, mean, range.
 */
export function spreadTable(
  outcomes: readonly InstanceOutcome[],
  spread: readonly InstanceSpread[],
): string[][] {
  const cell = (x: number | undefined): string => (x === undefined ? '-' : pct(x));
  return [
    ['instance', ...seedsIn(outcomes).map((s) => `gap % seed ${s}`), 'mean', 'min to max'],
    ...spread.map((r) => [
      r.name,
      ...r.gapsPct.map(cell),
      cell(r.meanGapPct),
      r.minGapPct === undefined ? '-' : `${cell(r.minGapPct)} to ${cell(r.maxGapPct)}`,
    ]),
  ];
}
