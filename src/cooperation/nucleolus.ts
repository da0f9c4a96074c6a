import { InternalError } from '../domain/errors.ts';
import { solveLinearProgram, type LinearModel } from '../lp/lp-adapter.ts';
import { coalitionSize, grandCoalition, type CostTable } from './cost-game.ts';
import { toAllocation, type Allocation } from './allocation.ts';
import { CoalitionSpan } from './span.ts';
import { maxOf } from '../domain/arrays.ts';

/**
 * javascript-lp-solver rounds the values it reports to its precision, asked here at LP_PRECISION, so a level
 * carried from one LP to the next is off by a few LP_PRECISION. Right-hand sides carried over get RELAX of
 * room either side so that error cannot make the next LP infeasible, and an excess within TIGHT of the level
 * counts as tight (RELAX of room on up to n constraints adds up: TIGHT is 100 RELAX). On normalised costs (the
 * largest |c(S)| is 1), TIGHT is 0.15 cent on a 15,000 EUR game.
 */
const LP_PRECISION = 1e-10;
const TIGHT = 1e-7;
const RELAX = 1e-9;
/**
 * Coarser precisions tried, in order, when javascript-lp-solver wrongly reports a feasible LP infeasible (seen in
 * tests); HiGHS is the last resort (its default tolerances, 1e-7, are looser than LP_PRECISION).
 */
const RETRY_PRECISIONS = [1e-9, 1e-8];
/**
 * The LP variables are non-negative (lp-adapter.ts), so shares and the level are shifted: x_i = y_i - X_SHIFT,
 * t = u - T_SHIFT. With |c(S)| <= 1 every optimal point has -4 <= x_i <= 3 and -1.5 <= t_1 <= 2 (the equal
 * split bounds t_1; e({i}) + e(N \ {i}) >= -3 bounds it below), and later levels are at least -(1 + 4n):
 * the shifts cut no optimum.
 */
const X_SHIFT = 16;
const T_SHIFT = 64;

export interface LexicographicCentre {
  /** The nucleolus (over imputations when they exist, else the pre-nucleolus), in euros. */
  readonly sharesEur: readonly number[];
  /** The least-core value: min over allocations of the largest excess x(S) - c(S), S a proper coalition. */
  readonly leastCoreEpsilonEur: number;
  /** True when x_i <= c({i}) was imposed (possible exactly when sum_i c({i}) >= c(N)). */
  readonly individuallyRational: boolean;
  /** Linear programs solved, for the cost of the computation. */
  readonly linearPrograms: number;
}

/**
 * The nucleolus by sequential linear programs (Schmeidler 1969, "The nucleolus of a characteristic function
 * game", SIAM J. Appl. Math. 17(6):1163-1170; the LP sequence of Maschler, Peleg & Shapley 1979, "Geometric
 * properties of the kernel, nucleolus and related solution concepts", Math. Oper. Res. 4(4):303-338; the
 * pitfalls avoided here are those of Guajardo & Jornsten 2015, "Common mistakes in computing the nucleolus",
 * EJOR 241(3):931-935). With excess e(S, x) = x(S) - c(S) (what S pays above its stand-alone cost):
 *   LP_k: minimise t  s.t.  x(N) = c(N);  x_i <= c({i}) (imputations, when sum c({i}) >= c(N));
 *         x(S) - c(S) <= t for every free coalition S;  x(S) - c(S) = t_j for S fixed at round j < k.
 * After LP_k, a free coalition is fixed at t_k when its excess is t_k in every optimal solution: tested by
 * one LP maximising the candidates' total slack (a witness that frees most non-fixed ones), then one LP per
 * remaining candidate minimising its own x(S). Coalitions whose indicator lies in the span of the fixed ones
 * and N have a constant excess and leave the free set. It ends when the fixed coalitions span R^n (the point
 * is unique) or no free coalition is left. t_1 is the least-core value: the core is empty iff t_1 > 0.
 * Costs are normalised by their largest magnitude for the LPs. n <= 12.
 */
