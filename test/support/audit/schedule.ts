import type { Order, PlanRoute, PlanStop, Receiver } from '../../../src/contracts/index.ts';
import { clockShows, hms } from './clock.ts';
import type { AuditContext } from './context.ts';
import { DEFAULT_SERVICE_MIN, EXTRA_SERVICE_PER_ORDER_MIN, type AuditVehicleType } from './factors.ts';
import type { Place } from './geo.ts';
import { DURATION_ROUNDING_MIN, TIME_TOLERANCE_S, WAIT_ROUNDING_S } from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';
import { stopWindows } from './windows.ts';

/** A printed stop with what it refers to in the scenario. */
export interface ResolvedStop {
  readonly stop: PlanStop;
  readonly at: string;
  readonly receiver: Receiver | undefined;
  readonly place: Place;
  readonly orders: readonly Order[];
}

/** Service at a stop: the receiver's minutes (default 5) plus one per extra order handed over. */
function serviceS(receiver: Receiver | undefined, orders: number): number {
  const base = receiver?.serviceMinutes ?? DEFAULT_SERVICE_MIN;
  return (base + Math.max(0, orders - 1) * EXTRA_SERVICE_PER_ORDER_MIN) * 60;
}

/**
 * The schedule, each step checked on its own from the printed seconds (so one fault is reported where
 * it is): physical arrival = previous departure + travel; service starts then, or after a wait that
 * ends when a window opens, inside the stop's windows; departure = start + service; the vehicle is back
 * after the last leg. Returns the trip's duration in seconds.
 */
export function checkSchedule(
  ctx: AuditContext,
  v: Violations,
  at: string,
  route: PlanRoute,
  type: AuditVehicleType,
  start: Place,
  stops: readonly ResolvedStop[],
): number {
  const dep = route.departureSec;
  const ret = route.returnSec;
  const secs = stops.map((s) => [s.stop.arrivalSec, s.stop.departureSec] as const);
  if (dep === undefined || ret === undefined || secs.some(([a, d]) => a === undefined || d === undefined)) {
    v.add('TIME_SECONDS_MISSING', at, 'departureSec/returnSec or a stop arrivalSec/departureSec is missing');
    return route.durationMin * 60;
  }
  const clock = (where: string, field: string, hhmm: string, sec: number): void => {
    if (!clockShows(hhmm, sec, TIME_TOLERANCE_S))
      v.add('CLOCK_MISMATCH', where, `${field} printed ${hhmm}, its seconds say ${hms(sec)}`);
  };
  clock(at, 'departure', route.departure, dep);
  clock(at, 'returnAt', route.returnAt, ret);
  let t = dep;
  let from = start;
  for (const s of stops) {
    const arrival = s.stop.arrivalSec as number;
    const departure = s.stop.departureSec as number;
    clock(s.at, 'arrival', s.stop.arrival, arrival);
    clock(s.at, 'departure', s.stop.departure, departure);
    const reached = t + ctx.travel.driveS(from, s.place, type, t);
    const waitS = (s.stop.waitMin ?? 0) * 60;
    const windows = s.receiver ? stopWindows(s.receiver, s.orders) : [];
    if (arrival < reached - TIME_TOLERANCE_S)
      v.add('ARRIVAL_TOO_EARLY', s.at, `serves at ${hms(arrival)}, cannot be there before ${hms(reached)}`);
    else if (Math.abs(arrival - reached - waitS) > TIME_TOLERANCE_S + WAIT_ROUNDING_S)
      v.add(
        'WAIT_MISMATCH',
        s.at,
        `reached at ${hms(reached)}, waits ${s.stop.waitMin ?? 0} min, but serves at ${hms(arrival)}`,
      );
    else if (
      waitS > WAIT_ROUNDING_S &&
      !windows.some(([open]) => Math.abs(arrival - open) <= TIME_TOLERANCE_S)
    )
      v.add('WAIT_UNNEEDED', s.at, `waits ${s.stop.waitMin} min although no window opens at ${hms(arrival)}`);
    if (
      !windows.some(
        ([open, close]) => arrival >= open - TIME_TOLERANCE_S && arrival <= close + TIME_TOLERANCE_S,
      )
    )
      v.add(
        'OUTSIDE_WINDOW',
        s.at,
        `service starts ${hms(arrival)}, outside ${windows.map(([o, c]) => `${hms(o)}-${hms(c)}`).join(', ') || 'every window (none left)'}`,
      );
    const service = serviceS(s.receiver, s.stop.orderIds.length);
    if (Math.abs(departure - arrival - service) > TIME_TOLERANCE_S)
      v.add(
        'SERVICE_TIME_MISMATCH',
        s.at,
        `leaves ${fmt((departure - arrival) / 60)} min after service starts, service takes ${fmt(service / 60)} min`,
      );
    t = departure;
    from = s.place;
  }
  const back = t + ctx.travel.driveS(from, start, type, t);
  if (Math.abs(ret - back) > TIME_TOLERANCE_S)
    v.add('RETURN_TIME_MISMATCH', at, `back at ${hms(ret)}, the last leg ends at ${hms(back)}`);
  const durationS = ret - dep;
  if (Math.abs(route.durationMin - durationS / 60) > DURATION_ROUNDING_MIN + 1e-9)
    v.add(
      'DURATION_MISMATCH',
      at,
      `durationMin ${route.durationMin}, departure to return is ${fmt(durationS / 60)} min`,
    );
  return durationS;
}
