import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/index.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { buildNeighbours } from '../../src/solver/model/neighbours.ts';
import { Rng } from '../../src/solver/rng.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { params, randomVrptw } from './fixtures.ts';

describe('neighbour lists', () => {
  const problem = randomVrptw(60, 5);

  it('lists the nearest other jobs, nearest first', () => {
    const inst = buildInstance(problem);
    const lists = buildNeighbours(inst, new Rng(1));
    const d = (a: number, b: number) => problem.travel.distance(inst.jobLoc[a]!, inst.jobLoc[b]!);
    for (let j = 0; j < inst.n; j++) {
      const list = Array.from(lists[j]!);
      expect(list).toHaveLength(40);
      expect(list).not.toContain(j);
      for (let k = 1; k < list.length; k++) expect(d(j, list[k]!)).toBeGreaterThanOrEqual(d(j, list[k - 1]!));
      const farthestListed = d(j, list[list.length - 1]!);
      for (let o = 0; o < inst.n; o++)
        if (o !== j && !list.includes(o)) expect(d(j, o)).toBeGreaterThanOrEqual(farthestListed);
    }
  });

  it('uses travel.nearest when the model provides it', () => {
    let calls = 0;
    const byLocation = (from: number, k: number): number[] => {
      calls++;
      const all = Array.from({ length: problem.travel.size }, (_, i) => i).filter((i) => i !== from);
      return all
        .sort((a, b) => problem.travel.distance(from, a) - problem.travel.distance(from, b))
        .slice(0, k);
    };
    const withNearest = { ...problem, travel: { ...problem.travel, nearest: byLocation } };
    const s = solve(withNearest, params(100));
    expect(calls).toBeGreaterThan(0);
    expect(checkRoutingSolution(withNearest, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
  });

  it('asks travel.nearest once per location, however many jobs share it, with the same lists', () => {
    // a trunk problem: many consignments picked up at few depots; here every location holds three jobs
    const shared = { ...problem, jobs: problem.jobs.flatMap((j) => [j, j, j]) };
    const queried: number[] = [];
    const nearest = (from: number, k: number): number[] => {
      queried.push(from);
      return Array.from({ length: shared.travel.size }, (_, i) => i)
        .filter((i) => i !== from)
        .sort((a, b) => shared.travel.distance(from, a) - shared.travel.distance(from, b) || a - b)
        .slice(0, k);
    };
    const inst = buildInstance({ ...shared, travel: { ...shared.travel, nearest } });
    const lists = buildNeighbours(inst, new Rng(1));
    const locations = new Set(inst.jobLoc);
    expect(queried.sort((a, b) => a - b)).toEqual([...locations].sort((a, b) => a - b));
    // the lists are the exact ones (all jobs ranked by distance), as without the model's nearest
    const exact = buildNeighbours(buildInstance(shared), new Rng(1));
    expect(lists.map((l) => Array.from(l))).toEqual(exact.map((l) => Array.from(l)));
  });

  it('gives each of more than k jobs at one location the exact list, without itself', () => {
    // a trunk problem's depot: 60 consignments picked up at one place, more than a list holds; distances
    // nudged apart (symmetrically), so that no tie lets the model's order of locations differ from the ranking's
    const nudged = (a: number, b: number) => problem.travel.distance(a, b) + 1e-9 * (a * a + b * b);
    const depot = {
      ...problem,
      travel: { ...problem.travel, distance: nudged },
      jobs: [...problem.jobs.slice(1), ...Array(60).fill(problem.jobs[0])],
    };
    const nearest = (from: number, k: number): number[] =>
      Array.from({ length: depot.travel.size }, (_, i) => i)
        .filter((i) => i !== from)
        .sort((a, b) => depot.travel.distance(from, a) - depot.travel.distance(from, b) || a - b)
        .slice(0, k);
    const lists = buildNeighbours(
      buildInstance({ ...depot, travel: { ...depot.travel, nearest } }),
      new Rng(1),
    );
    const exact = buildNeighbours(buildInstance(depot), new Rng(1));
    expect(lists.map((l) => Array.from(l))).toEqual(exact.map((l) => Array.from(l)));
    const atDepot = lists.slice(-60);
    atDepot.forEach((l, i) => {
      expect(l).toHaveLength(40);
      expect(Array.from(l)).not.toContain(problem.jobs.length - 1 + i);
    });
  });

  it('does not call travel.nearest for very large problems (sampled lists instead)', () => {
    const big = randomVrptw(4100, 3);
    let calls = 0;
    const travel = { ...big.travel, nearest: (): number[] => (calls++, []) };
    const lists = buildNeighbours(buildInstance({ ...big, travel }), new Rng(1));
    expect(calls).toBe(0);
    expect(lists.every((l) => l.length === 40)).toBe(true);
  });

  it('approximates the lists well above the exact-size limit (no n x n memory)', () => {
    const big = randomVrptw(2100, 8);
    const inst = buildInstance(big);
    const lists = buildNeighbours(inst, new Rng(2));
    const d = (a: number, b: number) => big.travel.distance(inst.jobLoc[a]!, inst.jobLoc[b]!);
    let found = 0;
    let wanted = 0;
    for (let j = 0; j < inst.n; j += 105) {
      const exact = Array.from({ length: inst.n }, (_, i) => i)
        .filter((i) => i !== j)
        .sort((a, b) => d(j, a) - d(j, b))
        .slice(0, 10);
      const approx = new Set(lists[j]!);
      for (const e of exact) if (approx.has(e) || d(j, e) === d(j, lists[j]![9]!)) found++;
      wanted += exact.length;
    }
    expect(found / wanted).toBeGreaterThan(0.9);
  });
});
