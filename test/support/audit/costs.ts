import type { AuditContext } from './context.ts';
import type { RouteFigures } from './routes.ts';
import { DURATION_ROUNDING_MIN, ROUNDING_3_DECIMALS } from './tolerances.ts';
import type { TrunkFigures } from './trunk.ts';

/** A cost in EUR and the slack its recomputation needs against figures the plan rounded before costing them. */
export interface Cost {
  readonly eur: number;
  readonly slackEur: number;
}

const ZERO: Cost = { eur: 0, slackEur: 0 };
export const addCost = (a: Cost, b: Cost): Cost => ({
  eur: a.eur + b.eur,
  slackEur: a.slackEur + b.slackEur,
});
export const scaleCost = (a: Cost, k: number): Cost => ({ eur: a.eur * k, slackEur: a.slackEur * k });

/** Half a printed step of distance and duration, priced at the type's rates. */
function roundingSlack(perKm: number, perHour: number): number {
  return perKm * ROUNDING_3_DECIMALS + (perHour * DURATION_ROUNDING_MIN) / 60;
}

/**
 * docs/model/energy.md §7 rates, docs/model/consolidation.md costs: a vehicle's fixed cost once a day
 * however many trips it makes, plus its per-km and per-hour cost of every trip (hours from departure
 * to return).
 */
export function routesCost(routes: readonly RouteFigures[]): Cost {
  const seen = new Set<string>();
  let cost = ZERO;
  for (const r of routes) {
    const t = r.type;
    if (!t) continue;
    const fixed = seen.has(r.route.vehicle) ? 0 : t.fixedCostEur;
    seen.add(r.route.vehicle);
    cost = addCost(cost, {
      eur: fixed + r.distanceKm * t.costPerKmEur + (r.durationS / 3600) * t.costPerHourEur,
      slackEur: roundingSlack(t.costPerKmEur, t.costPerHourEur),
    });
  }
  return cost;
}

/** A trunk leg: one vehicle's fixed cost (its shuttles fit one vehicle's day) plus per-km and per-hour costs. */
export function trunkCost(ctx: AuditContext, leg: TrunkFigures): Cost {
  const t = ctx.types.get(leg.vehicleType);
  if (!t || leg.trips === 0) return ZERO;
  return {
    eur: t.fixedCostEur + leg.distanceKm * t.costPerKmEur + (leg.durationS / 3600) * t.costPerHourEur,
    slackEur: roundingSlack(t.costPerKmEur, t.costPerHourEur),
  };
}
