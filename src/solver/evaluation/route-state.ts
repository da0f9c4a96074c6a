import { DEPOT, type Instance } from '../model/instance.ts';
import { emptySummary, scheduleInto } from './day-schedule.ts';

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
> & {
  /** Which of the route's two sets of arrays the capture's views belong to. */
  readonly arrays: number;
};

/**
 * The arrays one rebuild writes into, with room for `cap` positions. A route owns two: the one its
 * current caches are views of, and a spare, so a capture keeps its views intact while the route changes
 * (rebuilds allocate no array: a typed array above 64 bytes costs a backing store of its own).
 */
class CacheArrays {
  readonly es: Float64Array;
  readonly svc: Float64Array;
  readonly ls: Float64Array;
  readonly loc: Int32Array;
  readonly arcDist: Float64Array;
  readonly arcTime: Float64Array;
  readonly loadOut: Float64Array;
  readonly prefMax: Float64Array;
  readonly sufMax: Float64Array;

  constructor(
    readonly cap: number,
    dims: number,
  ) {
    this.es = new Float64Array(cap);
    this.svc = new Float64Array(cap);
    this.ls = new Float64Array(cap);
    this.loc = new Int32Array(cap);
    this.arcDist = new Float64Array(cap);
    this.arcTime = new Float64Array(cap);
    this.loadOut = new Float64Array(cap * dims);
    this.prefMax = new Float64Array(cap * dims);
    this.sufMax = new Float64Array(cap * dims);
  }
}

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
  /** The two sets of arrays the caches are views of (see CacheArrays), the current one, and the captured one. */
  private readonly arrays: [CacheArrays | undefined, CacheArrays | undefined] = [undefined, undefined];
  private current = 0;
  private captured = -1;
  private readonly summary = emptySummary();

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

  /**
   * Rebuilds every cache from `nodes`: O(length x dims). Writes into the set of arrays the last capture
   * does not hold (in place when it holds none), so the arrays of that capture never change.
   */
  recompute(): void {
    const inst = this.inst;
    const nodes = this.nodes;
    const L = nodes.length;
    const dims = inst.dims;
    const w = this.captured === this.current ? 1 - this.current : this.current;
    let set = this.arrays[w];
    if (set === undefined || set.cap < L) {
      set = new CacheArrays(Math.max(L + 8, set === undefined ? 0 : 2 * set.cap), dims);
      this.arrays[w] = set;
    }
    this.current = w;
    const es = set.es.subarray(0, L);
    const svc = set.svc.subarray(0, L);
    const loc = set.loc.subarray(0, L);
    const arcDist = set.arcDist.subarray(0, L);
    const arcTime = set.arcTime.subarray(0, L);
    const plan = this.summary;
    scheduleInto(inst, this.v, nodes, true, es, svc, loc, arcDist, arcTime, plan, undefined);
    this.version++;
    this.es = es;
    this.svc = svc;
    this.cost = plan.cost;
    this.distance = plan.distance;
    this.jobs = plan.jobs;
    this.trips = plan.trips;
    this.feasible = plan.feasible;
    this.violationAt = plan.violationAt;

    const timed = inst.timed;
    const profile = this.type.profile;
    const ls = set.ls.subarray(0, L);
    ls[L - 1] = this.vehicle.shiftEndS;
    for (let p = L - 2; p >= 0; p--) {
      // time-dependent: the arc time of the latest departure reaching p+1 by ls[p+1] (exact, FIFO)
      const drive = timed ? timed.arriving(loc[p]!, loc[p + 1]!, profile, ls[p + 1]!) : arcTime[p]!;
      const bound = ls[p + 1]! - drive - svc[p]!;
      ls[p] = nodes[p]! < 0 ? Math.min(bound, this.vehicle.shiftEndS) : inst.latestStart(nodes[p]!, bound);
    }
    this.loc = loc;
    this.arcDist = arcDist;
    this.arcTime = arcTime;
    this.ls = ls;
    this.computeLoads(L, dims, set);
    this.indexPositions();
  }

  private indexPositions(): void {
    const pos = this.positions;
    if (pos === undefined) return;
    const nodes = this.nodes;
    for (let p = 1; p < nodes.length - 1; p++) if (nodes[p]! >= 0) pos[nodes[p]!] = p;
  }

  private computeLoads(L: number, dims: number, set: CacheArrays): void {
    const inst = this.inst;
    const nodes = this.nodes;
    const loadOut = set.loadOut.subarray(0, L * dims);
    const prefMax = set.prefMax.subarray(0, L * dims);
    const sufMax = set.sufMax.subarray(0, L * dims);
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
    // the final depot has no outgoing arc
    for (let d = 0; d < dims; d++) {
      loadOut[(L - 1) * dims + d] = 0;
      prefMax[(L - 1) * dims + d] = 0;
      sufMax[(L - 1) * dims + d] = 0;
    }
    this.loadOut = loadOut;
    this.prefMax = prefMax;
    this.sufMax = sufMax;
  }

  /**
   * Everything recompute() derives. The arrays are views that later rebuilds do not write into until
   * the next capture() of this route, so a capture stays valid until then: one live capture per route, as
   * the solution's journal keeps.
   */
  capture(): RouteCapture {
    this.captured = this.current;
    return {
      nodes: this.nodes.slice(),
      es: this.es,
      svc: this.svc,
      ls: this.ls,
      loc: this.loc,
      arcDist: this.arcDist,
      arcTime: this.arcTime,
      loadOut: this.loadOut,
      prefMax: this.prefMax,
      sufMax: this.sufMax,
      cost: this.cost,
      distance: this.distance,
      jobs: this.jobs,
      trips: this.trips,
      feasible: this.feasible,
      violationAt: this.violationAt,
      arrays: this.current,
    };
  }

  /** Undoes changes back to the last capture in O(1) (plus the node copy already made). */
  restoreCapture(c: RouteCapture): void {
    this.nodes = c.nodes;
    this.es = c.es;
    this.svc = c.svc;
    this.ls = c.ls;
    this.loc = c.loc;
    this.arcDist = c.arcDist;
    this.arcTime = c.arcTime;
    this.loadOut = c.loadOut;
    this.prefMax = c.prefMax;
    this.sufMax = c.sufMax;
    this.cost = c.cost;
    this.distance = c.distance;
    this.jobs = c.jobs;
    this.trips = c.trips;
    this.feasible = c.feasible;
    this.violationAt = c.violationAt;
    this.current = c.arrays;
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
