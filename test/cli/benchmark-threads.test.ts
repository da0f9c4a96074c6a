import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { checkBenchmarkSolution } from '../../bench/support/check-benchmark-solution.ts';
import { solomonDir } from '../support/benchmark-fixtures.ts';
import { bestRun, runSeed, type RunOutcome } from '../../src/cli/benchmark-runs.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { registerVrptw, type BenchmarkResult } from '../../src/cli/commands/vrptw.ts';
import { readSolomonFile } from '../../src/io/benchmark/load-instance.ts';

async function vrptw(argv: string[]): Promise<BenchmarkResult> {
  let out = '';
  const program = new Command('picon').exitOverride();
  registerVrptw(program, { write: (t) => (out += t), warn: () => undefined });
  await program.parseAsync(['vrptw', ...argv, '--json'], { from: 'user' });
  return JSON.parse(out) as BenchmarkResult;
}

const outcome = (routes: number, distance: number, unassigned = 0): RunOutcome => ({
  routes: Array.from({ length: routes }, (_, i) => [i + 1]),
  unassigned: Array.from({ length: unassigned }, (_, i) => 100 + i),
  distance,
  iterations: 1,
});

describe('independent runs: seeds and the choice of the best', () => {
  it('run 0 keeps the seed; later runs step by 7,919 within the 32-bit seed range', () => {
    expect(runSeed(1, 0)).toBe(1);
    expect(runSeed(1, 1)).toBe(7920);
    expect(runSeed(5, 3)).toBe(5 + 3 * 7919);
    expect(runSeed(2 ** 32 - 1, 1)).toBe(7918);
  });

  it('objective vehicles: fewer routes first, then distance; customers left out count before both', () => {
    const runs = [outcome(5, 900), outcome(4, 1000), outcome(4, 950), outcome(3, 500, 1)];
    expect(bestRun(runs, 'vehicles')).toBe(2);
  });

  it('objective cost: distance first, then routes; a tie goes to the lower run', () => {
    expect(bestRun([outcome(5, 900), outcome(4, 1000)], 'cost')).toBe(0);
    expect(bestRun([outcome(5, 900), outcome(4, 900), outcome(4, 900)], 'cost')).toBe(1);
    expect(bestRun([outcome(4, 900), outcome(4, 900)], 'vehicles')).toBe(0);
  });
});

describe('picon vrptw --threads (real solver, worker threads)', () => {
  // Each case's two seeds give different answers at this budget, the better one first in one case and
  // second in the other, so a choice that ignores the answers fails one of them.
  const cases = [
    { file: 'R101.txt', objective: 'vehicles', better: 1 },
    { file: 'R101.txt', objective: 'distance', better: 0 },
  ] as const;

  for (const { file, objective, better } of cases) {
    it(`${file}, objective ${objective}: prints the better of the runs of seeds 1 and 7920, made alone`, async () => {
      const path = join(solomonDir(), file);
      const budget = ['--max-iterations', '300', '--time-limit', '120', '--objective', objective];
      const alone = [
        await vrptw([path, ...budget, '--seed', '1']),
        await vrptw([path, ...budget, '--seed', '7920']),
      ];
      const instance = await readSolomonFile(path);
      const checked = alone.map((r) => checkBenchmarkSolution(instance, r.routes));
      for (const c of checked) expect(c.violations).toEqual([]);
      // the checker's own figures decide which run is better
      const key = (i: number): number[] =>
        objective === 'vehicles'
          ? [checked[i]!.vehicles, checked[i]!.distance]
          : [checked[i]!.distance, checked[i]!.vehicles];
      const cmp = key(0)[0] !== key(1)[0] ? key(0)[0]! - key(1)[0]! : key(0)[1]! - key(1)[1]!;
      expect(cmp === 0 ? -1 : cmp < 0 ? 0 : 1).toBe(better);

      const both = await vrptw([path, ...budget, '--seed', '1', '--threads', '2']);
      expect(both.routes).toEqual(alone[better]!.routes);
      expect(both.distance).toBeCloseTo(checked[better]!.distance, 9);
      expect(both.runs).toBe(2);
      expect(both.runSeed).toBe(better === 0 ? 1 : 7920);
      expect(both.iterations).toBe(alone[0]!.iterations + alone[1]!.iterations);
    }, 120_000);
  }

  it('names a --threads that is not a count from 1 to 64', async () => {
    const path = join(solomonDir(), 'R101.txt');
    for (const bad of ['0', '65', '1.5', 'two'])
      await expect(vrptw([path, '--threads', bad])).rejects.toThrow(CliError);
    await expect(vrptw([path, '--threads', '0'])).rejects.toThrow(
      /--threads must be an integer from 1 to 64/,
    );
  });
});
