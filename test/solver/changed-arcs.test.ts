import { describe, expect, it } from 'vitest';
import { DEPOT } from '../../src/solver/model/instance.ts';
import { ChangedArcs } from '../../src/solver/search/changed-arcs.ts';
import { Solution } from '../../src/solver/search/solution.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { randomProblem } from './search-fixtures.ts';

const D = DEPOT;

function changed(arcs: ChangedArcs, before: number[][], after: number[][]): number[] {
  const out: number[] = [];
  arcs.forEachChanged(before, after, (j) => out.push(j));
  return out;
}

describe('the jobs on changed arcs', () => {
  it('are the ends of the new arcs only: a job moved between days, and the jobs around both its places', () => {
    const arcs = new ChangedArcs(10);
    // job 2 leaves 1-2-3 for 6-2-7; 0, 4, 5 and 8 keep both their neighbours
    const before = [
      [D, 0, 1, 2, 3, 4, D],
      [D, 5, 6, 7, 8, D],
    ];
    const after = [
      [D, 0, 1, 3, 4, D],
      [D, 5, 6, 2, 7, 8, D],
    ];
    expect(changed(arcs, before, after)).toEqual([1, 3, 6, 2, 7]);
  });

  it('counts a depot as a neighbour: a job moved to a new trip, and the trip ends around it', () => {
    const arcs = new ChangedArcs(6);
    expect(changed(arcs, [[D, 0, 1, 2, D]], [[D, 0, 2, D, 1, D]])).toEqual([0, 2, 1]);
  });

  it('treats the ends of a sequence as neighbours too, depot or not', () => {
    const arcs = new ChangedArcs(6);
    // 3 keeps 2 before it and the end after it; 0 and 1 swap places at the start
    expect(changed(arcs, [[0, 1, 2, 3]], [[1, 0, 2, 3]])).toEqual([1, 0, 2]);
    // 0 keeps the start before it and 1 after it
    expect(changed(arcs, [[0, 1, 2, 3]], [[0, 1, 3, 2]])).toEqual([1, 3, 2]);
    // an end is no job: 1 had none after it, now job 2
    expect(changed(arcs, [[0, 1]], [[0, 1, 2]])).toEqual([1, 2]);
  });

  it('includes a job that was in none of the days before (inserted from the unassigned)', () => {
    const arcs = new ChangedArcs(6);
    expect(changed(arcs, [[D, 0, 1, D]], [[D, 0, 1, D, 4, D]])).toEqual([4]);
  });

  it('is not confused by an earlier call: each call compares its own days', () => {
    const arcs = new ChangedArcs(6);
    // arcs are directed (windows make a reversed stretch another route): 1 between 2 and 0 is changed too
    expect(changed(arcs, [[D, 0, 1, 2, D]], [[D, 2, 1, 0, D]])).toEqual([2, 1, 0]);
    // job 2 is new here: its neighbours in the first call must not make it look placed before
    expect(changed(arcs, [[D, 0, 1, D]], [[D, 0, 1, 2, D]])).toEqual([1, 2]);
    expect(changed(arcs, [[D, 4, D]], [[D, 4, D]])).toEqual([]);
    // job 0 (the first index) had these neighbours in an earlier call, not in this one's days before
    expect(changed(arcs, [[D, 0, 1, D]], [[D, 1, 0, D]])).toEqual([1, 0]);
    expect(changed(arcs, [[D, 1, D]], [[D, 0, 1, D]])).toEqual([0, 1]);
  });
});

describe("a solution's changes since its last commit", () => {
  it('changed arcs and changed days are those of every day touched since begin, and none after a commit', () => {
    const inst = buildInstance(randomProblem(3, { tight: false, costPerSecond: 0 }));
    const sol = new Solution(inst);
    sol.setNodes(0, [D, 0, 1, 2, 3, D]);
    sol.setNodes(1, [D, 4, 5, 6, D]);
    sol.begin();
    sol.touch(0);
    sol.setNodes(0, [D, 0, 2, 1, 3, 4, D]);
    sol.touch(1);
    sol.setNodes(1, [D, 5, 6, D]);
    expect(sol.jobsOnChangedArcs()).toEqual([0, 2, 1, 3, 4, 5]);
    expect(sol.jobsOfChangedDays()).toEqual([0, 2, 1, 3, 4, 5, 6]);
    sol.commit();
    expect(sol.jobsOnChangedArcs()).toEqual([]);
    expect(sol.jobsOfChangedDays()).toEqual([]);
  });
});
