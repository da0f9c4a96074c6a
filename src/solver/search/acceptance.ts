import type { Rng } from '../rng.ts';

/**
 * A solution's standing, compared lexicographically: unassigned jobs, then their size, then vehicles, then
 * cost.
 */
export interface Score {
  readonly unassigned: number;
  /**
   * Sum of the unassigned jobs' sizes (each the sum over dimensions of its demand over the largest capacity):
   * of two solutions leaving as many jobs out, the one leaving out less is ahead. Cost alone drifts to
   * leaving out the job whose visit costs most, often the largest, the one hardest to fit back in (Lille's
   * two-echelon cargo-bike micro-hub, packed at 93 % of its kg: a 175 kg bundle stayed out on every seed).
   */
  readonly unassignedSize: number;
  /** Used vehicles under objective 'vehicles'; 0 under 'cost' so it never decides. */
  readonly vehicles: number;
  readonly cost: number;
}

/** Sizes closer than this are equal: the same jobs summed in another order may differ in the last bits. */
const SIZE_EPSILON = 1e-9;

const sizeDiffers = (a: Score, b: Score): boolean =>
  Math.abs(a.unassignedSize - b.unassignedSize) > SIZE_EPSILON;

export const better = (a: Score, b: Score): boolean =>
  a.unassigned !== b.unassigned
    ? a.unassigned < b.unassigned
    : sizeDiffers(a, b)
      ? a.unassignedSize < b.unassignedSize
      : a.vehicles !== b.vehicles
        ? a.vehicles < b.vehicles
        : a.cost < b.cost - 1e-9;

/**
 * Simulated annealing with the temperature decaying geometrically from `t0` to `tEnd` over the budget
 * (SISR's criterion: accept when cost < current - T ln U). Never accepts more unassigned jobs or more
 * vehicles, nor a larger size of unassigned jobs.
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
    if (sizeDiffers(candidate, current)) return candidate.unassignedSize < current.unassignedSize;
    if (candidate.vehicles !== current.vehicles) return candidate.vehicles < current.vehicles;
    const t = this.temperature(fraction);
    return candidate.cost < current.cost - t * Math.log(rng.next() || Number.MIN_VALUE);
  }
}
