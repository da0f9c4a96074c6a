import type { Rng } from '../rng.ts';

/** A solution's standing, compared lexicographically: unassigned jobs, then vehicles, then cost. */
export interface Score {
  readonly unassigned: number;
  /** Used vehicles under objective 'vehicles'; 0 under 'cost' so it never decides. */
  readonly vehicles: number;
  readonly cost: number;
}

export const better = (a: Score, b: Score): boolean =>
  a.unassigned !== b.unassigned
    ? a.unassigned < b.unassigned
    : a.vehicles !== b.vehicles
      ? a.vehicles < b.vehicles
      : a.cost < b.cost - 1e-9;

/**
 * Simulated annealing with the temperature decaying geometrically from `t0` to `tEnd` over the budget
 * (SISR's criterion: accept when cost < current - T ln U). Never accepts more unassigned jobs or more
 * vehicles.
 */
export class Annealing {
  constructor(
    private readonly t0: number,
    private readonly tEnd: number,
  ) {}

  temperature(fraction: number): number {
    return this.t0 * Math.pow(this.tEnd / this.t0, Math.min(1, Math.max(0, fraction)));
  }

  accept(candidate: Score, current: Score, fraction: number, rng: Rng): boolean {
    if (candidate.unassigned !== current.unassigned) return candidate.unassigned < current.unassigned;
    if (candidate.vehicles !== current.vehicles) return candidate.vehicles < current.vehicles;
    const t = this.temperature(fraction);
    return candidate.cost < current.cost - t * Math.log(rng.next() || Number.MIN_VALUE);
  }
}
