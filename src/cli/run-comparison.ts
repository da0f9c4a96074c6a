import {
  comparisonVariant,
  type ComparisonVariant,
  type ComparisonVariantInput,
  type Plan,
  type PlanTaskResult,
  type Scenario,
} from '../contracts/index.ts';
import {
  planScenario,
  planScenarioWith,
  type BaselineCache,
  type PlanOffload,
  type PlanOptions,
  type PlanProgress,
} from '../planner/index.ts';

/** The planner's baseline cache, counting the carriers' own-rounds tasks it answered instead of a solve. */
export class CountingBaselineCache extends Map<string, PlanTaskResult> implements BaselineCache {
  reused = 0;

  override get(key: string): PlanTaskResult | undefined {
    const hit = super.get(key);
    if (hit !== undefined) this.reused += 1;
    return hit;
  }
}

export interface ComparisonRun {
  readonly variants: ComparisonVariant[];
  /** The whole plans, in variant order (for the checker, or `--out`). */
  readonly plans: Plan[];
  /** Carriers' own-rounds tasks solved, and answered from an earlier variant's identical solve. */
  readonly baselineTasks: { readonly solved: number; readonly reused: number };
}

export interface ComparisonRunOptions extends Omit<PlanOptions, 'baselineCache' | 'onProgress'> {
  /** Called when a variant's plan starts, with its index. */
  readonly onVariant?: (index: number, variant: ComparisonVariantInput) => void;
  readonly onProgress?: (index: number, progress: PlanProgress) => void;
}

/**
 * Plans every variant with the same seed, effort and iteration override, one after the other, with one
 * baseline cache: variants whose carriers, receivers, orders and travel model are equal share one baseline
 * solve, so their baselines are identical and their savings differ only by what the variants change.
 */
export function runComparison(
  variants: readonly ComparisonVariantInput[],
  options: ComparisonRunOptions = {},
): ComparisonRun {
  const run = comparisonRunner(variants, options);
  return run.result(variants.map((variant, index) => planScenario(variant.scenario, run.optionsOf(index))));
}

/**
 * `runComparison` with each variant's routing tasks and cost game run by the offload `withOffload` lends for
 * that variant's day (worker threads, see plan-threads.ts): the same plans, in less wall time on a machine with
 * several cores. A baseline an earlier variant solved is reused, not sent.
 */
export async function runComparisonWith(
  variants: readonly ComparisonVariantInput[],
  withOffload: (scenario: Scenario, plan: (offload: PlanOffload) => Promise<Plan>) => Promise<Plan>,
  options: ComparisonRunOptions = {},
): Promise<ComparisonRun> {
  const run = comparisonRunner(variants, options);
  const plans: Plan[] = [];
  for (const [index, variant] of variants.entries()) {
    const { scenario } = variant;
    const options = run.optionsOf(index);
    plans.push(await withOffload(scenario, (offload) => planScenarioWith(scenario, offload, options)));
  }
  return run.result(plans);
}

/** What both ways of running a comparison share: the baseline cache, each variant's options, the result. */
function comparisonRunner(variants: readonly ComparisonVariantInput[], options: ComparisonRunOptions) {
  const cache = new CountingBaselineCache();
  const { onVariant, onProgress, ...planOptions } = options;
  return {
    optionsOf(index: number): PlanOptions {
      onVariant?.(index, variants[index] as ComparisonVariantInput);
      return {
        ...planOptions,
        baselineCache: cache,
        ...(onProgress ? { onProgress: (p: PlanProgress) => onProgress(index, p) } : {}),
      };
    },
    result(plans: Plan[]): ComparisonRun {
      return {
        variants: plans.map((plan, i) => {
          const v = variants[i] as ComparisonVariantInput;
          return comparisonVariant(v.name, plan, v.description);
        }),
        plans,
        baselineTasks: { solved: cache.size, reused: cache.reused },
      };
    },
  };
}
