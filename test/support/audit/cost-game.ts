import type { Plan } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import { auditSampledGame } from './sampled-game.ts';
import { fmt, type Violations } from './violations.ts';

const CENT = 0.01;

/**
 * The cost game behind a Shapley, proportional, SCRB, nucleolus or least-core allocation
 * (docs/model/cooperation.md): recomputed from `plan.allocationGame` alone, with this file's own formulas.
 * - the game names the scenario's carriers, prices every coalition once (exact) and c(N) is what the
 *   allocation shares out;
 * - no proper coalition costs more than its members alone (c(S) <= sum of their stand-alone costs: it may
 *   choose not to pool); c(N) is the plan's cost as it is, which may exceed that (the plan then warns);
 * - marginalCost = c(N) - c(N \ {i});
 * - the rows follow the requested rule, or the least core / nucleolus when the plan states a fallback;
 * - `shapley` rows: phi_i = sum over S not containing i of |S|!(n-|S|-1)!/n! (c(S u {i}) - c(S));
 *   `proportional`: c(N) c({i}) / sum_j c({j}); `scrb`: m_i + (c({i}) - m_i) (c(N) - sum m) / sum (c({j}) - m_j)
 *   with m_i = c(N) - c(N \ {i}) (the nucleolus needs an LP: checked through the core only);
 * - a least-core allocation attains the least-core value it reports;
 * - allocationCore: the largest excess x(S) - c(S) over proper coalitions and whether it is in the core.
 * Plans under pro-rata-by-kg carry no game; their rule is checked by auditAllocation. A sampled game (above 12
 * carriers) is checked as far as its listed coalitions allow: auditSampledGame.
 */
