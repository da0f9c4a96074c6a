import { InputError } from '../domain/errors.ts';
import { roundShares, type Allocation } from './allocation.ts';
import { maxOf } from '../domain/arrays.ts';

/** Above this, even sampling is out of scope for a city day (and key building is O(n) per coalition). */
export const MAX_SAMPLED_PLAYERS = 1000;
export const MAX_PERMUTATIONS = 1_000_000;

export interface SamplingOptions {
  /** Seeded generator of uniform numbers in [0, 1): the caller owns the seed, so the estimate is reproducible. */
  readonly random: () => number;
  /** Stop once every player's standard error is at most this (euros). */
  readonly toleranceEur: number;
  /** Never stop before this many permutations (a standard error from 2 or 3 samples is meaningless). */
  readonly minPermutations?: number;
  /** Stop here whatever the standard error: the cap that bounds the cost evaluations at n x cap. */
  readonly maxPermutations: number;
}

/** A coalition priced during sampling, for the sampled core check. */
export interface SampledCoalition {
  readonly members: readonly number[];
  readonly costEur: number;
}

export interface SampledShapley {
  readonly allocation: Allocation;
  /** The unrounded estimate: mean marginal cost per player. */
  readonly meanEur: readonly number[];
  /** Standard error of each mean: sample standard deviation / sqrt(permutations). */
  readonly standardErrorEur: readonly number[];
  readonly permutations: number;
  readonly stoppedBy: 'tolerance' | 'cap';
  /** Every coalition priced (prefixes of the sampled orders), ascending members, in first-priced order. */
  readonly sampledCoalitions: readonly SampledCoalition[];
}

/**
 * The Shapley value estimated by sampling orders (Castro, Gomez & Tejada 2009, "Polynomial calculation of the
 * Shapley value based on sampling", Computers & Operations Research 36(5):1726-1730): draw a uniformly random
 * order of the players (Fisher-Yates with the injected generator), charge each player its marginal cost
 * c(P u {i}) - c(P) where P are the players before it, and average. Each order's marginal costs add up to
 * c(N), so the estimate is efficient whatever the sample; each player's mean is unbiased with standard error
 * s_i / sqrt(k). Stopping rule: after at least minPermutations orders, stop as soon as max_i SE_i <= toleranceEur,
 * else at maxPermutations. `costOf` receives members in ascending order; each distinct coalition is priced once.
 */
export function sampledShapley(
  players: number,
  costOf: (members: readonly number[]) => number,
  options: SamplingOptions,
): SampledShapley {
  const { random, toleranceEur, maxPermutations } = options;
  const minPermutations = options.minPermutations ?? 30;
  checkSamplingOptions(players, toleranceEur, minPermutations, maxPermutations);
  const priced = new Map<string, SampledCoalition>();
  const price = (inCoalition: Uint8Array): number => {
    const members: number[] = [];
    for (let i = 0; i < players; i++) if (inCoalition[i]) members.push(i);
    const key = members.join(',');
    const known = priced.get(key);
    if (known) return known.costEur;
    const costEur = costOf(members);
    if (!Number.isFinite(costEur))
      throw new InputError(
        'INVALID_VALUE',
        `the cost of coalition {${key}} is ${costEur}, not a finite number`,
        {
          field: `coalitions[${key}]`,
        },
      );
    priced.set(key, { members, costEur });
    return costEur;
  };

  // Welford's running mean and sum of squared deviations, per player.
  const mean = new Array<number>(players).fill(0);
  const m2 = new Array<number>(players).fill(0);
  const order = Array.from({ length: players }, (_, i) => i);
  let k = 0;
  let stoppedBy: SampledShapley['stoppedBy'] = 'cap';
  while (k < maxPermutations) {
    shuffle(order, random);
    const inCoalition = new Uint8Array(players);
    let before = 0;
    k++;
    for (const i of order) {
      inCoalition[i] = 1;
      const after = price(inCoalition);
      const delta = after - before - mean[i]!;
      mean[i]! += delta / k;
      m2[i]! += delta * (after - before - mean[i]!);
      before = after;
    }
    if (k >= minPermutations && maxStandardError(m2, k) <= toleranceEur) {
      stoppedBy = 'tolerance';
      break;
    }
  }
  const all = new Uint8Array(players).fill(1);
  return {
    allocation: roundShares('shapley-sampled', price(all), mean),
    meanEur: mean,
    standardErrorEur: m2.map((s) => standardError(s, k)),
    permutations: k,
    stoppedBy,
    sampledCoalitions: [...priced.values()],
  };
}

function standardError(m2: number, k: number): number {
  return k < 2 ? Infinity : Math.sqrt(m2 / (k - 1) / k);
}

function maxStandardError(m2: readonly number[], k: number): number {
  return maxOf(m2.map((s) => standardError(s, k)));
}

/** Fisher-Yates in place with the injected generator (Knuth, TAOCP vol. 2, Algorithm P). */
function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1))); // a generator returning 1 stays in range
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

function checkSamplingOptions(
  players: number,
  toleranceEur: number,
  minPermutations: number,
  maxPermutations: number,
): void {
  const fail = (field: string, what: string): never => {
    throw new InputError('INVALID_OPTION', `${field} must be ${what}`, { field });
  };
  if (!Number.isInteger(players) || players < 1 || players > MAX_SAMPLED_PLAYERS)
    fail('players', `an integer from 1 to ${MAX_SAMPLED_PLAYERS}, got ${players}`);
  if (!(toleranceEur > 0) || !Number.isFinite(toleranceEur))
    fail('toleranceEur', `a positive number, got ${toleranceEur}`);
  if (!Number.isInteger(minPermutations) || minPermutations < 2)
    fail('minPermutations', `an integer of at least 2, got ${minPermutations}`);
  if (
    !Number.isInteger(maxPermutations) ||
    maxPermutations < minPermutations ||
    maxPermutations > MAX_PERMUTATIONS
  )
    fail('maxPermutations', `an integer from minPermutations to ${MAX_PERMUTATIONS}, got ${maxPermutations}`);
}
