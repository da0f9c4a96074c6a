import type { PlanRoute, TrunkTrip } from '../contracts/index.ts';
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
 * Cost in EUR of road trunk trips: fixed cost once per trunk vehicle used, plus per-km and per-hour costs of
 * each trip. Barge and rail sailings carry no cost here: no sourced tariff (docs/model/consolidation.md).
 */
export function trunkCostEur(city: City, trips: readonly TrunkTrip[]): number {
  const types = new Map(city.vehicleTypes.map((t) => [t.id, t]));
  const seen = new Set<string>();
  let cost = 0;
  for (const trip of trips) {
    const t = trip.mode === 'road' ? types.get(trip.vehicleType) : undefined;
    if (!t) continue;
    if (!seen.has(trip.vehicle)) cost += t.fixedCostEur;
    seen.add(trip.vehicle);
    cost += trip.distanceKm * t.costPerKmEur + (trip.durationMin / 60) * t.costPerHourEur;
  }
  return cost;
}
