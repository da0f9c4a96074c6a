import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/scenario.ts';
import type { Scenario } from '../../src/contracts/scenario.ts';
import { localDistanceMetres } from '../../src/scenario-gen/geometry.ts';
import {
  CARGO_BIKE_RECEIVER_MAX,
  LILLE_CENTRE_BBOX,
  LILLE_CLUSTERS,
  LILLE_EXCLUSIONS,
  CITY_GEOGRAPHIES,
  LYON_CLUSTERS,
  LYON_EXCLUSIONS,
  generateCityDay,
  isServable,
} from '../../src/scenario-gen/index.ts';

const day = generateCityDay({ city: 'lille', receivers: 220, seed: 59000, carriers: 10 });

function ordersByReceiver(s: Scenario): Map<string, Scenario['orders']> {
  const map = new Map<string, Scenario['orders']>();
  for (const o of s.orders) map.set(o.receiverId, [...(map.get(o.receiverId) ?? []), o]);
  return map;
}

describe('generateCityDay (Lille)', () => {
  it('passes the scenario schema, cross-references included', () => {
    const parsed = scenarioSchema.safeParse(day);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
  });

  it('is deterministic by seed', () => {
    expect(generateCityDay({ city: 'lille', receivers: 220, seed: 59000, carriers: 10 })).toEqual(day);
    const other = generateCityDay({ city: 'lille', receivers: 220, seed: 59001, carriers: 10 });
    expect(other).not.toEqual(day);
    expect(other.receivers[0]?.location).not.toEqual(day.receivers[0]?.location);
  });

  it('has the requested counts, ids and time limit', () => {
    expect(day.receivers).toHaveLength(220);
    expect(day.carriers).toHaveLength(10);
    expect(day.receivers[0]?.id).toBe('R0001');
    expect(day.receivers[219]?.id).toBe('R0220');
    for (const o of day.orders) expect(o.id).toMatch(new RegExp(`^ORD-${o.carrierId}-\\d+$`));
    expect(day.options).toEqual({ seed: 59000, effort: 'normal' });
    expect(generateCityDay({ city: 'lille', receivers: 5000, seed: 1 }).options?.effort).toBe('quick');
  });

  it('gives every receiver 5–10 orders, each from a different carrier', () => {
    const byReceiver = ordersByReceiver(day);
    for (const r of day.receivers) {
      const orders = byReceiver.get(r.id) ?? [];
      expect(orders.length).toBeGreaterThanOrEqual(5);
      expect(orders.length).toBeLessThanOrEqual(10);
      expect(new Set(orders.map((o) => o.carrierId)).size).toBe(orders.length);
    }
  });

  it('works with the minimum of five carriers', () => {
    const small = generateCityDay({ city: 'lille', receivers: 50, seed: 5, carriers: 5 });
    for (const orders of ordersByReceiver(small).values()) expect(orders).toHaveLength(5);
  });

  it('places every receiver inside the centre, outside the Citadelle and the Quai du Wault', () => {
    const [minLon, minLat, maxLon, maxLat] = LILLE_CENTRE_BBOX;
    for (const r of day.receivers) {
      const [lon, lat] = r.location;
      expect(lon).toBeGreaterThanOrEqual(minLon);
      expect(lon).toBeLessThanOrEqual(maxLon);
      expect(lat).toBeGreaterThanOrEqual(minLat);
      expect(lat).toBeLessThanOrEqual(maxLat);
      expect(isServable(r.location)).toBe(true);
      for (const z of LILLE_EXCLUSIONS)
        expect(localDistanceMetres(r.location, z.centre)).toBeGreaterThan(z.radiusM);
    }
    for (const c of LILLE_CLUSTERS) expect(isServable(c.centre), c.id).toBe(true);
  });

  it('has realistic mixes: kinds, pickups, sizes, cargo-bike-only receivers within a bike load', () => {
    const kinds = new Set(day.receivers.map((r) => r.kind));
    for (const k of ['shop', 'restaurant', 'bar', 'pharmacy', 'office', 'hotel', 'clinic', 'building-site'])
      expect(kinds).toContain(k);
    const pickups = day.orders.filter((o) => o.kind === 'pickup').length / day.orders.length;
    expect(pickups).toBeGreaterThan(0.02);
    expect(pickups).toBeLessThan(0.09);
    for (const o of day.orders) {
      expect(o.size.kg).toBeGreaterThan(0);
      expect(o.size.kg).toBeLessThanOrEqual(300);
      const density = o.size.kg / (o.size.m3 ?? Number.NaN);
      expect(density).toBeGreaterThan(90);
      expect(density).toBeLessThan(260);
    }
    const bikeOnly = day.receivers.filter((r) => r.access?.vehicleClasses?.includes('cargo-bike'));
    expect(bikeOnly.length / day.receivers.length).toBeGreaterThan(0.08);
    expect(bikeOnly.length / day.receivers.length).toBeLessThan(0.25);
    const byReceiver = ordersByReceiver(day);
    for (const r of bikeOnly) {
      const orders = byReceiver.get(r.id) ?? [];
      expect(orders.reduce((a, o) => a + o.size.kg, 0)).toBeLessThanOrEqual(CARGO_BIKE_RECEIVER_MAX.kg);
      expect(orders.reduce((a, o) => a + (o.size.m3 ?? 0), 0)).toBeLessThanOrEqual(
        CARGO_BIKE_RECEIVER_MAX.m3,
      );
    }
  });

  it('uses mostly diesel vans for baselines and sizes a hub fleet of e-vans and cargo bikes', () => {
    const trucks = day.carriers.filter((c) => c.baselineVehicleType === 'rigid-truck').length;
    expect(trucks).toBeGreaterThanOrEqual(1);
    expect(trucks).toBeLessThanOrEqual(2);
    expect(day.carriers.every((c) => c.baselineVehicles === undefined)).toBe(true);
    const vans = day.fleet.find((f) => f.vehicleType === 'e-van');
    const bikes = day.fleet.find((f) => f.vehicleType === 'cargo-bike');
    const totalKg = day.orders.reduce((a, o) => a + o.size.kg, 0);
    expect(vans!.count * 1000 * vans!.maxTrips!).toBeGreaterThan(totalKg);
    expect(bikes!.count).toBeGreaterThanOrEqual(1);
  });

  it('generates 1,000 and 10,000 receivers', () => {
    for (const receivers of [1000, 10_000]) {
      const big = generateCityDay({ city: 'lille', receivers, seed: 9, carriers: 30 });
      expect(big.receivers).toHaveLength(receivers);
      expect(new Set(big.carriers.map((c) => c.id)).size).toBe(30);
      expect(scenarioSchema.safeParse(big).success).toBe(true);
    }
  });

  it('rejects out-of-range options', () => {
    expect(() => generateCityDay({ city: 'lille', receivers: 0, seed: 1 })).toThrow(/receivers/);
    expect(() => generateCityDay({ city: 'lille', receivers: 10, seed: -1 })).toThrow(/seed/);
    expect(() => generateCityDay({ city: 'lille', receivers: 10, seed: 1.5 })).toThrow(/seed/);
    expect(() => generateCityDay({ city: 'lille', receivers: 10, seed: 1, carriers: 4 })).toThrow(/carriers/);
    expect(() => generateCityDay({ city: 'paris' as 'lille', receivers: 10, seed: 1 })).toThrow(/city/);
    expect(() => generateCityDay({ city: 'lyom' as 'lyon', receivers: 10, seed: 1 })).toThrow(
      /city must be one of lille, lyon, got "lyom" \(did you mean "lyon"\?\)/,
    );
  });
});

