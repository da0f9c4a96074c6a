import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { UnassignedReason } from '../domain/routing-solution.ts';
import type { SolveParams } from './api.ts';
import { constructInitial } from './construction/initial.ts';
import { constructFromRoutes } from './construction/warm-start.ts';
import { classifyJobs, vehicleClasses } from './model/classify.ts';
import { buildInstance, type Instance } from './model/instance.ts';
import { neighbourSource } from './model/neighbours.ts';
import { Rng } from './rng.ts';
import type { RecreateContext } from './search/recreate.ts';
import type { SearchContext } from './search/search-context.ts';
import { Solution } from './search/solution.ts';
import { Budget } from './stop/budget.ts';

/** Up to this many used vehicles every route is scanned for each insertion; above, neighbours' routes first. */
const FULL_SCAN_LIMIT = 40;

export interface PreparedSearch {
  readonly ctx: SearchContext;
  readonly servable: readonly number[];
  readonly unservable: readonly { job: number; reason: UnassignedReason }[];
}

/**
 * Everything before the search: the flattened instance, jobs no vehicle can serve, neighbour lists and a
 * greedy initial solution (with a prohibitive cost per vehicle under objective 'vehicles'). The budget's
 * clock starts here.
 */
export function prepareSearch(problem: RoutingProblem, params: SolveParams): PreparedSearch {
  const budget = new Budget(params);
  const inst = buildInstance(problem);
  const rng = new Rng(params.seed);
  const reasons = classifyJobs(inst);
  const unservable: { job: number; reason: UnassignedReason }[] = [];
  const servable: number[] = [];
  reasons.forEach((reason, job) =>
    reason === undefined ? servable.push(job) : unservable.push({ job, reason }),
  );

  // Each job's list is computed when first asked for: the construction asks for none on a day of up to
  // FULL_SCAN_LIMIT vehicles, and a solve of no iteration (effort draft) asks for nothing else.
  const neighboursOf = neighbourSource(inst, rng);
  let neighbours: Int32Array[] | undefined;
  const allNeighbours = (): Int32Array[] =>
    (neighbours ??= Array.from({ length: inst.n }, (_, j) => neighboursOf(j)));
  const sol = new Solution(inst);
  const recreateCtx: RecreateContext = {
    inst,
    neighboursOf,
    classes: vehicleClasses(inst),
    depotDist: depotDistances(inst),
    demand: demands(inst),
    rng,
    fullScanLimit: FULL_SCAN_LIMIT,
  };
  const byVehicles = params.objective === 'vehicles';
  // asked for by the fleet objective's opening penalty and when the construction leaves no arc to scale on
  let nearestScale: number | undefined;
  const nearScale = (): number => (nearestScale ??= nearestArcScale(inst, neighboursOf));
  const openPenalty = byVehicles ? 1e6 * nearScale() : 0;
  if (params.initial) constructFromRoutes(sol, servable, params.initial, recreateCtx, openPenalty);
  else constructInitial(sol, servable, recreateCtx, openPenalty);
  const ctx: SearchContext = {
    inst,
    sol,
    get neighbours() {
      return allNeighbours();
    },
    recreate: recreateCtx,
    rng,
    budget,
    params,
    byVehicles,
    arcScale: solutionArcScale(sol) ?? nearScale(),
    windowsBind: windowsBind(inst),
  };
  return { ctx, servable, unservable };
}

/** True when some job window starts after the earliest shift start or closes before the latest shift end. */
function windowsBind(inst: Instance): boolean {
  let start = Infinity;
  let end = -Infinity;
  for (const v of inst.vehicles) {
    start = Math.min(start, v.shiftStartS);
    end = Math.max(end, v.shiftEndS);
  }
  for (let w = 0; w < inst.winOpen.length; w++)
    if (inst.winOpen[w]! > start || inst.winClose[w]! < end) return true;
  return false;
}

/** Distance from each job to the nearest distinct depot (sort key "far"/"close"). */
function depotDistances(inst: Instance): Float64Array {
  const depots = [...new Set(inst.vehicles.map((v) => v.depot))].slice(0, 16);
  const out = new Float64Array(inst.n);
  for (let j = 0; j < inst.n; j++) {
    let best = Infinity;
    for (const d of depots) best = Math.min(best, inst.problem.travel.distance(d, inst.jobLoc[j]!));
    out[j] = best === Infinity ? 0 : best;
  }
  return out;
}

/** Sum over dimensions of (delivery + pickup) / largest capacity (sort key "demand"). */
function demands(inst: Instance): Float64Array {
  const out = new Float64Array(inst.n);
  for (let j = 0; j < inst.n; j++) {
    let s = 0;
    for (let d = 0; d < inst.dims; d++) {
      const cap = inst.maxCap[d]! || 1;
      s += (inst.del[j * inst.dims + d]! + inst.pick[j * inst.dims + d]!) / cap;
    }
    out[j] = s;
  }
  return out;
}

/** Mean variable cost per arc of a solution (fixed costs excluded); undefined if it has no arcs. */
function solutionArcScale(sol: Solution): number | undefined {
  let cost = 0;
  let arcs = 0;
  for (const r of sol.routes) {
    if (r.jobs === 0) continue;
    cost += r.cost - r.type.fixedCost;
    arcs += r.jobs + r.trips;
  }
  return arcs > 0 && cost > 0 ? cost / arcs : undefined;
}

/** Mean cost of the arc from a job to its nearest neighbour (first vehicle type's cost rates); >= tiny. */
function nearestArcScale(inst: Instance, neighboursOf: (job: number) => Int32Array): number {
  const type = inst.types[inst.vehicles[0]?.type ?? 0];
  if (type === undefined || inst.n === 0) return 1;
  const travel = inst.problem.travel;
  const step = Math.max(1, Math.floor(inst.n / 1000));
  let sum = 0;
  let count = 0;
  for (let j = 0; j < inst.n; j += step) {
    const nb = neighboursOf(j)[0];
    if (nb === undefined) continue;
    const a = inst.jobLoc[j]!;
    const b = inst.jobLoc[nb]!;
    sum +=
      type.costPerMetre * travel.distance(a, b) + type.costPerSecond * travel.duration(a, b, type.profile);
    count++;
  }
  const mean = count > 0 ? sum / count : 0;
  return mean > 0 ? mean : 1;
}
