import { driveS } from '../model/drive.ts';
import { DEPOT, TIME_EPS, type Instance } from '../model/instance.ts';
import { daySummary } from './day-schedule.ts';

/**
 * Cost of one vehicle's day `[DEPOT, j.., DEPOT, ..]`, or +Infinity if it breaks a hard constraint:
 * the exact check of a local-search move. When time is free and trips are unlimited (distance costs,
 * no trip duration or range limit) it is one allocation-free forward pass with loads per trip;
 * otherwise it is the day's schedule (late departures priced, limits checked).
 */
export function dayCost(inst: Instance, v: number, nodes: readonly number[]): number {
  const vehicle = inst.vehicles[v]!;
  const type = inst.types[vehicle.type]!;
  if (
    type.costPerSecond !== 0 ||
    type.maxTripDurationS !== undefined ||
    type.energy?.rangeKWh !== undefined
  ) {
    const plan = daySummary(inst, v, nodes);
    return plan.feasible ? plan.cost : Infinity;
  }
  const L = nodes.length;
  if (L <= 2) return 0;
  const travel = inst.problem.travel;
  const dims = inst.dims;
  const cap = type.capacity;
  let t = vehicle.shiftStartS;
  let at = vehicle.depot;
  let distance = 0;
  for (let s = 0; s < L - 1;) {
    let e = s + 1;
    while (nodes[e]! !== DEPOT) e++;
    // Loads of trip (s, e): all deliveries aboard at the start, then per stop -delivery +pickup.
    for (let d = 0; d < dims; d++) {
      let load = 0;
      for (let p = s + 1; p < e; p++) load += inst.del[nodes[p]! * dims + d]!;
      const c = (cap[d] ?? 0) + 1e-9;
      if (load > c) return Infinity;
      for (let p = s + 1; p < e; p++) {
        const j = nodes[p]!;
        load += inst.pick[j * dims + d]! - inst.del[j * dims + d]!;
        if (load > c) return Infinity;
      }
    }
    if (s > 0) t += vehicle.reloadS;
    for (let p = s + 1; p <= e; p++) {
      const node = nodes[p]!;
      const loc = node < 0 ? vehicle.depot : inst.jobLoc[node]!;
      distance += travel.distance(at, loc);
      t += driveS(inst, at, loc, type.profile, t);
      at = loc;
      if (node < 0) {
        if (t > vehicle.shiftEndS + TIME_EPS) return Infinity;
        if (t < vehicle.shiftStartS) t = vehicle.shiftStartS;
      } else {
        t = inst.earliestStart(node, t);
        if (t === Infinity) return Infinity;
        t += inst.jobSvc[node]!;
      }
    }
    s = e;
  }
  return type.fixedCost + type.costPerMetre * distance;
}
