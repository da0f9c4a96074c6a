import { grandCoalition, type CostTable } from './cost-game.ts';
import { toAllocation, type Allocation } from './allocation.ts';

/**
 * Separable costs, remaining benefits (SCRB; Young, Okada & Hashimoto 1982, "Cost allocation in water
 * resources development", Water Resources Research 18(3):463-475; Tijs & Driessen 1986, "Game theory and
 * cost allocation problems", Management Science 32(8):1015-1028, where it is the ACA method):
 *   separable cost  s_i = c(N) - c(N \ {i})        (what i adds to the pool: its marginal cost)
 *   remaining benefit r_i = c({i}) - s_i          (what i saves by joining, beyond its separable cost;
 *                                                  the benefit is capped by the stand-alone cost, which is
 *                                                  also its alternative cost here)
 *   x_i = s_i + r_i / sum_j r_j * (c(N) - sum_j s_j)   (the non-separable cost split by remaining benefit)
 * When sum_j r_j = 0 the non-separable cost is split equally (then it is zero for a game with r_i >= 0).
 */
export function scrbEur(table: CostTable): number[] {
  const n = table.players;
  const all = grandCoalition(n);
  const total = table.costsEur[all] as number;
  const separable = Array.from({ length: n }, (_, i) => total - (table.costsEur[all & ~(1 << i)] as number));
  const remaining = separable.map((s, i) => (table.costsEur[1 << i] as number) - s);
  const nonSeparable = total - separable.reduce((a, b) => a + b, 0);
  const sumRemaining = remaining.reduce((a, b) => a + b, 0);
  return separable.map(
    (s, i) => s + (sumRemaining !== 0 ? (remaining[i]! / sumRemaining) * nonSeparable : nonSeparable / n),
  );
}

export function scrb(table: CostTable): Allocation {
  return toAllocation('scrb', table, scrbEur(table));
}
