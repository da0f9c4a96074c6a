import type { TravelInput } from '../contracts/index.ts';
import type { CityVehicleType } from '../domain/city.ts';
import type { LonLat } from '../domain/location.ts';
import type { DaySpeedFactors, TravelModel } from '../domain/routing-problem.ts';
import { clockToSeconds } from '../domain/units.ts';
import { daySpeedFactors, pointInArea, timeDependentTravel } from '../geo/index.ts';

/**
 * The scenario's speed profiles on top of its static travel model (docs/model/time-dependent-travel.md): an
 * arc is driven at the factors of the first listed profile that applies to the vehicle type's class and
 * whose area, if it has one, holds both ends of the arc. No profile = the static model itself, unchanged.
 */
export function withSpeedProfiles(
  travel: TravelModel,
  input: TravelInput | undefined,
  locations: readonly LonLat[],
  types: readonly CityVehicleType[],
): TravelModel {
  const profiles = input?.profiles ?? [];
  if (profiles.length === 0) return travel;
  const factors: DaySpeedFactors[] = profiles.map((p) =>
    daySpeedFactors(
      p.periods.map((q) => ({
        startS: clockToSeconds(q.start),
        endS: clockToSeconds(q.end),
        factor: q.speedFactor,
      })),
    ),
  );
  // bit k = profile k (at most LIMITS.speedProfiles = 20 profiles, so a 32-bit mask holds them)
  let everywhere = 0;
  profiles.forEach((p, k) => {
    if (p.area === undefined) everywhere |= 1 << k;
  });
  const inside = Int32Array.from(locations, (at) =>
    profiles.reduce((m, p, k) => (p.area !== undefined && pointInArea(at, p.area) ? m | (1 << k) : m), 0),
  );
  const forType = types.map((t) =>
    profiles.reduce(
      (m, p, k) => (p.vehicleClasses === undefined || p.vehicleClasses.includes(t.class) ? m | (1 << k) : m),
      0,
    ),
  );
  return timeDependentTravel(travel, (from, to, profile) => {
    const m = (everywhere | ((inside[from] ?? 0) & (inside[to] ?? 0))) & (forType[profile] ?? 0);
    // the lowest bit set is the first profile listed
    return m === 0 ? undefined : factors[31 - Math.clz32(m & -m)];
  });
}
