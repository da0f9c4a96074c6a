import { BUILT_IN_VEHICLE_CLASSES } from '../domain/vehicle-type.ts';
import type { LonLat } from './primitives.ts';
import type { Scenario } from './scenario.ts';
import type { Area } from './scenario-zones.ts';

/**
 * How far from the receivers' median a hub, depot, receiver or zone vertex may lie before it is called
 * implausible: a city day's depots sit in the metropolitan ring (tens of km); a point 150 km away is far more
 * likely a typo or a `[lat, lon]` swap (Lille's [3.06, 50.63] read as [50.63, 3.06] lands ~5,000 km away).
 */
export const PLAUSIBLE_RADIUS_KM = 150;

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance: enough for a plausibility test; routing distances come from src/geo. */
function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const fmt = (p: LonLat): string => `[${p[0]}, ${p[1]}]`;

/**
 * Warnings about a valid scenario that is probably not what its author meant, as `path (id): message` lines.
 * Today: points implausibly far (> PLAUSIBLE_RADIUS_KM) from the coordinate-wise median of the receivers,
 * with a hint when swapping the two numbers would bring the point back (`[lat, lon]` given for `[lon, lat]`),
 * and speed profiles naming a vehicle class no type has.
 * Pure: the CLI prints them to stderr, a plan can carry them in `meta.warnings`.
 */
export function scenarioWarnings(scenario: Scenario): string[] {
  if (scenario.receivers.length === 0) return [];
  const centre: LonLat = [
    median(scenario.receivers.map((r) => r.location[0])),
    median(scenario.receivers.map((r) => r.location[1])),
  ];
  const warnings: string[] = [];
  const check = (path: string, id: string, p: LonLat): void => {
    const km = haversineKm(centre, p);
    if (km <= PLAUSIBLE_RADIUS_KM) return;
    const swapped = haversineKm(centre, [p[1], p[0]]) <= PLAUSIBLE_RADIUS_KM;
    warnings.push(
      `${path} (${id}): ${fmt(p)} is ${Math.round(km).toLocaleString('en-GB')} km from the median of the receivers ` +
        `${fmt(centre)}` +
        (swapped ? `: [lat, lon] given for [lon, lat]? ${fmt([p[1], p[0]])} would fit` : ''),
    );
  };
  scenario.hubs.forEach((h, i) => check(`hubs[${i}].location`, h.id, h.location));
  scenario.carriers.forEach((c, i) => check(`carriers[${i}].depot`, c.id, c.depot));
  scenario.receivers.forEach((r, i) => check(`receivers[${i}].location`, r.id, r.location));
  // one line per area: the vertex farthest from the receivers stands for a misplaced area
  const checkArea = (path: string, id: string, area: Area): void => {
    const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
    let far: LonLat | undefined;
    let farKm = -1;
    for (const p of rings.flat()) {
      const km = haversineKm(centre, p);
      if (km > farKm) [far, farKm] = [p, km];
    }
    if (far) check(path, id, far);
  };
  scenario.zones?.forEach((z, i) => checkArea(`zones[${i}].area`, z.id, z.area));
  const profiles = scenario.travel?.profiles ?? [];
  profiles.forEach((p, i) => p.area && checkArea(`travel.profiles[${i}].area`, p.id, p.area));
  // a class no vehicle type has is valid but slows nothing: most likely a typo ("vans" for "van")
  const classes = new Set([
    ...BUILT_IN_VEHICLE_CLASSES,
    ...(scenario.vehicleTypes ?? []).map((t) => t.class),
  ]);
  profiles.forEach((p, i) =>
    p.vehicleClasses?.forEach((c, k) => {
      if (!classes.has(c))
        warnings.push(
          `travel.profiles[${i}].vehicleClasses[${k}] (${p.id}): no vehicle type has class "${c}" ` +
            `(classes: ${[...classes].join(', ')}): the profile slows no vehicle of it`,
        );
    }),
  );
  return warnings;
}
