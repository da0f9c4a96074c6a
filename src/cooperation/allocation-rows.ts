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

/** The report rows of an allocation, player i being carrierIds[i]. */
export function allocationRows(
  table: CostTable,
  allocation: Allocation,
  carrierIds: readonly string[],
): AllocationRow[] {
  const n = table.players;
  if (carrierIds.length !== n || allocation.sharesCents.length !== n)
    throw new InputError('INVALID_VALUE', `need one carrier id and one share per player (${n})`, {
      field: 'carrierIds',
    });
  const all = grandCoalition(n);
  const totalCents = toCents(table.costsEur[all] as number);
  return carrierIds.map((carrierId, i) => {
    const standaloneCents = toCents(table.costsEur[1 << i] as number);
    const allocatedCents = allocation.sharesCents[i] as number;
    return {
      carrierId,
      standaloneCost: standaloneCents / 100,
      marginalCost: (totalCents - toCents(table.costsEur[all & ~(1 << i)] as number)) / 100,
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
