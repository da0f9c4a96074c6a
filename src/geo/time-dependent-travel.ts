import type { DaySpeedFactors, TimedTravel, TravelModel } from '../domain/routing-problem.ts';
import type { Seconds } from '../domain/units.ts';

export const DAY_S = 86_400;

/** One period of a speed profile: `factor` x the free-running speed from `startS` to `endS` (`endS < startS` wraps midnight). */
export interface SpeedPeriod {
  readonly startS: Seconds;
  readonly endS: Seconds;
  readonly factor: number;
}

/**
 * A day's factors from non-overlapping periods (factor 1 outside them), as sorted starts from midnight.
 * Neighbouring periods with the same factor are merged, so a period boundary is only where speed changes.
 */
export function daySpeedFactors(periods: readonly SpeedPeriod[]): DaySpeedFactors {
  const pieces: [number, number, number][] = [];
  for (const { startS, endS, factor } of periods) {
    if (endS > startS) pieces.push([startS, endS, factor]);
    else {
      if (startS < DAY_S) pieces.push([startS, DAY_S, factor]);
      if (endS > 0) pieces.push([0, endS, factor]);
    }
  }
  pieces.sort((a, b) => a[0] - b[0]);
  const startsS: number[] = [];
  const factors: number[] = [];
  const push = (s: number, f: number): void => {
    if (factors.length > 0 && factors[factors.length - 1] === f) return;
    startsS.push(s);
    factors.push(f);
  };
  let t = 0;
  for (const [s, e, f] of pieces) {
    if (s > t) push(t, 1);
    push(s, f);
    t = e;
  }
  if (t < DAY_S) push(t, 1);
  return { startsS, factors };
}

/** The period in force at time of day `tod` (0 <= tod < DAY_S): the last start at or before it. */
function periodAt(f: DaySpeedFactors, tod: number): number {
  let k = f.startsS.length - 1;
  while (k > 0 && (f.startsS[k] as number) > tod) k--;
  return k;
}

/**
 * Driving time of an arc whose free-running time is `freeS`, leaving at `departS`: the free-running
 * seconds are covered at `factor` per second in each period crossed (Ichoua, Gendreau and Potvin 2003).
 * Arrival `departS + result` strictly increases with `departS` (FIFO) since every factor is positive.
 */
export function drivingTimeLeavingS(freeS: Seconds, f: DaySpeedFactors, departS: Seconds): Seconds {
  if (!(freeS > 0) || !Number.isFinite(freeS) || !Number.isFinite(departS)) return freeS;
  const n = f.startsS.length;
  let day = Math.floor(departS / DAY_S);
  let k = periodAt(f, departS - day * DAY_S);
  let t = departS;
  let remaining = freeS;
  for (;;) {
    const factor = f.factors[k] as number;
    const end = day * DAY_S + (k + 1 < n ? (f.startsS[k + 1] as number) : DAY_S);
    const reach = (end - t) * factor;
    if (reach >= remaining) return t + remaining / factor - departS;
    remaining -= reach;
    t = end;
    if (++k === n) {
      k = 0;
      day++;
    }
  }
}

/**
 * Driving time of the latest departure that arrives at `arriveS` on an arc of free-running time `freeS`:
 * the same integration run backwards from the arrival, so `leaving(arriveS - result)` gives back `result`.
 */
export function drivingTimeArrivingS(freeS: Seconds, f: DaySpeedFactors, arriveS: Seconds): Seconds {
  if (!(freeS > 0) || !Number.isFinite(freeS) || !Number.isFinite(arriveS)) return freeS;
  const n = f.startsS.length;
  let day = Math.floor(arriveS / DAY_S);
  const tod = arriveS - day * DAY_S;
  // the period in force just before the arrival: at a period's start, the one before it
  let k = periodAt(f, tod);
  if ((f.startsS[k] as number) === tod) k--;
  if (k < 0) {
    k = n - 1;
    day--;
  }
  let t = arriveS;
  let remaining = freeS;
  for (;;) {
    const factor = f.factors[k] as number;
    const start = day * DAY_S + (f.startsS[k] as number);
    const reach = (t - start) * factor;
    if (reach >= remaining) return arriveS - (t - remaining / factor);
    remaining -= reach;
    t = start;
    if (--k < 0) {
      k = n - 1;
      day--;
    }
  }
}

/**
 * `base` with time-dependent driving times: `factorsOf(from, to, profile)` says which day's factors an arc
 * is driven at (undefined = the base duration all day). Distances do not change with the hour.
 */
export function timeDependentTravel(
  base: TravelModel,
  factorsOf: (from: number, to: number, profile: number) => DaySpeedFactors | undefined,
): TravelModel {
  const timed: TimedTravel = {
    leaving(from, to, profile, departS) {
      const free = base.duration(from, to, profile);
      const f = factorsOf(from, to, profile);
      return f === undefined ? free : drivingTimeLeavingS(free, f, departS);
    },
    arriving(from, to, profile, arriveS) {
      const free = base.duration(from, to, profile);
      const f = factorsOf(from, to, profile);
      return f === undefined ? free : drivingTimeArrivingS(free, f, arriveS);
    },
    factorsOf,
  };
  const nearest = base.nearest;
  return {
    size: base.size,
    distance: (from, to) => base.distance(from, to),
    duration: (from, to, profile) => base.duration(from, to, profile),
    ...(nearest ? { nearest: (from: number, k: number) => nearest.call(base, from, k) } : {}),
    timed,
  };
}

/** Driving time from `from` to `to` leaving at `departS` on any travel model (static: the duration). */
export function drivingLeavingS(
  travel: TravelModel,
  from: number,
  to: number,
  profile: number,
  departS: Seconds,
): Seconds {
  return travel.timed ? travel.timed.leaving(from, to, profile, departS) : travel.duration(from, to, profile);
}

/** Driving time of the latest departure reaching `to` at `arriveS` on any travel model (static: the duration). */
export function drivingArrivingS(
  travel: TravelModel,
  from: number,
  to: number,
  profile: number,
  arriveS: Seconds,
): Seconds {
  return travel.timed
    ? travel.timed.arriving(from, to, profile, arriveS)
    : travel.duration(from, to, profile);
}
