import { coreCheck, type CoreCheck } from './core-check.ts';
import type { CostTable } from './cost-game.ts';
import type { Allocation } from './allocation.ts';
import { coreIsEmpty, leastCore, leastCoreValueEur, nucleolus } from './nucleolus.ts';
import { proportional } from './proportional.ts';
import { scrb } from './scrb.ts';
import { shapley } from './shapley.ts';

/** The rules a plan can ask for (`options.allocation`); the least core is the fallback, not a choice. */
export const ALLOCATION_RULES = ['shapley', 'proportional', 'scrb', 'nucleolus'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

export interface ChosenAllocation {
  /** The allocation used: the rule's, or the least core's when the rule had to be replaced. */
  readonly allocation: Allocation;
  readonly requested: AllocationRule;
  readonly core: CoreCheck;
  readonly coreEmpty: boolean;
  readonly leastCoreEpsilonEur: number;
  /** Why the requested rule was replaced, in words for the plan's warnings; undefined when it was not. */
  readonly fallback: string | undefined;
}

/**
 * An exact game's allocation under `rule`, with the policy of issue 9: when the core is empty, the least-core
 * allocation (nobody above stand-alone whenever possible) replaces the rule; when the core is non-empty but
 * the rule charges some player more than its stand-alone cost (possible for Shapley, SCRB and proportional
 * on games that are not subadditive, as heuristic routing costs can be), the nucleolus, which lies in the
 * core, replaces it. Either way the plan says so.
 */
export function allocate(table: CostTable, rule: AllocationRule): ChosenAllocation {
  // One LP tells whether the core is empty; the sequential LPs run only when their allocation is needed.
  const epsilonEur = leastCoreValueEur(table);
  const coreEmpty = coreIsEmpty(table, epsilonEur);
  const byRule: Record<AllocationRule, () => Allocation> = {
    shapley: () => shapley(table),
    proportional: () => proportional(table),
    scrb: () => scrb(table),
    nucleolus: () => nucleolus(table),
  };
  let allocation: Allocation;
  let fallback: string | undefined;
  if (coreEmpty) {
    allocation = leastCore(table).allocation;
    fallback = `the core is empty (some coalition pays at least ${epsilonEur.toFixed(2)} EUR above its own cost under any split): least-core allocation instead of ${rule}`;
  } else {
    allocation = byRule[rule]();
    const above = allocation.sharesCents.findIndex(
      (c, i) => c > Math.round((table.costsEur[1 << i] as number) * 100) + 1,
    );
    if (above >= 0) {
      allocation = nucleolus(table);
      fallback = `${rule} charges player ${above} more than its stand-alone cost: nucleolus (in the core) instead`;
    }
  }
  return {
    allocation,
    requested: rule,
    core: coreCheck(table, allocation),
    coreEmpty,
    leastCoreEpsilonEur: epsilonEur,
    fallback,
  };
}