describe('generateCityDay (Lyon)', () => {
  const lyon = generateCityDay({ city: 'lyon', receivers: 220, seed: 69001, carriers: 10 });
  const geo = CITY_GEOGRAPHIES.lyon;
  /** Bellecour, the middle of the Presqu'île. */
  const centre: [number, number] = [4.832, 45.7578];

  it('passes the scenario schema and is deterministic by seed', () => {
    const parsed = scenarioSchema.safeParse(lyon);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
    expect(generateCityDay({ city: 'lyon', receivers: 220, seed: 69001, carriers: 10 })).toEqual(lyon);
    expect(generateCityDay({ city: 'lyon', receivers: 220, seed: 69002, carriers: 10 })).not.toEqual(lyon);
    expect(lyon.name).toBe('Lyon city-centre day: 220 receivers, 10 carriers (seed 69001)');
    expect(lyon.options).toEqual({ seed: 69001, effort: 'normal' });
  });

  it('places receivers on the Presqu’île and the left bank, off the Rhône, Bellecour and the rail yard', () => {
    for (const c of LYON_CLUSTERS) expect(isServable(c.centre, geo), c.id).toBe(true);
    // the Rhône between the two areas is not servable
    expect(isServable([4.8398, 45.76], geo)).toBe(false);
    for (const r of lyon.receivers) {
      expect(isServable(r.location, geo)).toBe(true);
      for (const z of LYON_EXCLUSIONS)
        expect(localDistanceMetres(r.location, z.centre)).toBeGreaterThan(z.radiusM);
    }
    const westOfRhone = lyon.receivers.filter((r) => r.location[0] < 4.839).length;
    expect(westOfRhone / lyon.receivers.length).toBeGreaterThan(0.4);
    expect(westOfRhone / lyon.receivers.length).toBeLessThan(0.75);
  });

  it('puts the river port hub south of the centre and the depots east and north of it', () => {
    expect(lyon.hubs.map((h) => h.id)).toEqual(['PEH', 'SOIE']);
    const port = lyon.hubs[0]?.location as [number, number];
    expect(port[1]).toBeLessThan(centre[1] - 0.025); // about 3.5 km south
    expect(Math.abs(port[0] - centre[0])).toBeLessThan(0.01);
    for (const c of lyon.carriers) {
      const [lon, lat] = c.depot;
      expect(lon > centre[0] + 0.04 || lat > centre[1] + 0.05, `${c.id} at ${c.depot.join(',')}`).toBe(true);
    }
    // every candidate hub has a pooled fleet sized for the whole day
    for (const h of lyon.hubs) {
      expect(lyon.fleet.filter((f) => f.hubId === h.id).map((f) => f.vehicleType)).toEqual([
        'e-van',
        'cargo-bike',
      ]);
    }
  });

  it('has the same mixes as Lille: 5–10 carriers per receiver, cargo-bike-only outlets in pedestrian streets', () => {
    const byReceiver = ordersByReceiver(lyon);
    for (const r of lyon.receivers) {
      const orders = byReceiver.get(r.id) ?? [];
      expect(orders.length).toBeGreaterThanOrEqual(5);
      expect(orders.length).toBeLessThanOrEqual(10);
      expect(new Set(orders.map((o) => o.carrierId)).size).toBe(orders.length);
    }
    const bikeOnly = lyon.receivers.filter((r) => r.access?.vehicleClasses?.includes('cargo-bike'));
    expect(bikeOnly.length / lyon.receivers.length).toBeGreaterThan(0.08);
    expect(bikeOnly.length / lyon.receivers.length).toBeLessThan(0.3);
    const big = generateCityDay({ city: 'lyon', receivers: 300, seed: 3, carriers: 30 });
    expect(new Set(big.carriers.map((c) => c.id)).size).toBe(30);
    expect(scenarioSchema.safeParse(big).success).toBe(true);
  });
});
