import type { PlanRoute, TrunkLeg } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';

/** Cost in EUR of some routes: fixed cost once per vehicle used, plus per-km and per-hour costs. */
export function routesCostEur(city: City, routes: readonly PlanRoute[]): number {
  const types = new Map(city.vehicleTypes.map((t) => [t.id, t]));
  const seen = new Set<string>();
  let cost = 0;
  for (const r of routes) {
    const t = types.get(r.vehicleType);
    if (!t) continue;
    if (!seen.has(r.vehicle)) cost += t.fixedCostEur;
    seen.add(r.vehicle);
    cost += r.distanceKm * t.costPerKmEur + (r.durationMin / 60) * t.costPerHourEur;
  }
  return cost;
}

/**
 * Cost in EUR of a trunk leg: per-km and per-hour costs of its trips, plus one vehicle's fixed cost
 * (assumption: shuttles to a hub at the edge of the centre fit in one vehicle's day for each leg).
 */
export function trunkCostEur(city: City, leg: TrunkLeg): number {
  const t = city.vehicleTypes.find((v) => v.id === leg.vehicleType);
  if (!t || leg.trips === 0) return 0;
  return t.fixedCostEur + leg.distanceKm * t.costPerKmEur + (leg.durationMin / 60) * t.costPerHourEur;
}
