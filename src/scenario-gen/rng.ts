import { InternalError } from '../domain/errors.ts';

/**
 * Seeded pseudo-random numbers for the scenario generator: mulberry32 (32-bit state, period 2^32),
 * fast and good enough for synthetic data. The same seed always yields the same sequence on every
 * platform, which is what makes generated scenarios reproducible.
 */
export class Rng {
  private state: number;

  /** @param seed any integer; only its low 32 bits matter. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform float in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new InternalError('BROKEN_INVARIANT', 'pick from an empty array');
    return item;
  }

  /** Standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Index drawn with probability proportional to `weights` (all ≥ 0, at least one > 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    // Rounding can leave r at ~0: return the last index with a positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
    throw new InternalError('BROKEN_INVARIANT', 'weightedIndex needs at least one positive weight');
  }

  /** `k` distinct indices drawn without replacement, each draw proportional to the remaining weights. */
  weightedSample(weights: readonly number[], k: number): number[] {
    const left = [...weights];
    const chosen: number[] = [];
    for (let n = 0; n < k; n++) {
      const i = this.weightedIndex(left);
      chosen.push(i);
      left[i] = 0;
    }
    return chosen;
  }
}
