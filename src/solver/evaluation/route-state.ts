import { DEPOT, type Instance } from '../model/instance.ts';
import { scheduleDay } from './day-schedule.ts';

/**
 * One vehicle's day with the cached data that makes insertion checks O(1) per position:
 * earliest start `es` (forward), latest feasible start `ls` (backward, window-aware), arc distance and
 * time (with time-dependent travel: at the earliest schedule's departures; `ls` is then built from the
 * latest departures, so `start <= ls[p]` stays the exact test of the rest of the day), and per trip the load on each outgoing arc with its prefix and suffix maxima per dimension.
 *
 * Node sequence: `[DEPOT, trip 1 jobs.., DEPOT, trip 2 jobs.., DEPOT]`; never two DEPOTs in a row
 * except the empty day `[DEPOT, DEPOT]`.
 */
/** A RouteState's derived data at one moment (see capture()). */
export type RouteCapture = Pick<
  RouteState,
  | 'nodes'
  | 'es'
  | 'svc'
  | 'ls'
  | 'loc'
  | 'arcDist'
  | 'arcTime'
  | 'loadOut'
  | 'prefMax'
  | 'sufMax'
  | 'cost'
  | 'distance'
  | 'jobs'
  | 'trips'
  | 'feasible'
  | 'violationAt'
>;

export class RouteState {
  nodes: number[] = [DEPOT, DEPOT];
  /** Bumped on every change, so the best-solution snapshot copies only changed routes. */
  version = 0;
  loc: Int32Array = new Int32Array(0);
  es: Float64Array = new Float64Array(0);
  svc: Float64Array = new Float64Array(0);
  ls: Float64Array = new Float64Array(0);
  arcDist: Float64Array = new Float64Array(0);
  arcTime: Float64Array = new Float64Array(0);
  /** Load on arc p -> p+1, per dimension at `p * dims + d`. */
  loadOut: Float64Array = new Float64Array(0);
  /** Max of loadOut from the trip's first arc up to arc p. */
  prefMax: Float64Array = new Float64Array(0);
  /** Max of loadOut from arc p to the trip's last arc. */
  sufMax: Float64Array = new Float64Array(0);
  cost = 0;
  distance = 0;
  jobs = 0;
  trips = 0;
  feasible = true;
  violationAt = -1;
  readonly type;
  readonly vehicle;
  /** Type has limits (trip duration, energy range) that need a full day check per candidate. */
  readonly constrained: boolean;

  constructor(
    readonly inst: Instance,
    readonly v: number,
    /** Position of each job in its route, shared by a solution's routes (checked before use). */
    private readonly positions?: Int32Array,
  ) {
    this.vehicle = inst.vehicles[v]!;
    this.type = inst.types[this.vehicle.type]!;
    this.constrained = this.type.maxTripDurationS !== undefined || this.type.energy?.rangeKWh !== undefined;
    this.recompute();
  }

  /** Rebuilds every cache from `nodes`: O(length x dims). */
  recompute(): void {
    const inst = this.inst;
    const nodes = this.nodes;
    const L = nodes.length;
    const dims = inst.dims;
    const plan = scheduleDay(inst, this.v, nodes, true);
    this.version++;
    this.es = plan.es;
    this.svc = plan.svc;
    this.cost = plan.cost;
    this.distance = plan.distance;
    this.jobs = plan.jobs;
    this.trips = plan.trips;
    this.feasible = plan.feasible;
    this.violationAt = plan.violationAt;

    const { loc, arcDist, arcTime } = plan;
    const timed = inst.timed;
    const profile = this.type.profile;
    const ls = new Float64Array(L);
    ls[L - 1] = this.vehicle.shiftEndS;
    for (let p = L - 2; p >= 0; p--) {
      // time-dependent: the arc time of the latest departure reaching p+1 by ls[p+1] (exact, FIFO)
      const drive = timed ? timed.arriving(loc[p]!, loc[p + 1]!, profile, ls[p + 1]!) : arcTime[p]!;
      const bound = ls[p + 1]! - drive - plan.svc[p]!;
      ls[p] = nodes[p]! < 0 ? Math.min(bound, this.vehicle.shiftEndS) : inst.latestStart(nodes[p]!, bound);
    }
    this.loc = loc;
    this.arcDist = arcDist;
    this.arcTime = arcTime;
    this.ls = ls;
    this.computeLoads(L, dims);
    this.indexPositions();
  }

