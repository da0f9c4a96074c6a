import { RouteState, type RouteCapture } from '../evaluation/route-state.ts';
import { DEPOT, type Instance } from '../model/instance.ts';
import { ChangedArcs } from './changed-arcs.ts';

/**
 * The working solution: one RouteState per vehicle, the route of each job, and the jobs not yet
 * placed. Changes inside one iteration are journaled so a rejected move is undone by restoring only
 * the routes it touched.
 */
export class Solution {
  readonly routes: RouteState[];
  /** Vehicle serving each job, -1 when unassigned. */
  readonly jobRoute: Int32Array;
  /** Servable jobs currently left out. */
  unassigned: number[] = [];
  /** Which jobs a change gave new neighbours (the local search revisits those). */
  readonly changedArcs: ChangedArcs;
  private readonly saved = new Map<number, RouteCapture>();
  private savedUnassigned: number[] | undefined;

  constructor(readonly inst: Instance) {
    const positions = new Int32Array(inst.n).fill(-1);
    this.routes = inst.vehicles.map((_, v) => new RouteState(inst, v, positions));
    this.jobRoute = new Int32Array(inst.n).fill(-1);
    this.changedArcs = new ChangedArcs(inst.n);
  }

  cost(): number {
    let c = 0;
    for (const r of this.routes) c += r.cost;
    return c;
  }

  usedVehicles(): number {
    let k = 0;
    for (const r of this.routes) if (r.jobs > 0) k++;
    return k;
  }

  /** Call before changing route v, so `rollback` can restore it. */
  touch(v: number): void {
    if (!this.saved.has(v)) this.saved.set(v, this.routes[v]!.capture());
  }

  /** The jobs of every day changed since the last commit, in route order. */
  jobsOfChangedDays(): number[] {
    const jobs: number[] = [];
    for (const v of this.saved.keys()) for (const x of this.routes[v]!.nodes) if (x >= 0) jobs.push(x);
    return jobs;
  }

  /** The jobs given a new neighbour in their day since the last commit, in route order. */
  jobsOnChangedArcs(): number[] {
    const before: (readonly number[])[] = [];
    const after: (readonly number[])[] = [];
    for (const [v, capture] of this.saved) {
      before.push(capture.nodes);
      after.push(this.routes[v]!.nodes);
    }
    const jobs: number[] = [];
    this.changedArcs.forEachChanged(before, after, (j) => jobs.push(j));
    return jobs;
  }

  /** Starts a journaled change: call before anything else changes in an iteration. */
  begin(): void {
    this.commit();
    this.savedUnassigned = this.unassigned.slice();
  }

  /** Forget the journal: the current state becomes the reference. */
  commit(): void {
    this.saved.clear();
    this.savedUnassigned = undefined;
  }

  /** Restore every route touched since the last commit. */
  rollback(): void {
    for (const [v, capture] of this.saved) {
      this.routes[v]!.restoreCapture(capture);
      for (const j of capture.nodes) if (j !== DEPOT) this.jobRoute[j] = v;
    }
    if (this.savedUnassigned !== undefined) {
      this.unassigned = this.savedUnassigned;
      for (const j of this.unassigned) this.jobRoute[j] = -1;
    }
    this.commit();
  }

  /** Replaces route v's sequence (journal first with touch) and refreshes job ownership. */
  setNodes(v: number, nodes: number[]): void {
    const r = this.routes[v]!;
    r.nodes = nodes.slice();
    r.recompute();
    for (const j of nodes) if (j !== DEPOT) this.jobRoute[j] = v;
  }

  /** Jobs of routes listed in order, as plain node arrays (for snapshots). */
  snapshot(): number[][] {
    return this.routes.map((r) => r.nodes.slice());
  }

  restore(snap: readonly number[][], unassigned: readonly number[]): void {
    this.commit();
    snap.forEach((nodes, v) => {
      if (nodes.join() !== this.routes[v]!.nodes.join()) this.setNodes(v, nodes);
    });
    this.unassigned = unassigned.slice();
    for (const j of unassigned) this.jobRoute[j] = -1;
  }
}
