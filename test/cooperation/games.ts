// Hand-made cost games with known answers, shared by the cooperation tests. Each says where its values come from.
import { costTable, gameFromFunction, type CostTable } from '../../src/cooperation/cost-game.ts';
import { Rng } from '../../src/solver/rng.ts';

/**
 * Airport game (Littlechild & Owen 1973, "A simple expression for the Shapley value in a special case",
 * Management Science 20(3):370-372): runway segments costing 30, 60, 120 for aircraft 1 < 2 < 3, c(S) = the
 * longest runway S needs. Shapley: each segment split equally among the players that need it,
 * phi = (30/3, 30/3 + 30/2, 30/3 + 30/2 + 60/1) = (10, 25, 85). Nucleolus (Littlechild 1974, "A simple
 * expression for the nucleolus in a special case", Int. J. Game Theory 3(1):21-29, sequential formula):
 * x1 = min(c1/2, c2/3, c3/4...) = 30/2 = 15, then x2 = (60 - 15)/2 = 22.5, x3 = 120 - 37.5 = 82.5.
 * Hand check of the nucleolus: the largest excess is -15, attained by {1} and {2,3} at x1 = 15; then
 * max(-x2, x2 - 45) is smallest at x2 = 22.5.
 */
export const airport: CostTable = gameFromFunction(3, (m) => Math.max(0, ...m.map((i) => [30, 60, 120][i]!)));

/**
 * Glove game (a standard example, e.g. Maschler, Solan & Zamir 2013, "Game Theory", ch. 18): player 0 holds a
 * left glove, players 1 and 2 a right glove; a pair is worth 60. As a cost game: each player alone pays 60
 * for its missing glove, c(S) = 60 |S| - 60 min(#left, #right). The value game v(S) = 60 min(L, R) has
 * Shapley (40, 10, 10) and nucleolus = its one-point core (60, 0, 0); c = 60|S| - v is strategically
 * equivalent, so Shapley(c) = (20, 50, 50) and nucleolus(c) = (0, 60, 60).
 */
export const glove: CostTable = gameFromFunction(3, (m) => {
  const left = m.filter((i) => i === 0).length;
  return 60 * m.length - 60 * Math.min(left, m.length - left);
});

/**
 * Three carriers with an empty core: pairs pool well (c(ij) = 120, 150, 150) but the three together are
 * expensive (c(N) = 220 > (120 + 150 + 150) / 2 = 210). Least core by hand: adding the three pair constraints
 * x(N) - x_k <= c(ij) + eps gives 2 x 220 <= 420 + 3 eps, eps = 20/3; all three tight fixes
 * x = (63.33, 63.33, 93.33), each below its stand-alone 100.
 */
export const emptyCore: CostTable = costTable(3, [0, 100, 100, 120, 100, 150, 150, 220]);

/**
 * Pro-rata by kg breaks individual rationality: carrier 0 is heavy (900 kg) and near the hub (alone 10),
 * carrier 1 light (100 kg) and far (alone 100); together 105. By kg carrier 0 pays 94.50 > 10; Shapley
 * charges it (10 + (105 - 100)) / 2 = 7.50 (subadditive game: Shapley is individually rational).
 */
export const heavyNear: CostTable = costTable(2, [0, 10, 100, 105]);
export const heavyNearKg = [900, 100];

/** A random subadditive-ish game: a "route length" of the farthest member plus a per-member handling cost. */
export function randomGame(players: number, seed: number): CostTable {
  const rng = new Rng(seed);
  const reach = Array.from({ length: players }, () => 10 + rng.next() * 90);
  const handling = Array.from({ length: players }, () => rng.next() * 20);
  return gameFromFunction(players, (m) =>
    m.length === 0
      ? 0
      : Math.max(...m.map((i) => reach[i]!)) +
        m.reduce((a, i) => a + handling[i]!, 0) +
        5 * Math.sqrt(m.length),
  );
}

/** Shares in cents for readable expectations. */
export const cents = (eur: readonly number[]): number[] => eur.map((e) => Math.round(e * 100));
