import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBenchmarkSolution } from '../../bench/support/check-benchmark-solution.ts';
import { solomonDir } from '../support/benchmark-fixtures.ts';
import { readSolomonFile } from '../../src/io/benchmark/load-instance.ts';
import { parseSolomon } from '../../src/io/benchmark/solomon.ts';
import { TINY_SOLOMON } from '../io/benchmark/tiny-solomon.ts';

const tiny = parseSolomon(TINY_SOLOMON);
const kinds = (routes: number[][]): string[] =>
  [...new Set(checkBenchmarkSolution(tiny, routes).violations.map((v) => v.kind))].sort();

describe('checkBenchmarkSolution', () => {
  it('accepts the hand-checked feasible solution with its length', () => {
    const r = checkBenchmarkSolution(tiny, [[1, 2], [3], [4]]);
    expect(r.violations).toEqual([]);
    expect(r.feasible).toBe(true);
    expect(r.vehicles).toBe(3);
    expect(r.distance).toBeCloseTo(130, 12);
  });

  it('ignores empty routes', () => {
    expect(checkBenchmarkSolution(tiny, [[1, 2], [], [3], [4]]).feasible).toBe(true);
  });

  it('detects a capacity overload', () => {
    const r = checkBenchmarkSolution(tiny, [[1, 2, 3], [4]]); // load 12 > 10
    expect(r.feasible).toBe(false);
    expect(r.violations).toEqual([expect.objectContaining({ kind: 'capacity', route: 0 })]);
  });

  it('detects a late service start (waiting is allowed, lateness is not)', () => {
    // 2 first: arrive 10, wait to 20, leave 21, then 1 at 26 > due 10
    expect(kinds([[2, 1], [3], [4]])).toEqual(['time-window']);
    const v = checkBenchmarkSolution(tiny, [[2, 1], [3], [4]]).violations[0];
    expect(v).toMatchObject({ kind: 'time-window', route: 0, customer: 1 });
  });

  it('detects a late return to the depot', () => {
    // 3 then 4: start at 4 at 12 + 46.1 <= 60, but back at 108.1 > 100
    expect(
      kinds([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual(['depot-return']);
  });

  it('detects missing, duplicate and unknown customers', () => {
    expect(kinds([[1, 2], [3]])).toEqual(['missing-customer']);
    expect(kinds([[1, 2], [3, 3], [4]])).toEqual(['duplicate-customer']);
    expect(kinds([[1, 2, 9], [3], [4]])).toEqual(['unknown-customer']);
    expect(kinds([[1, 2, 0], [3], [4]])).toEqual(['unknown-customer']); // the depot is not a stop
  });

  it('detects more routes than the fleet', () => {
    expect(kinds([[1], [2], [3], [4]])).toEqual(['fleet-size']);
  });

  it('on C101, one route per customer is window-feasible but needs 100 > 25 vehicles', async () => {
    const c101 = await readSolomonFile(join(solomonDir(), 'C101.txt'));
    const singles = c101.nodes.slice(1).map((n) => [n.id]);
    const r = checkBenchmarkSolution(c101, singles);
    expect(r.violations.map((v) => v.kind)).toEqual(['fleet-size']);
    expect(r.vehicles).toBe(100);
    const expected = c101.nodes.slice(1).reduce((s, n) => s + 2 * Math.hypot(n.x - 40, n.y - 50), 0);
    expect(r.distance).toBeCloseTo(expected, 9);
  });
});
