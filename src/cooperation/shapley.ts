import { coalitionSize, grandCoalition, type CostTable } from './cost-game.ts';
import { toAllocation, type Allocation } from './allocation.ts';

/**
 * The exact Shapley value (Shapley 1953, "A value for n-person games", Contributions to the Theory of Games II):
 *   phi_i = sum over S not containing i of |S|! (n-|S|-1)! / n! * (c(S u {i}) - c(S)),
 * the average of i's marginal cost over all n! orders in which the coalition could form. 2^(n-1) terms per
 * player, so n <= 12 (the table's bound) costs at most 12 x 2,048 additions.
 */
export function shapleyEur(table: CostTable): number[] {
  const n = table.players;
  const weight = sizeWeights(n);
  const phi = new Array<number>(n).fill(0);
  for (let s = 0; s <= grandCoalition(n); s++) {
    const size = coalitionSize(s);
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (s & bit) continue;
      phi[i]! += weight[size]! * ((table.costsEur[s | bit] as number) - (table.costsEur[s] as number));
    }
  }
  return phi;
}

export function shapley(table: CostTable): Allocation {
  return toAllocation('shapley', table, shapleyEur(table));
}

/** |S|! (n-|S|-1)! / n! for |S| = 0..n-1, built as a product so that no factorial overflows precision. */
function sizeWeights(n: number): number[] {
  // w(0) = 1/n; w(s+1) = w(s) * (s+1) / (n-s-1)
  const w = [1 / n];
  for (let s = 0; s < n - 1; s++) w.push((w[s]! * (s + 1)) / (n - s - 1));
  return w;
}
