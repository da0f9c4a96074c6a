import type { UnassignedReason } from '../../domain/routing-solution.ts';
import { scheduleDay } from '../evaluation/day-schedule.ts';
import { DEPOT, type Instance } from './instance.ts';

/**
 * Why a job can never be served, decided once before the search: checked alone on one vehicle of every
 * distinct (type, depot, shift) class. `undefined` means the job is servable alone by some vehicle.
 */
export function classifyJobs(inst: Instance): (UnassignedReason | undefined)[] {
  const classes = representativeVehicles(inst);
  const reasons: (UnassignedReason | undefined)[] = [];
  for (let j = 0; j < inst.n; j++) reasons.push(classify(inst, j, classes));
  return reasons;
}

function classify(inst: Instance, j: number, reps: readonly number[]): UnassignedReason | undefined {
  const allowed = inst.problem.jobs[j]!.allowedVehicleTypes;
  const allowedVehicles = reps.filter(
    (v) => allowed === undefined || allowed.includes(inst.vehicles[v]!.type),
  );
  if (allowedVehicles.length === 0) return 'no-vehicle-allowed';
  const fitting = allowedVehicles.filter((v) => inst.typeOk[j * inst.nTypes + inst.vehicles[v]!.type] === 1);
  if (fitting.length === 0) return 'too-big-for-every-vehicle';
  let timeOk = false;
  for (const v of fitting) {
    const type = inst.types[inst.vehicles[v]!.type]!;
    const unlimited = {
      ...inst,
      types: inst.types.map((t, i) => (i === inst.vehicles[v]!.type ? { ...type, energy: undefined } : t)),
    };
    if (!scheduleDay(unlimited, v, [DEPOT, j, DEPOT]).feasible) continue;
    timeOk = true;
    if (scheduleDay(inst, v, [DEPOT, j, DEPOT]).feasible) return undefined;
  }
  return timeOk ? 'range-exceeded' : 'window-unreachable';
}

/** One vehicle per class of interchangeable vehicles (same type, depot, shift, trips and reload). */
export function vehicleClasses(inst: Instance): number[][] {
  const byKey = new Map<string, number[]>();
  inst.vehicles.forEach((veh, v) => {
    const key = `${veh.type}|${veh.depot}|${veh.shiftStartS}|${veh.shiftEndS}|${veh.maxTrips}|${veh.reloadS}`;
    const list = byKey.get(key);
    if (list) list.push(v);
    else byKey.set(key, [v]);
  });
  return [...byKey.values()];
}

function representativeVehicles(inst: Instance): number[] {
  return vehicleClasses(inst)
    .map((c) => c[0]!)
    .filter((v) => inst.vehicles[v]!.maxTrips >= 1);
}
