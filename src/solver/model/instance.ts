import type {
  RoutingProblem,
  RoutingVehicle,
  RoutingVehicleType,
  TimedTravel,
} from '../../domain/routing-problem.ts';

/** Marker for a depot node (trip start, reload or final return); the only negative node, so hot loops test `node < 0`. */
export const DEPOT = -1;

/**
 * The problem flattened into typed arrays the hot loops read: job windows, loads per dimension,
 * allowed vehicle types. Built once per solve and never mutated.
 */
/** Seconds of rounding tolerated on window closes (far below any real time resolution). */
export const TIME_EPS = 1e-7;

export interface Instance {
  readonly problem: RoutingProblem;
  readonly n: number;
  readonly dims: number;
  readonly jobLoc: Int32Array;
  readonly jobSvc: Float64Array;
  /** Windows of job j are `winOpen/winClose[winOff[j] .. winOff[j+1])`. */
  readonly winOff: Int32Array;
  readonly winOpen: Float64Array;
  readonly winClose: Float64Array;
  /** Delivery / pickup of job j in dimension d at `j * dims + d`. */
  readonly del: Float64Array;
  readonly pick: Float64Array;
  /** 1 if job j may ride vehicle type t (allowed and fits alone), at `j * nTypes + t`. */
  readonly typeOk: Uint8Array;
  readonly nTypes: number;
  readonly types: readonly RoutingVehicleType[];
  readonly vehicles: readonly RoutingVehicle[];
  /**
   * Time-dependent driving times, or undefined when durations are static. When set, every schedule reads
   * `timed.leaving` at the actual departure and `timed.arriving` backwards from a latest start (both exact
   * and FIFO), so the O(1) insertion checks against `ls` stay exact; nothing else changes.
   */
  readonly timed: TimedTravel | undefined;
  /** Largest capacity of any type per dimension (to normalise demands). */
  readonly maxCap: Float64Array;
  /** Earliest service start at job j when arriving at `t`, or +Infinity if every window has closed. */
  readonly earliestStart: (j: number, t: number) => number;
  /** Latest service start at job j that is not after `bound`, or -Infinity if no window opens by then. */
  readonly latestStart: (j: number, bound: number) => number;
}

export function buildInstance(problem: RoutingProblem): Instance {
  const n = problem.jobs.length;
  const dims = problem.dimensions;
  const nTypes = problem.vehicleTypes.length;
  const jobLoc = new Int32Array(n);
  const jobSvc = new Float64Array(n);
  const winOff = new Int32Array(n + 1);
  const opens: number[] = [];
  const closes: number[] = [];
  const del = new Float64Array(n * dims);
  const pick = new Float64Array(n * dims);
  const typeOk = new Uint8Array(n * nTypes);
  const maxCap = new Float64Array(dims);
  for (const t of problem.vehicleTypes)
    for (let d = 0; d < dims; d++) maxCap[d] = Math.max(maxCap[d]!, t.capacity[d] ?? 0);

  problem.jobs.forEach((job, j) => {
    jobLoc[j] = job.location;
    jobSvc[j] = job.serviceS;
    winOff[j] = opens.length;
    for (const [o, c] of job.windows) {
      opens.push(o);
      closes.push(c);
    }
    for (let d = 0; d < dims; d++) {
      del[j * dims + d] = job.delivery[d] ?? 0;
      pick[j * dims + d] = job.pickup[d] ?? 0;
    }
    const allowed = job.allowedVehicleTypes;
    problem.vehicleTypes.forEach((type, t) => {
      if (allowed !== undefined && !allowed.includes(t)) return;
      let fits = true;
      for (let d = 0; d < dims; d++) {
        const cap = type.capacity[d] ?? 0;
        if (del[j * dims + d]! > cap || pick[j * dims + d]! > cap) fits = false;
      }
      if (fits) typeOk[j * nTypes + t] = 1;
    });
  });
  winOff[n] = opens.length;
  const winOpen = Float64Array.from(opens);
  const winClose = Float64Array.from(closes);

  // Plain closures on the instance (not module exports): hot loops call them millions of times.
  // TIME_EPS absorbs rounding when a schedule computed backwards (late departure) is replayed forwards.
  const earliestStart = (j: number, t: number): number => {
    const end = winOff[j + 1]!;
    let w = winOff[j]!;
    if (w === end) return t;
    for (; w < end; w++) if (t <= winClose[w]! + TIME_EPS) return t > winOpen[w]! ? t : winOpen[w]!;
    return Infinity;
  };
  const latestStart = (j: number, bound: number): number => {
    const begin = winOff[j]!;
    let w = winOff[j + 1]! - 1;
    if (w < begin) return bound;
    // TIME_EPS: a bound computed backwards from a start that waited for this window's open lands a
    // rounding error below the open; without the tolerance the window is lost (a late departure falls
    // back to the earliest one, and the day is charged for the wait).
    for (; w >= begin; w--) {
      const open = winOpen[w]!;
      if (open <= bound + TIME_EPS) return bound < open ? open : bound < winClose[w]! ? bound : winClose[w]!;
    }
    return -Infinity;
  };

  return {
    problem,
    n,
    dims,
    jobLoc,
    jobSvc,
    winOff,
    winOpen,
    winClose,
    del,
    pick,
    typeOk,
    nTypes,
    types: problem.vehicleTypes,
    vehicles: problem.vehicles,
    timed: problem.travel.timed,
    maxCap,
    earliestStart,
    latestStart,
  };
}
