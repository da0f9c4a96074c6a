import { describe, expect, it } from 'vitest';
import { cvrpClass, solomonClass } from '../../bench/support/instance-classes.ts';
import { formatSummaryMarkdown, formatSummaryText, summarise } from '../../bench/support/report.ts';
import type { InstanceOutcome } from '../../bench/support/run-suite.ts';

const bks = (vehicles: number, distance: number) => ({ instance: '', vehicles, distance, source: '' });

const OUTCOMES: InstanceOutcome[] = [
  {
    name: 'C101',
    group: 'C1',
    seed: 1,
    vehicles: 10,
    distance: 828.937,
    seconds: 1,
    iterations: 1000,
    feasible: true,
    violations: [],
    bks: bks(10, 828.94),
    gapPct: -0.0004,
    atBks: true,
  },
  {
    name: 'C102',
    group: 'C1',
    seed: 1,
    vehicles: 11,
    distance: 870,
    seconds: 3,
    iterations: 2001,
    feasible: true,
    violations: [],
    bks: bks(10, 828.94),
    gapPct: 4.95,
    atBks: false,
  },
  {
    name: 'R101',
    group: 'R1',
    seed: 1,
    feasible: false,
    violations: [],
    error: 'killed after 61 s',
    bks: bks(20, 1642.88),
    atBks: false,
  },
];

describe('benchmark report', () => {
  it('classes instances', () => {
    expect(['C101', 'C208', 'R112', 'R211', 'RC105', 'rc201', 'C1_2_1', 'foo'].map(solomonClass)).toEqual([
      'C1',
      'C2',
      'R1',
      'R2',
      'RC1',
      'RC2',
      'C1',
      'other',
    ]);
    expect(['X-n101-k25', 'X-n303-k21', 'X-n1001-k43'].map(cvrpClass)).toEqual([
      'n <= 250',
      '250 < n <= 500',
      'n > 500',
    ]);
  });

  it('summarises per class and overall: gap, at-BKS count, vehicles, seconds, iterations, infeasible', () => {
    const [c1, r1, all] = summarise(OUTCOMES);
    expect(c1).toMatchObject({
      group: 'C1',
      instances: 2,
      atBks: 1,
      vehicles: 21,
      bksVehicles: 20,
      meanSeconds: 2,
      meanIterations: 1500.5,
      infeasible: 0,
    });
    expect(c1?.meanGapPct).toBeCloseTo((4.95 - 0.0004) / 2, 9);
    expect(r1).toMatchObject({
      group: 'R1',
      instances: 1,
      atBks: 0,
      meanGapPct: undefined,
      meanIterations: undefined,
      infeasible: 1,
    });
    expect(all).toMatchObject({ group: 'all', instances: 3, atBks: 1, infeasible: 1 });
  });

  it('prints text and markdown tables', () => {
    const rows = summarise(OUTCOMES);
    expect(formatSummaryText(rows).split('\n')[1]).toMatch(
      /^C1\s+2\s+2\.47\s+1\s+21 \(20\)\s+2\.0\s+1501\s+0$/,
    );
    const md = formatSummaryMarkdown(rows, 'caption');
    expect(md).toContain(
      '| class | instances | mean gap % | at BKS | vehicles (BKS) | mean s | mean iterations | infeasible |',
    );
    expect(md).toContain('| R1 | 1 | - | 0 | 0 (0) | - | - | 1 |');
  });
});
