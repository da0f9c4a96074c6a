import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { profiledDriveS } from './audit/speed-profiles.ts';

const DAY_S = 24 * 3600;

/**
 * Driving time of an arc leaving at `departS` by the problem's own definition, computed apart from the
 * solver and src/geo: the static duration, or, when the travel model has speed factors, its free-running
 * time integrated over them by the auditor's formula.
 */
export function driveAt(
  problem: RoutingProblem,
  from: number,
  to: number,
  profile: number,
  departS: number,
): number {
  const free = problem.travel.duration(from, to, profile);
  const f = problem.travel.timed?.factorsOf(from, to, profile);
  if (f === undefined) return free;
  const periods = f.startsS.map((startS, k) => ({
    startS,
    endS: f.startsS[k + 1] ?? DAY_S,
    factor: f.factors[k] as number,
  }));
  return profiledDriveS(free, periods, departS);
}
