import { InputError } from '../domain/errors.ts';

/**
 * A cooperative cost game on players 0..n-1: c(S) is what the coalition S pays to serve its members' orders
 * together, the others absent. A coalition is a bitmask (bit i = player i), so exact methods stop at
 * MAX_EXACT_PLAYERS (2^12 - 1 = 4,095 coalitions); above it, see shapley-sampling.ts.
 */
export const MAX_EXACT_PLAYERS = 12;

/** c(S) for every coalition S of n players, indexed by bitmask; costsEur[0] = 0 (the empty coalition). */
export interface CostTable {
  readonly players: number;
  readonly costsEur: Float64Array;
}

/** The bitmask of all n players. */
export function grandCoalition(players: number): number {
  return (1 << players) - 1;
}

/** Player indices of a coalition, ascending. */
export function membersOf(coalition: number): number[] {
  const members: number[] = [];
  for (let i = 0, m = coalition; m !== 0; i++, m >>>= 1) if (m & 1) members.push(i);
  return members;
}

export function coalitionSize(coalition: number): number {
  let size = 0;
  for (let m = coalition; m !== 0; m &= m - 1) size++;
  return size;
}

export function checkPlayerCount(players: number, max = MAX_EXACT_PLAYERS): void {
  if (!Number.isInteger(players) || players < 1 || players > max)
    throw new InputError(
      'INVALID_OPTION',
      `players must be an integer from 1 to ${max} for an exact cost game, got ${players}`,
      { field: 'players' },
    );
}

/**
 * Every non-empty coalition of n players in the order they are evaluated: by size, then by bitmask. Singletons
 * (stand-alone costs) come first and the grand coalition last, so a worker pool filling the table in this
 * order produces the cheap, most-used entries first; the order is a function of n alone.
 */
export function coalitionOrder(players: number): number[] {
  checkPlayerCount(players);
  const all = Array.from({ length: grandCoalition(players) }, (_, k) => k + 1);
  return all.sort((a, b) => coalitionSize(a) - coalitionSize(b) || a - b);
}

/** Coalitions (in coalitionOrder) that a partial table does not price yet: what the service still has to compute. */
export function missingCoalitions(players: number, known: ReadonlyMap<number, number>): number[] {
  return coalitionOrder(players).filter((s) => !known.has(s));
}

/** Prices one coalition; called at most once per coalition by coalitionCosts. */
export type CoalitionCostFn = (members: readonly number[], coalition: number) => number;

/**
 * The full cost table: each coalition is priced once, in coalitionOrder, by `known` (a precomputed or partial
 * table, e.g. the results of the service's workers) when it has it, else by `costOf`. Every cost must be a
 * finite number; the error names the coalition by its members.
 */
export function coalitionCosts(
  players: number,
  costOf: CoalitionCostFn,
  known: ReadonlyMap<number, number> = new Map(),
): CostTable {
  checkPlayerCount(players);
  const all = grandCoalition(players);
  for (const s of known.keys())
    if (!Number.isInteger(s) || s < 1 || s > all)
      throw new InputError(
        'INVALID_VALUE',
        `known cost for coalition ${s}, which is not a coalition of ${players} players`,
        {
          field: `known[${s}]`,
        },
      );
  const costsEur = new Float64Array(all + 1);
  for (const s of coalitionOrder(players)) {
    const members = membersOf(s);
    const cost = known.get(s) ?? costOf(members, s);
    if (!Number.isFinite(cost))
      throw new InputError(
        'INVALID_VALUE',
        `the cost of coalition {${members.join(', ')}} is ${cost}, not a finite number`,
        {
          field: `coalitions[${s}]`,
        },
      );
    costsEur[s] = cost;
  }
  return { players, costsEur };
}

/** A table from a plain list of costs indexed by bitmask (index 0 ignored): for hand-made games and tests. */
export function costTable(players: number, costsEur: readonly number[]): CostTable {
  checkPlayerCount(players);
  if (costsEur.length !== grandCoalition(players) + 1)
    throw new InputError(
      'INVALID_VALUE',
      `costsEur needs ${grandCoalition(players) + 1} entries for ${players} players`,
      {
        field: 'costsEur',
      },
    );
  return coalitionCosts(players, (_, s) => costsEur[s] as number);
}

/** A table from a function of the members only (e.g. a formula such as the airport game's max). */
export function gameFromFunction(players: number, cost: (members: readonly number[]) => number): CostTable {
  return coalitionCosts(players, (members) => cost(members));
}

export function costOfCoalition(table: CostTable, coalition: number): number {
  return table.costsEur[coalition] as number;
}
