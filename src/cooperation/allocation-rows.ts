import { InputError } from '../domain/errors.ts';
import { grandCoalition, type CostTable } from './cost-game.ts';
import { toCents } from './largest-remainder.ts';
import type { Allocation, AllocationMethod } from './allocation.ts';
import type { CoreCheck } from './core-check.ts';

/** One carrier's line of the allocation table, in euros to the cent. */
export interface AllocationRow {
  readonly carrierId: string;
  /** c({i}): what the carrier pays serving its orders alone. */
  readonly standaloneCost: number;
  /** c(N) - c(N \ {i}): what the carrier adds to the pool (negative when the pool is cheaper with it). */
  readonly marginalCost: number;
  readonly allocatedCost: number;
  /** standaloneCost - allocatedCost, exact in cents. */
  readonly saving: number;
  readonly method: AllocationMethod;
}

/** The report rows of an exact game's allocation, player i being carrierIds[i]. */
export function allocationRows(
  table: CostTable,
  allocation: Allocation,
  carrierIds: readonly string[],
): AllocationRow[] {
  const all = grandCoalition(table.players);
  const players = Array.from({ length: table.players }, (_, i) => i);
  return rowsFromCosts(
    {
      totalEur: table.costsEur[all] as number,
      standaloneEur: players.map((i) => table.costsEur[1 << i] as number),
      withoutEur: players.map((i) => table.costsEur[all & ~(1 << i)] as number),
    },
    allocation,
    carrierIds,
  );
}

/** The 2n + 1 coalition costs a report row needs: c(N), every c({i}) and every c(N \ {i}). */
export interface RowCosts {
  readonly totalEur: number;
  readonly standaloneEur: readonly number[];
  readonly withoutEur: readonly number[];
}

/**
 * The report rows from the costs they need only, for games above 12 players whose table is never built
 * (sampled Shapley): the service prices c(N), c({i}) and c(N \ {i}) explicitly.
 */
export function rowsFromCosts(
  costs: RowCosts,
  allocation: Allocation,
  carrierIds: readonly string[],
): AllocationRow[] {
  const n = carrierIds.length;
  if (
    allocation.sharesCents.length !== n ||
    costs.standaloneEur.length !== n ||
    costs.withoutEur.length !== n
  )
    throw new InputError(
      'INVALID_VALUE',
      `need one carrier id, share and cost of each kind per player (${n})`,
      {
        field: 'carrierIds',
      },
    );
  const totalCents = toCents(costs.totalEur);
  return carrierIds.map((carrierId, i) => {
    const standaloneCents = toCents(costs.standaloneEur[i] as number);
    const allocatedCents = allocation.sharesCents[i] as number;
    return {
      carrierId,
      standaloneCost: standaloneCents / 100,
      marginalCost: (totalCents - toCents(costs.withoutEur[i] as number)) / 100,
      allocatedCost: allocatedCents / 100,
      saving: (standaloneCents - allocatedCents) / 100,
      method: allocation.method,
    };
  });
}

/** The plan's `allocationCore`: the core check with the coalition named by carrier ids. */
export function allocationCore(
  check: CoreCheck,
  carrierIds: readonly string[],
): { exact: boolean; maxExcessEur: number; coalition: string[]; inCore: boolean } {
  return {
    exact: check.exact,
    maxExcessEur: check.maxExcessEur,
    coalition: check.coalition.map((i) => {
      const id = carrierIds[i];
      if (id === undefined)
        throw new InputError('INVALID_VALUE', `no carrier id for player ${i}`, { field: 'carrierIds' });
      return id;
    }),
    inCore: check.inCore,
  };
}
