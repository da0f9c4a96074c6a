import { pushInto } from '../../domain/arrays.ts';
import type { Rng } from '../rng.ts';
import type { Instance } from './instance.ts';

/** Neighbours kept per job (granular neighbourhood size). */
export const NEIGHBOURS = 40;
/** Up to this many jobs, neighbour lists are exact (n x n distances, O(n) memory per row at a time). */
const EXACT_LIMIT = 2000;
/** Random candidates per job for the approximate lists, refined by neighbour-of-neighbour rounds. */
const SAMPLE = 200;
const REFINE_ROUNDS = 2;
const REFINE_FANOUT = 12;
/** Extra locations asked from `travel.nearest` (the model ranks on a projection; the list is re-ranked here). */
const NEAREST_SLACK = 8;
/**
 * Above this many jobs `travel.nearest` is not used: a grid over clustered city points answered in
 * ~3 ms per query (33 s for 10k jobs), while sampling + refinement takes about a second.
 */
const NEAREST_LIMIT = 4000;

/**
 * For every job, the nearest other jobs (nearest first), by a symmetric distance
 * `(d(i,j) + d(j,i)) / 2`. Uses `travel.nearest` when the model offers it; otherwise exact lists for
 * small n, and for large n a random sample refined by neighbour-of-neighbour search (never n x n memory).
 */
export function buildNeighbours(inst: Instance, rng: Rng): Int32Array[] {
  const of = neighbourSource(inst, rng);
  return all(inst.n).map(of);
}

/**
 * The lists of buildNeighbours, one job's at a time: computed when first asked for, except the sampled lists
 * of large problems, built at once here (they draw from `rng`, and each round refines every list). Each job's
 * list is the same whenever it is asked for, and the rng is drawn from in the same order, so a caller that
 * asks only for some jobs' lists (a construction without search) solves exactly as one that built them all.
 */
export function neighbourSource(inst: Instance, rng: Rng): (job: number) => Int32Array {
  const n = inst.n;
  const k = Math.min(NEIGHBOURS, n - 1);
  if (k <= 0) return () => new Int32Array(0);
  const travel = inst.problem.travel;
  const dist = (a: number, b: number): number =>
    (travel.distance(inst.jobLoc[a]!, inst.jobLoc[b]!) + travel.distance(inst.jobLoc[b]!, inst.jobLoc[a]!)) /
    2;
  let of: (job: number) => Int32Array;
  if (travel.nearest !== undefined && n <= NEAREST_LIMIT) of = fromTravelModel(inst, k, dist);
  else if (n <= EXACT_LIMIT) {
    const jobs = all(n);
    of = (i) => nearestOf(i, jobs, k, dist);
  } else {
    const lists = sampledLists(n, k, rng, dist);
    return (i) => lists[i]!;
  }
  const lists: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(n);
  return (i) => (lists[i] ??= of(i));
}

function sampledLists(n: number, k: number, rng: Rng, dist: (a: number, b: number) => number): Int32Array[] {
  let lists = all(n).map((i) => {
    const cand: number[] = [];
    for (let s = 0; s < SAMPLE; s++) cand.push(rng.int(0, n - 1));
    return nearestOf(i, cand, k, dist);
  });
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    const prev = lists;
    lists = all(n).map((i) => {
      const cand: number[] = Array.from(prev[i]!);
      for (const nb of prev[i]!.subarray(0, REFINE_FANOUT))
        for (const x of prev[nb]!.subarray(0, REFINE_FANOUT)) cand.push(x);
      return nearestOf(i, cand, k, dist);
    });
  }
  return lists;
}

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function nearestOf(
  i: number,
  candidates: readonly number[],
  k: number,
  dist: (a: number, b: number) => number,
): Int32Array {
  const seen = new Set<number>();
  const scored: { j: number; d: number }[] = [];
  for (const j of candidates) {
    if (j === i || seen.has(j)) continue;
    seen.add(j);
    scored.push({ j, d: dist(i, j) });
  }
  scored.sort((a, b) => a.d - b.d || a.j - b.j);
  return Int32Array.from(scored.slice(0, k).map((s) => s.j));
}

/** Maps the model's nearest locations to jobs (several jobs may share a location). */
function fromTravelModel(
  inst: Instance,
  k: number,
  dist: (a: number, b: number) => number,
): (job: number) => Int32Array {
  const atLocation = new Map<number, number[]>();
  for (let j = 0; j < inst.n; j++) pushInto(atLocation, inst.jobLoc[j]!, j);
  const travel = inst.problem.travel;
  // Every job at one location has the same candidates at the same distances: they are ranked once per location,
  // k + 1 deep, and each job's list is that ranking without itself. So the model is asked once per location, not
  // per job (a query costs milliseconds on clustered city points: 53 s of a 2,000-receiver day's plan before), and
  // a trunk problem's thousands of consignments at one depot are sorted once, not once each (a quarter of a
  // second of a 10,000-receiver day's assembly).
  const rankedAt = new Map<number, Int32Array>();
  const ranked = (l: number, someJob: number): Int32Array => {
    let list = rankedAt.get(l);
    if (!list) {
      const cand: number[] = [...(atLocation.get(l) ?? [])];
      for (const near of travel.nearest!(l, k + NEAREST_SLACK)) {
        for (const j of atLocation.get(near) ?? []) cand.push(j);
        if (cand.length > k + NEAREST_SLACK) break;
      }
      // ranked from one of the location's jobs: its distance to each candidate is every co-located job's
      rankedAt.set(l, (list = nearestOf(-1, cand, k + 1, (_, j) => dist(someJob, j))));
    }
    return list;
  };
  return (i) => {
    const list = ranked(inst.jobLoc[i]!, i);
    const without = list.filter((j) => j !== i);
    return without.length > k ? without.subarray(0, k) : without;
  };
}