export function lexicographicCentre(
  table: CostTable,
  options: { firstRoundOnly?: boolean } = {},
): LexicographicCentre {
  const n = table.players;
  const all = grandCoalition(n);
  const scale = Math.max(1, maxOf(Array.from(table.costsEur, (c) => Math.abs(c))));
  const cost = (s: number): number => (table.costsEur[s] as number) / scale;
  if (n === 1)
    return {
      sharesEur: [cost(all) * scale],
      leastCoreEpsilonEur: 0,
      individuallyRational: true,
      linearPrograms: 0,
    };

  let standalone = 0;
  for (let i = 0; i < n; i++) standalone += cost(1 << i);
  const individuallyRational = standalone >= cost(all) - TIGHT;
  const fixed: { s: number; level: number }[] = [];
  const span = new CoalitionSpan(n);
  span.add(all);
  let free = Array.from({ length: all - 1 }, (_, k) => k + 1);
  let linearPrograms = 0;
  let epsilon: number | undefined;
  let x: number[] = []; // the last round's optimum: unique once the fixed coalitions span R^n

  const solve = (model: LinearModel): Map<string, number> => {
    linearPrograms++;
    // Every LP here is feasible and bounded by construction; javascript-lp-solver's phase 1 occasionally says
    // otherwise at one precision and not at another, so retry, then ask HiGHS, before calling it a bug.
    for (const precision of [LP_PRECISION, ...RETRY_PRECISIONS]) {
      const solution = solveLinearProgram(model, 'js', { precision });
      if (solution) return solution;
    }
    const solution = solveLinearProgram(model, 'highs');
    if (solution) return solution;
    throw new InternalError('BROKEN_INVARIANT', `nucleolus LP ${linearPrograms} has no optimum`);
  };
  const sharesOf = (solution: Map<string, number>): number[] =>
    Array.from({ length: n }, (_, i) => (solution.get(`x${i}`) ?? 0) - X_SHIFT);
  const excess = (shares: readonly number[], s: number): number => sumOver(shares, s) - cost(s);

  while (free.length > 0 && span.rank < n) {
    const main = solve(
      model(n, cost, individuallyRational, fixed, free, { level: undefined, objective: undefined }),
    );
    const level = (main.get('t') ?? 0) - T_SHIFT;
    epsilon ??= level;
    x = sharesOf(main);
    if (options.firstRoundOnly) break; // the least-core value is known; x is one least-core point among many
    let candidates = free.filter((s) => excess(x, s) >= level - TIGHT);
    // A witness: the optimal point with the most total slack on the candidates frees those it leaves slack.
    const witness = sharesOf(
      solve(model(n, cost, individuallyRational, fixed, free, { level, objective: candidates })),
    );
    candidates = candidates.filter((s) => excess(witness, s) >= level - TIGHT);
    let newlyFixed = 0;
    let closest: { s: number; slack: number } | undefined;
    for (const s of candidates) {
      if (span.contains(s)) continue; // determined by the fixed ones: leaves the free set below
      const probe = sharesOf(
        solve(model(n, cost, individuallyRational, fixed, free, { level, objective: [s] })),
      );
      const slack = level - excess(probe, s);
      if (slack <= TIGHT) {
        fixed.push({ s, level });
        span.add(s);
        newlyFixed++;
      } else if (!closest || slack < closest.slack) closest = { s, slack };
    }
    // In exact arithmetic each round fixes a coalition outside the span (so at most n - 1 rounds). Should float
    // error leave every candidate slack, the least slack one is fixed: progress is kept, and checkOptimum below
    // still vouches for the result.
    if (newlyFixed === 0) {
      if (!closest)
        throw new InternalError('BROKEN_INVARIANT', `nucleolus round at level ${level} has no candidate`);
      fixed.push({ s: closest.s, level });
      span.add(closest.s);
    }
    free = free.filter((s) => !span.contains(s));
  }
  if (epsilon === undefined) throw new InternalError('BROKEN_INVARIANT', 'nucleolus solved no LP');
  checkOptimum(x, epsilon, fixed, all, excess);
  return {
    sharesEur: x.map((v) => v * scale),
    leastCoreEpsilonEur: epsilon * scale,
    individuallyRational,
    linearPrograms,
  };
}

/**
 * The least-core value alone (one LP): the smallest possible largest excess. The core is empty iff it is > 0
 * (beyond the LP tolerance), so this is the cheap emptiness test.
 */
export function leastCoreValueEur(table: CostTable): number {
  return lexicographicCentre(table, { firstRoundOnly: true }).leastCoreEpsilonEur;
}

/** True when the least-core value is above the LP tolerance: no allocation keeps every coalition at or below c(S). */
export function coreIsEmpty(table: CostTable, epsilonEur: number): boolean {
  return epsilonEur > TIGHT * Math.max(1, maxOf(Array.from(table.costsEur, (c) => Math.abs(c))));
}

/** The nucleolus as an allocation to the cent. */
export function nucleolus(table: CostTable): Allocation {
  return toAllocation('nucleolus', table, lexicographicCentre(table).sharesEur);
}

