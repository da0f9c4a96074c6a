import { withoutCarrierFigures, type Plan } from '../contracts/index.ts';
import type { Comparison } from '../contracts/ports.ts';
import type { Principal } from './auth.ts';

/**
 * Carriers are competitors: what each pays and emits is shown to planners and admins only. Other readers of a
 * plan (dispatchers) get it without per-carrier figures; a carrier reads its own share at
 * `GET /v1/plans/{id}/share`.
 */
export function seesCarrierFigures(p: Principal): boolean {
  return p.role === 'planner' || p.role === 'admin';
}

/** The plan as this reader may see it. */
export function planFor(p: Principal, plan: Plan): Plan {
  return seesCarrierFigures(p) ? plan : withoutCarrierFigures(plan);
}

/** A comparison's variants as this reader may see them: no allocation rows unless planner or admin. */
export function comparisonFor(p: Principal, comparison: Comparison): Comparison {
  if (seesCarrierFigures(p)) return comparison;
  return { ...comparison, variants: comparison.variants.map((v) => ({ ...v, allocation: [] })) };
}
