import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { solve } from '../../src/solver/index.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { buildNeighbours, neighbourSource } from '../../src/solver/model/neighbours.ts';
import { Rng } from '../../src/solver/rng.ts';
import { params, randomVrptw } from './fixtures.ts';

// Neighbour lists are computed when first asked for: a solve of no iteration (effort draft) on a day of up to
// 40 used vehicles asks for none, and one that asks for them gets the lists it would have had built at once.

/** The problem with a travel.nearest that counts its calls (exact: every location ranked by distance). */
function counted(problem: RoutingProblem): { problem: RoutingProblem; calls: () => number } {
  let calls = 0;
  const { travel } = problem;
  const nearest = (from: number, k: number): number[] => {
    calls++;
    return Array.from({ length: travel.size }, (_, i) => i)
      .filter((i) => i !== from)
      .sort((a, b) => travel.distance(from, a) - travel.distance(from, b) || a - b)
      .slice(0, k);
  };
  return { problem: { ...problem, travel: { ...travel, nearest } }, calls: () => calls };
}

describe('neighbour lists on demand', () => {
  it('a solve of no iteration with few vehicles computes no neighbour list; with iterations, it does', () => {
    const draft = counted(randomVrptw(80, 3, 12));
    const solved = solve(draft.problem, params(0, { seed: 3 }));
    expect(solved.unassigned).toEqual([]);
    expect(draft.calls()).toBe(0);

    const searched = counted(randomVrptw(80, 3, 12));
    solve(searched.problem, params(1, { seed: 3 }));
    expect(searched.calls()).toBeGreaterThan(0);
  });

  // the exact lists (no travel.nearest, n <= 2000), the travel model's, and the sampled lists (n > 2000,
  // drawn from the rng): asked for in any order, a job's list is the one buildNeighbours gives it
  for (const [name, problem] of [
    ['exact', randomVrptw(120, 5)],
    ['travel.nearest', counted(randomVrptw(120, 6)).problem],
    ['sampled', randomVrptw(2100, 7)],
  ] as const)
    it(`gives each job the list buildNeighbours builds, in any order of asking (${name})`, () => {
      const inst = buildInstance(problem);
      const built = buildNeighbours(inst, new Rng(11));
      const rng = new Rng(11);
      const of = neighbourSource(inst, rng);
      const order = Array.from({ length: inst.n }, (_, j) => j);
      new Rng(2).shuffle(order);
      for (const j of order.slice(0, 200)) expect(Array.from(of(j))).toEqual(Array.from(built[j]!));
      // the rng is left where building all the lists leaves it (the construction draws next)
      const after = new Rng(11);
      buildNeighbours(inst, after);
      expect(rng.next()).toBe(after.next());
    });
});
