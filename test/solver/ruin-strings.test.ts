import { describe, expect, it } from 'vitest';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { DEFAULT_STRING_RUIN, ruinStrings } from '../../src/solver/search/ruin-strings.ts';
import { initialSolution, randomProblem } from './search-fixtures.ts';

describe('string removal', () => {
  it('draws its random seed again until it is a placed job, so it ruins even when most jobs are out', () => {
    for (let seed = 1; seed <= 8; seed++) {
      // one vehicle of one trip: most of the 40 jobs stay unassigned
      const problem = randomProblem(seed, { tight: false, costPerSecond: 0, singleTrip: true });
      const inst = buildInstance({ ...problem, vehicles: problem.vehicles.slice(0, 1) });
      const { sol } = initialSolution(inst, seed);
      const placed = sol.jobRoute.reduce((n, v) => (v >= 0 ? n + 1 : n), 0);
      expect(placed).toBeGreaterThan(0);
      expect(placed).toBeLessThan(inst.n / 2);
      // no neighbours: the walk is the seed alone, so an unplaced seed would ruin nothing
      const none = Array.from({ length: inst.n }, () => new Int32Array(0));
      const placedBefore = new Set(sol.routes.flatMap((r) => r.nodes.filter((j) => j >= 0)));
      const removed = ruinStrings(sol, none, new Rng(seed), DEFAULT_STRING_RUIN);
      expect(removed.length).toBeGreaterThan(0);
      for (const j of removed) expect(placedBefore.has(j)).toBe(true);
    }
  });

  it('starts from the given job when one is given, placed or not (route removal: the route it emptied)', () => {
    const problem = randomProblem(3, { tight: false, costPerSecond: 0 });
    const inst = buildInstance(problem);
    const { sol } = initialSolution(inst, 3);
    const j = sol.routes.find((r) => r.jobs > 0)!.nodes.find((x) => x >= 0)!;
    // only j's own walk: a string around j itself
    const none = Array.from({ length: inst.n }, () => new Int32Array(0));
    expect(ruinStrings(sol, none, new Rng(1), DEFAULT_STRING_RUIN, j)).toContain(j);
    // an unplaced given job is not replaced by a random one: with no neighbours nothing is ruined
    const out = ruinStrings(sol, none, new Rng(1), DEFAULT_STRING_RUIN, j);
    expect(sol.jobRoute[j]).toBe(-1);
    expect(out).toEqual([]);
  });
});
