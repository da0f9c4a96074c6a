import type { EchelonKpis, Kpis, PlanRoute, TrunkTrip } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';
import { maxOf } from '../domain/arrays.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/**
 * KPIs of a plan, recomputed from its wire routes so they always agree with what is shown. Trunk legs
 * and hub handling count in every figure they touch (road trunk trips in vehicle-km and trips; barge and
 * rail sailings in energy, CO2e and tonne-km, never in vehicle-km); `vehicles` counts vehicles that drive
 * in the centre (pooled fleet and carriers' own rounds), trunk vehicles are counted apart. A two-echelon plan
 * adds each echelon's trunk figures (`echelons`), which add up to the trunk's.
 */
export function computeKpis(
  city: City,
  routes: readonly PlanRoute[],
  trunk: readonly TrunkTrip[] = [],
  hubHandling: { kWh: number; co2eKg: number } = { kWh: 0, co2eKg: 0 },
  options: { trunkFigures?: boolean } = {},
): Kpis {
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const stops = sum(routes.map((r) => r.stops.length));
  const receivers = new Set(routes.flatMap((r) => r.stops.map((s) => s.receiverId))).size;
  const capacity = new Map(city.vehicleTypes.map((t) => [t.id, t.capacity]));
  const fill = routes.map((r) => {
    const cap = capacity.get(r.vehicleType) ?? [Infinity, Infinity, Infinity];
    const peaks = [r.loadStart, ...r.stops.map((s) => s.loadAfter)];
    const peak = (dim: 'kg' | 'm3' | 'units'): number => maxOf(peaks.map((l) => l[dim]));
    return Math.max(peak('kg') / cap[0], peak('m3') / cap[1], peak('units') / cap[2]);
  });
  const road = trunk.filter((t) => t.mode === 'road');
  const tonneKm = (mode: TrunkTrip['mode']): number =>
    round(sum(trunk.filter((t) => t.mode === mode).map((t) => t.tonneKm)));
  return {
    vehicles: new Set(routes.map((r) => r.vehicle)).size,
    routes: routes.length,
    tripsIncludingTrunk: routes.length + road.length,
    vehicleKm: round(sum(routes.map((r) => r.distanceKm)) + sum(road.map((t) => t.distanceKm))),
    vehicleHours: round((sum(routes.map((r) => r.durationMin)) + sum(road.map((t) => t.durationMin))) / 60),
    energyKWh: round(
      sum(routes.map((r) => r.energyKWh)) + sum(trunk.map((t) => t.energyKWh)) + hubHandling.kWh,
    ),
    co2eKg: round(sum(routes.map((r) => r.co2eKg)) + sum(trunk.map((t) => t.co2eKg)) + hubHandling.co2eKg),
    stops,
    deliveriesPerReceiver: receivers === 0 ? 0 : round(stops / receivers),
    fillRate: fill.length === 0 ? 0 : round(sum(fill) / fill.length),
    ...(hubHandling.kWh > 0 ? { hubHandlingKWh: round(hubHandling.kWh) } : {}),
    ...(options.trunkFigures && trunk.length > 0
      ? {
          trunkTrips: road.length,
          trunkVehicles: new Set(road.map((t) => t.vehicle)).size,
          trunkTonneKm: { road: tonneKm('road'), barge: tonneKm('barge'), rail: tonneKm('rail') },
        }
      : {}),
    ...(options.trunkFigures && trunk.some((t) => t.echelon === 2)
      ? { echelons: ([1, 2] as const).map((e) => echelonKpis(e, trunk)) }
      : {}),
  };
}

/** One echelon's trunk figures: road trips, vehicles, km and hours; every trip's energy, CO2e and tonne-km. */
function echelonKpis(echelon: 1 | 2, trunk: readonly TrunkTrip[]): EchelonKpis {
  const sum = (xs: readonly number[]): number => round(xs.reduce((a, b) => a + b, 0));
  const mine = trunk.filter((t) => (t.echelon ?? 1) === echelon);
  const road = mine.filter((t) => t.mode === 'road');
  const tonneKm = (mode: TrunkTrip['mode']): number =>
    sum(mine.filter((t) => t.mode === mode).map((t) => t.tonneKm));
  return {
    echelon,
    trips: road.length,
    vehicles: new Set(road.map((t) => t.vehicle)).size,
    sailings: mine.length - road.length,
    vehicleKm: sum(road.map((t) => t.distanceKm)),
    vehicleHours: round(sum(road.map((t) => t.durationMin)) / 60),
    energyKWh: sum(mine.map((t) => t.energyKWh)),
    co2eKg: sum(mine.map((t) => t.co2eKg)),
    tonneKm: { road: tonneKm('road'), barge: tonneKm('barge'), rail: tonneKm('rail') },
  };
}