export interface LeastCore {
  readonly allocation: Allocation;
  /** The least-core value in euros: > 0 means the core is empty (some coalition pays this much above c(S)). */
  readonly epsilonEur: number;
  readonly coreEmpty: boolean;
  /** True when every player pays at most its stand-alone cost (imposed whenever sum c({i}) >= c(N)). */
  readonly individuallyRational: boolean;
}

/**
 * The least core (Maschler, Peleg & Shapley 1979): the allocations minimising the largest excess. Among them
 * the one reported is the nucleolus, which lies in the least core and makes the choice unique. Used as the
 * fallback when the core is empty: x_i <= c({i}) is imposed whenever it is feasible, so nobody pays more
 * than alone whenever that is possible.
 */
export function leastCore(table: CostTable): LeastCore {
  const centre = lexicographicCentre(table);
  return {
    allocation: toAllocation('least-core', table, centre.sharesEur),
    epsilonEur: centre.leastCoreEpsilonEur,
    coreEmpty: coreIsEmpty(table, centre.leastCoreEpsilonEur),
    individuallyRational: centre.individuallyRational,
  };
}

/** The LP library is trusted no further than this: efficiency, every fixed level, no excess above the least core. */
function checkOptimum(
  x: readonly number[],
  epsilon: number,
  fixed: readonly { s: number; level: number }[],
  all: number,
  excess: (x: readonly number[], s: number) => number,
): void {
  const bad = (what: string): never => {
    throw new InternalError('BROKEN_INVARIANT', `nucleolus LP result fails its check: ${what}`);
  };
  if (Math.abs(excess(x, all)) > 1e-6) bad(`x(N) - c(N) = ${excess(x, all)}`);
  for (const { s, level } of fixed)
    if (Math.abs(excess(x, s) - level) > 1e-6) bad(`coalition ${s} off its level`);
  for (let s = 1; s < all; s++) if (excess(x, s) > epsilon + 1e-6) bad(`coalition ${s} above the least core`);
}

function sumOver(shares: readonly number[], s: number): number {
  let total = 0;
  for (let i = 0; i < shares.length; i++) if ((s >> i) & 1) total += shares[i]!;
  return total;
}

interface Round {
  /** Undefined: t is the variable to minimise. A number: t is fixed there and x(S) is minimised. */
  readonly level: number | undefined;
  /** Coalitions whose total x(S) is minimised (most slack at the level). */
  readonly objective: readonly number[] | undefined;
}

/**
 * The LP of one round, in the adapter's model shape: variables x0..x(n-1) and t hold the shifted y_i = x_i +
 * X_SHIFT and u = t + T_SHIFT, so each right-hand side gains |S| X_SHIFT (and T_SHIFT moves with t).
 */
function model(
  n: number,
  cost: (s: number) => number,
  individuallyRational: boolean,
  fixed: readonly { s: number; level: number }[],
  free: readonly number[],
  round: Round,
): LinearModel {
  const all = grandCoalition(n);
  const shift = (s: number): number => coalitionSize(s) * X_SHIFT;
  const constraints: LinearModel['constraints'] = { N: { equal: cost(all) + shift(all) } };
  const variables: LinearModel['variables'] = {};
  for (let i = 0; i < n; i++) {
    const v: Record<string, number> = { N: 1, objective: 0 };
    if (individuallyRational) {
      constraints[`ir${i}`] = { max: cost(1 << i) + X_SHIFT };
      v[`ir${i}`] = 1;
    }
    for (const s of round.objective ?? []) if ((s >> i) & 1) v['objective'] = (v['objective'] ?? 0) + 1;
    for (const { s } of fixed) if ((s >> i) & 1) v[`f${s}`] = 1;
    for (const s of free) if ((s >> i) & 1) v[`c${s}`] = 1;
    variables[`x${i}`] = v;
  }
  // x(S) - c(S) = t_j within RELAX either side, so the LP's rounded t_j cannot make it infeasible.
  for (const { s, level } of fixed) {
    const rhs = cost(s) + level + shift(s);
    constraints[`f${s}`] = { min: rhs - RELAX, max: rhs + RELAX };
  }
  if (round.level === undefined) {
    // x(S) - t <= c(S)  becomes  y(S) - u <= c(S) + |S| X_SHIFT - T_SHIFT
    for (const s of free) constraints[`c${s}`] = { max: cost(s) + shift(s) - T_SHIFT };
    const t: Record<string, number> = { objective: 1 };
    for (const s of free) t[`c${s}`] = -1;
    variables['t'] = t;
  } else {
    for (const s of free) constraints[`c${s}`] = { max: cost(s) + round.level + RELAX + shift(s) };
  }
  return { optimize: 'objective', opType: 'min', constraints, variables };
}
