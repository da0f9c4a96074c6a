import type { Plan } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import { fmt, type Violations } from './violations.ts';

const CENT = 0.01;

/**
 * A sampled cost game (above 12 carriers the planner estimates the Shapley value from random orders of the
 * carriers, docs/model/cooperation.md): what can be recomputed from the coalitions it lists, given `cost`
 * (members' bit mask to c(S), the grand coalition included) built by auditCostGame.
 * - the game states its orders (`permutations` >= 2) and `maxStandardErrorEur`; each order prices at most
 *   n - 1 proper coalitions, and the n coalitions N \ {i} behind the marginal costs are listed too, so there
 *   are at most permutations x (n - 1) + n of them;
 * - every listed coalition of two or more is a prefix of a sampled order (one member fewer is listed too),
 *   except the N \ {i}, which the planner prices for the marginal costs when no order did;
 * - the rows are `shapley-sampled`, and each carrier's share, a mean of its marginal costs c(P u {i}) - c(P)
 *   over the sampled orders, lies between the least and the largest such difference the table shows;
 * - marginalCost = c(N) - c(N \ {i}), with c(N \ {i}) listed (else the figure cannot be recomputed);
 * - allocationCore: not exact, and the largest excess x(S) - c(S) over the listed proper coalitions, with a
 *   coalition attaining it and inCore when it is at most a cent per carrier.
 */
export function auditSampledGame(
  ctx: AuditContext,
  v: Violations,
  plan: Plan,
  cost: ReadonlyMap<number, number>,
): void {
  const game = plan.allocationGame;
  if (!game) return;
  const rows = plan.allocation;
  const n = ctx.scenario.carriers.length;
  const all = (1 << n) - 1;
  const k = game.permutations;
  if (k === undefined || !Number.isInteger(k) || k < 2 || !(game.maxStandardErrorEur! >= 0))
    v.add(
      'COST_GAME_SHAPE',
      'allocationGame',
      `a sampled game states permutations ${k} and maxStandardErrorEur ${game.maxStandardErrorEur}`,
    );
  else if (cost.size - (cost.has(all) ? 1 : 0) > k * (n - 1) + n)
    v.add(
      'COST_GAME_SHAPE',
      'allocationGame',
      `${cost.size} coalitions listed, ${k} orders of ${n} carriers price at most ${k * (n - 1) + n} proper ones`,
    );
  for (const mask of cost.keys()) {
    const members = bits(mask, n);
    if (members.length > 1 && members.length < n - 1 && !members.some((i) => cost.has(mask & ~(1 << i))))
      v.add(
        'COST_GAME_SHAPE',
        `coalition [${members}]`,
        'no coalition one member smaller is listed: it is no prefix of a sampled order',
      );
  }
  const c = (mask: number): number | undefined => (mask === 0 ? 0 : cost.get(mask));

  rows.forEach((row, i) => {
    const at = `allocation ${row.carrierId}`;
    if (row.method !== 'shapley-sampled')
      v.add('ALLOCATION_RULE_MISMATCH', at, `method ${row.method} in a sampled game (shapley-sampled)`);
    const bit = 1 << i;
    let low = Infinity;
    let high = -Infinity;
    for (const [mask, withI] of cost) {
      const before = mask & bit ? c(mask & ~bit) : undefined;
      if (before === undefined) continue;
      low = Math.min(low, withI - before);
      high = Math.max(high, withI - before);
    }
    if (!(row.allocatedCost >= low - 2 * CENT && row.allocatedCost <= high + 2 * CENT))
      v.add(
        'ALLOCATION_RULE_MISMATCH',
        at,
        `allocatedCost ${row.allocatedCost}, outside its marginal costs in the table [${fmt(low)}, ${fmt(high)}]`,
      );
    const without = c(all & ~bit);
    const grand = c(all);
    if (without === undefined || grand === undefined)
      v.add('COST_GAME_SHAPE', at, 'c(N \\ {i}) behind its marginalCost is not in allocationGame');
    else if (row.marginalCost === undefined || Math.abs(row.marginalCost - (grand - without)) > 2 * CENT)
      v.add(
        'ALLOCATION_MARGINAL_MISMATCH',
        at,
        `marginalCost ${row.marginalCost}, c(N) - c(N \\ {i}) = ${fmt(grand - without)}`,
      );
  });

  const core = plan.allocationCore;
  if (!core) {
    v.add('ALLOCATION_CORE_MISMATCH', 'allocationCore', 'missing');
    return;
  }
  const paid = (mask: number): number =>
    rows.reduce((s, r, i) => s + (mask & (1 << i) ? r.allocatedCost : 0), 0);
  let worst = -Infinity;
  for (const [mask, cS] of cost) if (mask !== all) worst = Math.max(worst, paid(mask) - cS);
  const ids = ctx.scenario.carriers.map((carrier) => carrier.id);
  const named = ids.reduce((m, id, i) => (core.coalition.includes(id) ? m | (1 << i) : m), 0);
  const namedCost = cost.get(named);
  const inCore = worst <= n * CENT + 1e-9;
  if (
    core.exact ||
    Math.abs(core.maxExcessEur - worst) > n * CENT ||
    namedCost === undefined ||
    Math.abs(paid(named) - namedCost - worst) > n * CENT ||
    core.inCore !== inCore
  )
    v.add(
      'ALLOCATION_CORE_MISMATCH',
      'allocationCore',
      `exact ${core.exact}, maxExcessEur ${core.maxExcessEur} at {${core.coalition}}, inCore ${core.inCore}; ` +
        `over the ${cost.size - 1} sampled proper coalitions: ${fmt(worst)}, inCore ${inCore}`,
    );
}

/** The members of a coalition's bit mask, ascending. */
function bits(mask: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
}