export function auditCostGame(ctx: AuditContext, v: Violations, plan: Plan): void {
  const game = plan.allocationGame;
  const rows = plan.allocation;
  if (!game) {
    if (plan.allocationCore || rows.some((r) => r.method !== 'pro-rata-by-kg'))
      v.add('COST_GAME_SHAPE', 'allocationGame', 'missing, but the allocation is not pro-rata-by-kg');
    return;
  }
  const ids = ctx.scenario.carriers.map((c) => c.id);
  const n = ids.length;
  if (JSON.stringify(game.carrierIds) !== JSON.stringify(ids)) {
    v.add('COST_GAME_SHAPE', 'allocationGame.carrierIds', `[${game.carrierIds}], carriers are [${ids}]`);
    return;
  }
  const cost = new Map<number, number>();
  for (const c of game.coalitions) {
    const mask = c.members.reduce((m, i) => m | (1 << i), 0);
    if (c.members.length === 0 || c.members.some((i) => i >= n) || cost.has(mask))
      v.add('COST_GAME_SHAPE', 'allocationGame.coalitions', `bad or repeated coalition [${c.members}]`);
    cost.set(mask, c.costEur);
  }
  const all = (1 << n) - 1;
  if (game.exact && cost.size !== all)
    v.add(
      'COST_GAME_SHAPE',
      'allocationGame',
      `${cost.size} coalitions priced, an exact game of ${n} has ${all}`,
    );
  const total = rows.reduce((s, r) => s + r.allocatedCost, 0);
  const grand = cost.get(all);
  if (grand === undefined || Math.abs(grand - total) > n * CENT)
    v.add('COST_GAME_SHAPE', 'allocationGame', `c(N) = ${grand}, the allocation shares out ${fmt(total)}`);

  const standalone = new Map(rows.map((r) => [r.carrierId, r.standaloneCost]));
  for (const [mask, c] of cost) {
    if (mask === all) continue;
    const members = ids.filter((_, i) => mask & (1 << i));
    const alone = members.reduce((s, id) => s + (standalone.get(id) ?? 0), 0);
    if (c > alone + members.length * CENT)
      v.add(
        'COST_GAME_ABOVE_STANDALONE',
        `coalition {${members}}`,
        `c(S) = ${fmt(c)}, its members alone pay ${fmt(alone)}`,
      );
  }
  if (!game.exact) return auditSampledGame(ctx, v, plan, cost);
  if (cost.size !== all) return;

  const c = (mask: number): number => (mask === 0 ? 0 : (cost.get(mask) ?? NaN));
  const expected: Record<string, number[]> = {
    shapley: shapleyValues(n, c),
    proportional: proportionalShares(n, c),
    scrb: scrbShares(n, c),
  };
  const asked = plan.allocationCore;
  const used = new Set(rows.map((r) => r.method));
  const allowed: (string | undefined)[] = asked?.fallback ? ['least-core', 'nucleolus'] : [asked?.rule];
  if (used.size !== 1 || !allowed.includes(rows[0]?.method))
    v.add(
      'ALLOCATION_RULE_MISMATCH',
      'allocation',
      `rows by [${[...used]}], the plan asked for ${asked?.rule}` +
        (asked?.fallback ? ` and fell back (${asked.fallback})` : ''),
    );
  rows.forEach((row, i) => {
    const at = `allocation ${row.carrierId}`;
    const marginal = c(all) - c(all & ~(1 << i));
    if (row.marginalCost === undefined || Math.abs(row.marginalCost - marginal) > 2 * CENT)
      v.add(
        'ALLOCATION_MARGINAL_MISMATCH',
        at,
        `marginalCost ${row.marginalCost}, c(N) - c(N \\ {i}) = ${fmt(marginal)}`,
      );
    const want = expected[row.method]?.[i];
    if (want !== undefined && Math.abs(row.allocatedCost - want) > CENT + 1e-9)
      v.add(
        'ALLOCATION_RULE_MISMATCH',
        at,
        `allocatedCost ${row.allocatedCost}, ${row.method} gives ${fmt(want)}`,
      );
  });

  const core = plan.allocationCore;
  if (!core) {
    v.add('ALLOCATION_CORE_MISMATCH', 'allocationCore', 'missing');
    return;
  }
  let worst = n === 1 ? 0 : -Infinity; // one carrier: no proper coalition, nothing to exceed
  for (let mask = 1; mask < all; mask++) {
    let paid = 0;
    rows.forEach((r, i) => (paid += mask & (1 << i) ? r.allocatedCost : 0));
    worst = Math.max(worst, paid - c(mask));
  }
  // the least core's allocation attains the least-core value: no coalition exceeds its cost by more
  const epsilon = core.leastCoreEpsilonEur;
  if (rows.some((r) => r.method === 'least-core') && (epsilon === undefined || worst > epsilon + n * CENT))
    v.add(
      'ALLOCATION_RULE_MISMATCH',
      'allocation',
      `least-core rows, but some coalition pays ${fmt(worst)} EUR above its cost, more than the least-core value ${epsilon}`,
    );
  const named = ids.reduce((m, id, i) => (core.coalition.includes(id) ? m | (1 << i) : m), 0);
  let namedPaid = 0;
  rows.forEach((r, i) => (namedPaid += named & (1 << i) ? r.allocatedCost : 0));
  const inCore = worst <= n * CENT + 1e-9;
  if (
    Math.abs(core.maxExcessEur - worst) > n * CENT ||
    Math.abs(namedPaid - c(named) - worst) > n * CENT ||
    core.inCore !== inCore ||
    !core.exact
  )
    v.add(
      'ALLOCATION_CORE_MISMATCH',
      'allocationCore',
      `maxExcessEur ${core.maxExcessEur} at {${core.coalition}}, inCore ${core.inCore}; recomputed ${fmt(worst)}, inCore ${inCore}`,
    );
}

/** The Shapley value by its formula over all coalitions (Shapley 1953), weights from factorials. */
export function shapleyValues(n: number, c: (mask: number) => number): number[] {
  const fact = [1];
  for (let k = 1; k <= n; k++) fact.push((fact[k - 1] as number) * k);
  const out = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) size++;
    const weight = ((fact[size] as number) * (fact[n - size - 1] as number)) / (fact[n] as number);
    for (let i = 0; i < n; i++)
      if (!(mask & (1 << i))) out[i] = (out[i] as number) + weight * (c(mask | (1 << i)) - c(mask));
  }
  return out;
}

/** Shares in proportion to the stand-alone costs c({i}). */
function proportionalShares(n: number, c: (mask: number) => number): number[] {
  const alone = Array.from({ length: n }, (_, i) => c(1 << i));
  const sum = alone.reduce((a, b) => a + b, 0);
  return alone.map((a) => (c((1 << n) - 1) * a) / sum);
}

/** Separable costs, remaining benefits (Young, Okada & Hashimoto 1982). */
function scrbShares(n: number, c: (mask: number) => number): number[] {
  const all = (1 << n) - 1;
  const m = Array.from({ length: n }, (_, i) => c(all) - c(all & ~(1 << i)));
  const rest = Array.from({ length: n }, (_, i) => c(1 << i) - (m[i] as number));
  const restSum = rest.reduce((a, b) => a + b, 0);
  const left = c(all) - m.reduce((a, b) => a + b, 0);
  return m.map((mi, i) => mi + (restSum === 0 ? left / n : ((rest[i] as number) * left) / restSum));
}
