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
  return vehicleDaysCost(
    routes.map((r) => ({ vehicle: r.route.vehicle, type: r.type, km: r.distanceKm, s: r.durationS })),
  );
}

/** Road trunk trips: each vehicle's fixed cost once, plus per-km and per-hour costs of each trip; sailings cost nothing (no tariff). */
export function trunkCost(ctx: AuditContext, trips: readonly TrunkFigures[]): Cost {
  return vehicleDaysCost(
    trips.map((f) => ({
      vehicle: f.trip.vehicle,
      type: f.trip.mode === 'road' ? ctx.types.get(f.trip.vehicleType) : undefined,
      km: f.distanceKm,
      s: f.durationS,
    })),
  );
}

/** Each vehicle's fixed cost once, plus every trip's km and hours at its type's rates. */
function vehicleDaysCost(
  trips: readonly {
    vehicle: string;
    type: { fixedCostEur: number; costPerKmEur: number; costPerHourEur: number } | undefined;
    km: number;
    s: number;
  }[],
): Cost {
  const seen = new Set<string>();
  let cost = ZERO;
  for (const { vehicle, type: t, km, s } of trips) {
    if (!t) continue;
    const fixed = seen.has(vehicle) ? 0 : t.fixedCostEur;
    seen.add(vehicle);
    cost = addCost(cost, {
      eur: fixed + km * t.costPerKmEur + (s / 3600) * t.costPerHourEur,
      slackEur: roundingSlack(t.costPerKmEur, t.costPerHourEur),
    });
  }
  return cost;
}
