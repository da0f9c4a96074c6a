import { coalitionOrder, grandCoalition, membersOf, type CostTable } from './cost-game.ts';
import type { Allocation } from './allocation.ts';
import type { SampledCoalition } from './shapley-sampling.ts';

/**
 * How far an allocation is from the core: the largest excess e(S) = x(S) - c(S) over proper coalitions S,
 * i.e. the most a group of players pays above what it would pay pooling on its own, and the group. In the
 * core when that is at most `toleranceEur`, by default one cent per player: each rounded share is within a
 * cent of its exact value, so a point on the core's boundary may show up to |S| cents of excess.
 */
export interface CoreCheck {
  /** True when every proper coalition was checked, false when only a sample was. */
  readonly exact: boolean;
  readonly maxExcessEur: number;
  /** Players of the coalition attaining it (ascending; the first in coalition order on ties). */
  readonly coalition: readonly number[];
  readonly inCore: boolean;
}

/** Over all 2^n - 2 proper coalitions. */
export function coreCheck(table: CostTable, allocation: Allocation, toleranceEur?: number): CoreCheck {
  const all = grandCoalition(table.players);
  const samples = coalitionOrder(table.players)
    .filter((s) => s !== all)
    .map((s): SampledCoalition => ({ members: membersOf(s), costEur: table.costsEur[s] as number }));
  return { ...largestExcess(samples, allocation, toleranceEur), exact: true };
}

/** Over the given coalitions only (e.g. those priced while sampling the Shapley value); the grand coalition is skipped. */
export function sampledCoreCheck(
  samples: readonly SampledCoalition[],
  allocation: Allocation,
  toleranceEur?: number,
): CoreCheck {
  const n = allocation.sharesCents.length;
  const proper = samples.filter((c) => c.members.length > 0 && c.members.length < n);
  return { ...largestExcess(proper, allocation, toleranceEur), exact: false };
}

function largestExcess(
  coalitions: readonly SampledCoalition[],
  allocation: Allocation,
  toleranceEur = allocation.sharesCents.length * 0.01,
): Omit<CoreCheck, 'exact'> {
  let best: { excessCents: number; members: readonly number[] } | undefined;
  for (const c of coalitions) {
    let paidCents = 0;
    for (const i of c.members) paidCents += allocation.sharesCents[i] as number;
    const excessCents = paidCents - c.costEur * 100;
    if (best === undefined || excessCents > best.excessCents + 1e-9)
      best = { excessCents, members: c.members };
  }
  if (best === undefined) return { maxExcessEur: 0, coalition: [], inCore: true };
  const maxExcessEur = Math.round(best.excessCents) / 100;
  return {
    maxExcessEur,
    coalition: [...best.members],
    inCore: best.excessCents <= toleranceEur * 100 + 1e-6,
  };
}
