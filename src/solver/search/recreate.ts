import { applyInsertion, noInsertion, scanRoute, type ScanOptions } from '../evaluation/insertion.ts';
import type { Instance } from '../model/instance.ts';
import type { Rng } from '../rng.ts';
import type { Solution } from './solution.ts';

/** Everything greedy insertion needs besides the solution. */
export interface RecreateContext {
  readonly inst: Instance;
  /** A job's neighbour list (computed on demand: a construction asks only past `fullScanLimit` used vehicles). */
  readonly neighboursOf: (job: number) => Int32Array;
  /** Interchangeable vehicles grouped; only the first empty one of a class is tried. */
  readonly classes: readonly (readonly number[])[];
  /** Sort keys: distance to the nearest depot, and demand normalised by the largest capacity. */
  readonly depotDist: Float64Array;
  readonly demand: Float64Array;
  readonly rng: Rng;
  /** Above this many used vehicles, only routes holding a neighbour of the job are scanned first. */
  readonly fullScanLimit: number;
}

export interface RecreateOptions {
  readonly blinkRate: number;
  /** May the insertion start an empty vehicle? (false in fleet minimisation). */
  readonly allowOpen: boolean;
  /** Extra cost of opening a vehicle (objective 'vehicles'). */
  readonly openPenalty: number;
}

/** Sort orders and their weights (SISR: random 4, demand 4, far 2, close 1). */
const ORDERS = [
  { w: 4, key: 'random' },
  { w: 4, key: 'demand' },
  { w: 2, key: 'far' },
  { w: 1, key: 'close' },
] as const;

/**
 * Greedy insertion with blinks (SISR): jobs in a randomly chosen order, each to its cheapest feasible
 * position, skipping each position with probability `blinkRate`. Jobs without a position go to
 * `sol.unassigned`.
 */
export function recreate(sol: Solution, jobs: number[], ctx: RecreateContext, opt: RecreateOptions): void {
  sortJobs(jobs, ctx);
  const scan: ScanOptions = { rng: ctx.rng, blinkRate: opt.blinkRate, openPenalty: opt.openPenalty };
  const used: number[] = [];
  for (const r of sol.routes) if (r.jobs > 0) used.push(r.v);
  const stamp = new Int32Array(sol.routes.length).fill(-1);
  for (let idx = 0; idx < jobs.length; idx++) {
    const j = jobs[idx]!;
    const best = noInsertion();
    const partial = used.length > ctx.fullScanLimit;
    if (partial) {
      const near = ctx.neighboursOf(j);
      for (let i = 0; i < near.length; i++) {
        const v = sol.jobRoute[near[i]!]!;
        if (v < 0 || stamp[v] === idx) continue;
        stamp[v] = idx;
        scanRoute(ctx.inst, sol.routes[v]!, j, best, scan);
      }
    } else for (const v of used) scanRoute(ctx.inst, sol.routes[v]!, j, best, scan);
    if (opt.allowOpen) {
      for (let c = 0; c < ctx.classes.length; c++) {
        const v = firstEmpty(sol, ctx.classes[c]!);
        if (v >= 0) scanRoute(ctx.inst, sol.routes[v]!, j, best, scan);
      }
    }
    if (best.route === undefined && partial) {
      for (const v of used) if (stamp[v] !== idx) scanRoute(ctx.inst, sol.routes[v]!, j, best, scan);
    }
    if (best.route === undefined) {
      sol.unassigned.push(j);
      continue;
    }
    const v = best.route.v;
    if (best.route.jobs === 0) used.push(v);
    sol.touch(v);
    applyInsertion(best, j);
    sol.jobRoute[j] = v;
  }
}

/** The first vehicle of a class whose day is empty, or -1. */
function firstEmpty(sol: Solution, cls: readonly number[]): number {
  for (let i = 0; i < cls.length; i++) if (sol.routes[cls[i]!]!.jobs === 0) return cls[i]!;
  return -1;
}

export type SortKey = (typeof ORDERS)[number]['key'];

/** Draws one of SISR's insertion orders by its weight (one rng draw). */
export function drawSortKey(rng: Rng): SortKey {
  const total = ORDERS.reduce((s, o) => s + o.w, 0);
  let r = rng.next() * total;
  for (const o of ORDERS) {
    if (r < o.w) return o.key;
    r -= o.w;
  }
  return 'random';
}

function sortJobs(jobs: number[], ctx: RecreateContext): void {
  const key = drawSortKey(ctx.rng);
  ctx.rng.shuffle(jobs);
  if (key === 'demand') jobs.sort((a, b) => ctx.demand[b]! - ctx.demand[a]!);
  else if (key === 'far') jobs.sort((a, b) => ctx.depotDist[b]! - ctx.depotDist[a]!);
  else if (key === 'close') jobs.sort((a, b) => ctx.depotDist[a]! - ctx.depotDist[b]!);
}
