import type { City } from '../domain/city.ts';
import type { LonLat } from '../domain/location.ts';

/** Zones needed so that none has more than `maxStops` stops. */
export function zoneCount(stops: number, maxStops: number): number {
  return Math.max(1, Math.ceil(stops / maxStops));
}

/**
 * Cuts receivers into `zones` angular sectors around a depot or hub, with equal numbers of receivers:
 * routes from a central depot rarely cross sectors, so solving sectors separately loses little.
 * Deterministic: ties are broken by receiver index.
 */
export function sectorZones(
  city: City,
  center: number,
  receivers: readonly number[],
  zones: number,
): number[][] {
  if (zones <= 1) return [[...receivers]];
  const c = city.locations[center] as LonLat;
  const angle = (r: number): number => {
    const p = city.locations[(city.receivers[r] as { location: number }).location] as LonLat;
    return Math.atan2(p[1] - c[1], (p[0] - c[0]) * Math.cos((c[1] * Math.PI) / 180));
  };
  const sorted = [...receivers].map((r) => ({ r, a: angle(r) })).sort((x, y) => x.a - y.a || x.r - y.r);
  // start the first sector at the widest angular gap so that no natural cluster is cut in two
  let gapAt = 0;
  let widest = -Infinity;
  sorted.forEach((s, i) => {
    const next = sorted[(i + 1) % sorted.length] as { a: number };
    const gap = (next.a - s.a + 2 * Math.PI) % (2 * Math.PI);
    if (gap > widest) {
      widest = gap;
      gapAt = (i + 1) % sorted.length;
    }
  });
  const rotated = [...sorted.slice(gapAt), ...sorted.slice(0, gapAt)].map((s) => s.r);
  return Array.from({ length: zones }, (_, z) =>
    rotated.slice(Math.floor((z * rotated.length) / zones), Math.floor(((z + 1) * rotated.length) / zones)),
  );
}

/** Splits `count` vehicles between zones in proportion to their weights (largest remainder, stable). */
export function splitCount(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map((_, i) => (i === 0 ? count : 0));
  const exact = weights.map((w) => (count * w) / total);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}
