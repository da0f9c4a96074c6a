import {
  comparisonVariant,
  type ComparisonVariant,
  type ComparisonVariantInput,
  type Plan,
  type PlanTaskResult,
} from '../contracts/index.ts';
import { planScenario, type BaselineCache, type PlanOptions, type PlanProgress } from '../planner/index.ts';

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
  const cache = new CountingBaselineCache();
  const { onVariant, onProgress, ...planOptions } = options;
  const plans = variants.map((variant, index) => {
    onVariant?.(index, variant);
    return planScenario(variant.scenario, {
      ...planOptions,
      baselineCache: cache,
      ...(onProgress ? { onProgress: (p: PlanProgress) => onProgress(index, p) } : {}),
    });
  });
  return {
    variants: plans.map((plan, i) => {
      const v = variants[i] as ComparisonVariantInput;
      return comparisonVariant(v.name, plan, v.description);
    }),
    plans,
    baselineTasks: { solved: cache.size, reused: cache.reused },
  };
}
