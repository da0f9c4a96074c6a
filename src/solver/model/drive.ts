import type { Instance } from './instance.ts';

/**
 * Driving time from location a to b leaving at `departS`: time-dependent when the problem's travel is
 * (speed profiles by hour), the static duration otherwise. For the loops that are not the hottest; the
 * insertion scan and the day schedule branch inline.
 */
export function driveS(inst: Instance, a: number, b: number, profile: number, departS: number): number {
  const timed = inst.timed;
  return timed ? timed.leaving(a, b, profile, departS) : inst.problem.travel.duration(a, b, profile);
}