  private indexPositions(): void {
    const pos = this.positions;
    if (pos === undefined) return;
    const nodes = this.nodes;
    for (let p = 1; p < nodes.length - 1; p++) if (nodes[p]! >= 0) pos[nodes[p]!] = p;
  }

  private computeLoads(L: number, dims: number): void {
    const inst = this.inst;
    const nodes = this.nodes;
    const loadOut = new Float64Array(L * dims);
    const prefMax = new Float64Array(L * dims);
    const sufMax = new Float64Array(L * dims);
    let s = 0;
    while (s < L - 1) {
      let e = s + 1;
      while (nodes[e]! >= 0) e++;
      for (let d = 0; d < dims; d++) {
        let total = 0;
        for (let p = s + 1; p < e; p++) total += inst.del[nodes[p]! * dims + d]!;
        let load = total;
        let max = total;
        loadOut[s * dims + d] = total;
        prefMax[s * dims + d] = total;
        for (let p = s + 1; p < e; p++) {
          const j = nodes[p]!;
          load += inst.pick[j * dims + d]! - inst.del[j * dims + d]!;
          loadOut[p * dims + d] = load;
          if (load > max) max = load;
          prefMax[p * dims + d] = max;
        }
        max = -Infinity;
        for (let p = e - 1; p >= s; p--) {
          const l = loadOut[p * dims + d]!;
          if (l > max) max = l;
          sufMax[p * dims + d] = max;
        }
      }
      s = e;
    }
    this.loadOut = loadOut;
    this.prefMax = prefMax;
    this.sufMax = sufMax;
  }

  /** Everything recompute() derives; its arrays are never mutated in place, so references suffice. */
  capture(): RouteCapture {
    const { es, svc, ls, loc, arcDist, arcTime, loadOut, prefMax, sufMax } = this;
    const { cost, distance, jobs, trips, feasible, violationAt } = this;
    const nodes = this.nodes.slice();
    return {
      nodes,
      es,
      svc,
      ls,
      loc,
      arcDist,
      arcTime,
      loadOut,
      prefMax,
      sufMax,
      cost,
      distance,
      jobs,
      trips,
      feasible,
      violationAt,
    };
  }

  /** Undoes changes back to a capture in O(1) (plus the node copy already made). */
  restoreCapture(c: RouteCapture): void {
    Object.assign(this, c);
    this.version++;
    this.indexPositions();
  }

  /** Position of job j in `nodes`, or -1. */
  positionOf(j: number): number {
    const p = this.positions?.[j] ?? -1;
    return p >= 0 && this.nodes[p] === j ? p : this.nodes.indexOf(j);
  }

  /** Removes the jobs at positions [from, to) and any trip left empty; call recompute() after. */
  removeRange(from: number, to: number): void {
    this.nodes.splice(from, to - from);
    this.dropEmptyTrips();
  }

  /** Removes one job by value; call recompute() after. */
  removeJob(j: number): void {
    const p = this.nodes.indexOf(j);
    if (p >= 0) this.removeRange(p, p + 1);
  }

  private dropEmptyTrips(): void {
    const nodes = this.nodes;
    for (let p = nodes.length - 1; p > 0; p--) {
      if (nodes[p]! === DEPOT && nodes[p - 1]! === DEPOT && nodes.length > 2) nodes.splice(p, 1);
    }
  }

  /** Jobs of the day in visiting order. */
  jobList(): number[] {
    return this.nodes.filter((x) => x !== DEPOT);
  }
}
