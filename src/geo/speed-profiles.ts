import type { Seconds } from '../domain/units.ts';

/** Speeds of the travel model's profiles, in km/h (index = RoutingVehicleType.profile). */
export type SpeedProfilesKmh = readonly number[];

export function secondsPerMetre(speedKmh: number): Seconds {
  return 3.6 / speedKmh;
}
