import type { City, Window } from '../domain/city.ts';
import type { Seconds } from '../domain/units.ts';
import type { Bundle } from './bundle.ts';
import { intersectWindows } from './windows.ts';

/** What the solver is told about one job: the types that may serve it and when service may start. */
export interface JobAccess {
  /** undefined = every vehicle of the problem. */
  readonly allowedVehicleTypes?: readonly number[] | undefined;
  readonly windows: readonly Window[];
  /** Why no vehicle may serve the job, when none may. */
  readonly note?: string | undefined;
}

/**
 * Start times at which a visit of `serviceS` by this type fits wholly inside an allowed period of the receiver
 * (each period's end moved back by the service), or undefined when the type is not restricted there.
 * Driving to and from the stop is not counted: the rules bind the stop, not the streets leading to it.
 */
export function serviceStarts(
  city: City,
  receiver: number,
  type: number,
  serviceS: Seconds,
): Window[] | undefined {
  const periods = city.receivers[receiver]?.accessByType?.[type];
  if (periods === undefined) return undefined;
  return periods.flatMap(([s, e]): Window[] => (e - serviceS >= s ? [[s, e - serviceS]] : []));
}

const covers = (periods: readonly Window[], windows: readonly Window[]): boolean =>
  windows.every(([s, e]) => periods.some(([ps, pe]) => ps <= s && e <= pe));

function barredNote(city: City, b: Bundle, who: string): string {
  const r = city.receivers[b.receiver];
  return `${who} may not serve ${r?.id ?? b.receiver} in its windows (${(r?.accessRules ?? []).join(', ')})`;
}

/**
 * A carrier's own rounds: one vehicle type, so the job keeps the start times its windows and the type's
 * access share; none left = no vehicle allowed (reported, never served at a barred hour).
 */
export function singleTypeAccess(city: City, b: Bundle, type: number): JobAccess {
  const starts = serviceStarts(city, b.receiver, type, b.serviceS);
  if (starts === undefined) return { windows: b.windows };
  const windows = intersectWindows(b.windows, starts);
  if (windows.length > 0) return { windows };
  const t = city.vehicleTypes[type];
  return {
    allowedVehicleTypes: [],
    windows: b.windows,
    note: barredNote(city, b, t ? `${t.id} (${t.powertrain} ${t.class})` : 'its vehicle type'),
  };
}

/**
 * A mixed fleet: the solver gives a job one set of windows for every vehicle, so part-time access must be
 * settled per job. Types allowed throughout the job's windows serve it in its windows; when there is one,
 * types allowed only part of that time are left out (conservative: they could have served at the allowed
 * hours). When there is none, the part-time types serve it within the time they are all allowed (largest
 * allowed time first, each added only if a common time remains). `fleetTypes` are the types of the vehicles
 * at hand.
 */
export function mixedFleetAccess(city: City, b: Bundle, fleetTypes: readonly number[]): JobAccess {
  if (!city.receivers[b.receiver]?.accessByType) return { windows: b.windows };
  const full: number[] = [];
  const partial: { type: number; windows: Window[]; s: Seconds }[] = [];
  for (const type of fleetTypes) {
    const starts = serviceStarts(city, b.receiver, type, b.serviceS);
    if (starts === undefined || covers(starts, b.windows)) {
      full.push(type);
      continue;
    }
    const windows = intersectWindows(b.windows, starts);
    if (windows.length > 0)
      partial.push({ type, windows, s: windows.reduce((sum, [s, e]) => sum + e - s, 0) });
  }
  if (full.length === fleetTypes.length) return { windows: b.windows };
  if (full.length > 0) return { allowedVehicleTypes: full, windows: b.windows };
  if (partial.length === 0)
    return {
      allowedVehicleTypes: [],
      windows: b.windows,
      note: barredNote(city, b, "the fleet's types"),
    };
  partial.sort((x, y) => y.s - x.s || x.type - y.type);
  const [first, ...rest] = partial as [(typeof partial)[number], ...typeof partial];
  const chosen = [first.type];
  let windows = first.windows;
  for (const p of rest) {
    const common = intersectWindows(windows, p.windows);
    if (common.length === 0) continue;
    chosen.push(p.type);
    windows = common;
  }
  return { allowedVehicleTypes: chosen.sort((x, y) => x - y), windows };
}
