import type { Scenario } from '../../../src/contracts/index.ts';
import { clockToSec } from './clock.ts';
import { pointInArea, type Place } from './geo.ts';

const DAY_S = 24 * 3600;

/** A period as the scenario gives it, in seconds of the day (`endS <= startS` wraps midnight). */
interface Period {
  readonly startS: number;
  readonly endS: number;
  readonly factor: number;
}

type Profile = NonNullable<Scenario['travel']>['profiles'][number];

/** Seconds below which two instants are the same: a step lands on a period's edge up to float noise. */
const SAME_INSTANT_S = 1e-6;

/**
 * Time of day of `t`, snapped to a period edge within float noise: after a step of `edge - tod` from a
 * negative `t` (the day before), `t % DAY_S` can land a hair before the edge it stepped to.
 */
function timeOfDay(periods: readonly Period[], t: number): number {
  const tod = ((t % DAY_S) + DAY_S) % DAY_S;
  for (const p of periods)
    for (const edge of [p.startS, p.endS])
      if (Math.abs(tod - edge) < SAME_INSTANT_S || Math.abs(tod - edge - DAY_S) < SAME_INSTANT_S)
        return edge % DAY_S;
  return tod;
}

function covers(p: Period, tod: number): boolean {
  return p.endS > p.startS ? tod >= p.startS && tod < p.endS : tod >= p.startS || tod < p.endS;
}

/** The factor in force at `t`: the period covering it, else 1 (the scenario's periods do not overlap). */
function factorAt(periods: readonly Period[], t: number): number {
  const tod = timeOfDay(periods, t);
  return periods.find((p) => covers(p, tod))?.factor ?? 1;
}

/** The next instant after `t` at which some period starts or ends. */
function nextChange(periods: readonly Period[], t: number): number {
  const tod = timeOfDay(periods, t);
  let step = DAY_S;
  for (const p of periods)
    for (const edge of [p.startS, p.endS]) {
      const ahead = edge > tod ? edge - tod : edge - tod + DAY_S;
      if (ahead < step) step = ahead;
    }
  return t + step;
}

/**
 * The auditor's own driving time under speed factors (docs/model/time-dependent-travel.md), written apart
 * from src/geo: the free-running seconds `freeS` are covered at the factor in force, change by change.
 */
export function profiledDriveS(freeS: number, periods: readonly Period[], departS: number): number {
  if (!(freeS > 0) || !Number.isFinite(freeS) || periods.length === 0) return freeS;
  let t = departS;
  let left = freeS;
  for (;;) {
    const f = factorAt(periods, t);
    const next = nextChange(periods, t);
    if ((next - t) * f >= left) return t + left / f - departS;
    left -= (next - t) * f;
    t = next;
  }
}

/**
 * The periods an arc is driven at for a vehicle class: those of the first listed profile that names the class
 * (or names none) and whose area, if any, holds both ends; none = the static time.
 */
export function arcPeriods(scenario: Scenario, from: Place, to: Place, vehicleClass: string): Period[] {
  const profile = (scenario.travel?.profiles ?? []).find(
    (p: Profile) =>
      (p.vehicleClasses === undefined || p.vehicleClasses.includes(vehicleClass)) &&
      (p.area === undefined || (pointInArea(from.location, p.area) && pointInArea(to.location, p.area))),
  );
  return (profile?.periods ?? []).map((p) => ({
    startS: clockToSec(p.start),
    endS: clockToSec(p.end),
    factor: p.speedFactor,
  }));
}
