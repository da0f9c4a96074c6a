import type { AllocationOption, Scenario } from '../contracts/index.ts';
import { MAX_EXACT_PLAYERS } from '../cooperation/index.ts';
import { PRO_RATA_BY_KG } from './allocation.ts';
import { SAMPLING_MAX_PERMUTATIONS } from './cost-allocation.ts';

/**
 * Above this many order pricings, the cost game is not the default (see defaultGameWork). The Lille day (10
 * carriers, 1,493 orders) is 763,000 and its game about 200 s of CPU (docs/BENCHMARKS.md, "Cost game"); a
 * 20,000-receiver day (135,828 orders) is 69 million, and its game had not finished after 2 × 1,030 s on 2
 * workers with 2 of its 64 chunks started (its cost grows faster than its orders). ASSUMPTION: about 6.5 times
 * the Lille day's work, i.e. roughly 20 minutes of CPU, is as long as a default should make anyone wait.
 */
export const MAX_DEFAULT_GAME_ORDER_PRICINGS = 5_000_000;

/**
 * The work of the day's cost game, counted in order pricings (each coalition priced costs about the work of
 * routing its members' orders): with n carriers, each carrier is in 2^(n−1) − 1 of the coalitions an exact game
 * prices, so Σ_S orders(S) = (2^(n−1) − 1) × orders; a sampled game prices n coalitions per permutation, half
 * the orders each on average.
 */
export function defaultGameWork(carriers: number, orders: number): number {
  if (carriers < 2) return 0;
  return carriers <= MAX_EXACT_PLAYERS
    ? (2 ** (carriers - 1) - 1) * orders
    : (SAMPLING_MAX_PERMUTATIONS * carriers * orders) / 2;
}

export interface AllocationChoice {
  readonly rule: AllocationOption;
  /** Set when the default rule was replaced: what the plan tells its reader. */
  readonly warning?: string;
}

/**
 * The cost-sharing rule a plan applies: the scenario's `options.allocation` when it names one (a game asked for
 * is priced however long it takes); unset, Shapley, unless its game would exceed MAX_DEFAULT_GAME_ORDER_PRICINGS,
 * then pro rata by kg, and the plan says so. The same for `picon plan` and the service, decided from the
 * scenario alone, so a plan never depends on where it ran.
 */
export function allocationChoice(scenario: Scenario): AllocationChoice {
  const asked = scenario.options?.allocation;
  if (asked !== undefined) return { rule: asked };
  const work = defaultGameWork(scenario.carriers.length, scenario.orders.length);
  if (work <= MAX_DEFAULT_GAME_ORDER_PRICINGS) return { rule: 'shapley' };
  const millions = (x: number) =>
    `${(x / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} million`;
  return {
    rule: PRO_RATA_BY_KG,
    warning:
      `cost shares are pro rata by kg, not Shapley values: options.allocation is unset, and the cost game of ` +
      `${scenario.carriers.length} carriers over ${scenario.orders.length} orders would price about ` +
      `${millions(work)} orders (the default game stops at ${millions(MAX_DEFAULT_GAME_ORDER_PRICINGS)}, about 20 ` +
      `minutes of CPU); set options.allocation to "shapley" to price it anyway`,
  };
}
