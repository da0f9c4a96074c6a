import { roundToTotal, toCents } from './largest-remainder.ts';
import { grandCoalition, type CostTable } from './cost-game.ts';

export type AllocationMethod =
  'shapley' | 'shapley-sampled' | 'proportional' | 'scrb' | 'nucleolus' | 'least-core';

/**
 * Cost shares of a game's players in whole cents, summing to c(N) rounded to the cent exactly. Rules compute
 * real shares first; `toAllocation` rounds them with the largest-remainder method, so each share is within one
 * cent of the rule's exact value.
 */
export interface Allocation {
  readonly method: AllocationMethod;
  readonly sharesCents: readonly number[];
  readonly totalCents: number;
}

export function toAllocation(
  method: AllocationMethod,
  table: CostTable,
  sharesEur: readonly number[],
): Allocation {
  return roundShares(method, table.costsEur[grandCoalition(table.players)] as number, sharesEur);
}

/** Rounds real shares that sum to totalEur to whole cents summing to totalEur in cents. */
export function roundShares(
  method: AllocationMethod,
  totalEur: number,
  sharesEur: readonly number[],
): Allocation {
  const totalCents = toCents(totalEur);
  return {
    method,
    sharesCents: roundToTotal(
      sharesEur.map((x) => x * 100),
      totalCents,
    ),
    totalCents,
  };
}

/** Shares in euros (cents / 100), for reports. */
export function sharesEur(allocation: Allocation): number[] {
  return allocation.sharesCents.map((c) => c / 100);
}
