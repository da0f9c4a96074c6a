import { describe, expect, it } from 'vitest';
import { formatTextTable } from '../../bench/support/report.ts';
import type { InstanceOutcome } from '../../bench/support/run-suite.ts';
import { spreadByInstance, spreadTable, summariseBySeed } from '../../bench/support/seed-report.ts';

const bks = { instance: '', vehicles: 4, distance: 100, source: '' };

function run(name: string, seed: number, gapPct: number | undefined, vehicles = 4): InstanceOutcome {
  if (gapPct === undefined)
    return {
      name,
      group: name.slice(0, 2),
      seed,
      feasible: false,
      violations: [],
      error: 'killed',
      bks,
      atBks: false,
    };
  return {
    name,
    group: name.slice(0, 2),
    seed,
    vehicles,
    distance: 100 * (1 + gapPct / 100),
    seconds: seed,
    iterations: 1000,
    feasible: true,
    violations: [],
    bks,
    gapPct,
    atBks: vehicles === 4 && gapPct <= 0.01,
  };
}

// seed 3 before seed 1, as `--seeds 3,1` gives them; rc2 fails on seed 1
const OUTCOMES = [run('r2', 3, 1), run('rc2', 3, 10.5), run('r2', 1, 0), run('rc2', 1, undefined)];

describe('reports over several seeds', () => {
  it('summarise each seed apart, in the order given', () => {
    const [s3, s1] = summariseBySeed(OUTCOMES);
    expect(s3).toMatchObject({
      group: 'seed 3',
      instances: 2,
      atBks: 0,
      vehicles: 8,
      infeasible: 0,
      meanSeconds: 3,
    });
    expect(s3?.meanGapPct).toBeCloseTo(5.75, 12);
    expect(s1).toMatchObject({
      group: 'seed 1',
      instances: 2,
      atBks: 1,
      vehicles: 4,
      infeasible: 1,
      meanGapPct: 0,
    });
  });

  it('give each instance its gap per seed, mean and range over the seeds that have one', () => {
    expect(spreadByInstance(OUTCOMES)).toEqual([
      { name: 'r2', gapsPct: [1, 0], meanGapPct: 0.5, minGapPct: 0, maxGapPct: 1 },
      { name: 'rc2', gapsPct: [10.5, undefined], meanGapPct: 10.5, minGapPct: 10.5, maxGapPct: 10.5 },
    ]);
    expect(spreadByInstance([run('x', 1, undefined)])).toEqual([
      { name: 'x', gapsPct: [undefined], meanGapPct: undefined, minGapPct: undefined, maxGapPct: undefined },
    ]);
  });

  it('print the spread as a table', () => {
    // x has no gap on any seed; rc2 ran on seed 3 only (a run missing from the list, not just failed)
    const outcomes = [...OUTCOMES.slice(0, 3), run('x', 3, undefined), run('x', 1, undefined)];
    const lines = formatTextTable(spreadTable(outcomes, spreadByInstance(outcomes)))
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^instance\s+gap % seed 3\s+gap % seed 1\s+mean\s+min to max$/);
    expect(lines[1]).toMatch(/^r2\s+1\.00\s+0\.00\s+0\.50\s+0\.00 to 1\.00$/);
    expect(lines[2]).toMatch(/^rc2\s+10\.50\s+-\s+10\.50\s+10\.50 to 10\.50$/);
    expect(lines[3]).toMatch(/^x\s+-\s+-\s+-\s+-$/);
  });
});
