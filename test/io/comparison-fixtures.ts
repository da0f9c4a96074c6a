import type { ComparisonVariant, Kpis } from '../../src/contracts/index.ts';

/** KPIs with distinct, hand-picked values so a misplaced column shows. */
export function kpis(scale: number, extra: Partial<Record<string, number>> = {}): Kpis {
  return {
    vehicles: Math.round(50 * scale),
    routes: Math.round(55 * scale),
    tripsIncludingTrunk: Math.round(60 * scale),
    vehicleKm: 2000.123 * scale,
    vehicleHours: 270.5 * scale,
    energyKWh: 2150.25 * scale,
    co2eKg: 690.75 * scale,
    stops: Math.round(1500 * scale),
    deliveriesPerReceiver: 6.8 * scale,
    fillRate: 0.7,
    ...extra,
  } as Kpis;
}

export function variant(
  name: string,
  before: Kpis,
  after: Kpis,
  options: { carriers?: string[] } = {},
): ComparisonVariant {
  const change = (b: number, a: number) => ({ before: b, after: a, pct: (100 * (b - a)) / b });
  return {
    name,
    description: `${name}, described`,
    scenario: { name: 'day', date: '2025-03-18', seed: 7, effort: 'quick', timeLimitSeconds: 600 },
    kpis: { baseline: before, consolidated: after, ownRoundsCleanFleet: kpis(0.8) },
    savings: {
      vehicleKm: change(before.vehicleKm, after.vehicleKm),
      vehicleHours: change(before.vehicleHours, after.vehicleHours),
      energyKWh: change(before.energyKWh, after.energyKWh),
      co2eKg: change(before.co2eKg, after.co2eKg),
      vehicles: change(before.vehicles, after.vehicles),
      deliveriesPerReceiver: { before: before.deliveriesPerReceiver, after: after.deliveriesPerReceiver },
    },
    // technology saves on energy and CO2e, never on distance; consolidation saves the rest
    savingsBreakdown: {
      vehicleTechnology: { vehicleKm: 0, energyKWh: 400.5, co2eKg: 120.25 },
      consolidation: {
        vehicleKm: before.vehicleKm - after.vehicleKm,
        energyKWh: before.energyKWh - after.energyKWh - 400.5,
        co2eKg: before.co2eKg - after.co2eKg - 120.25,
      },
    },
    allocation: (options.carriers ?? ['alpha', 'beta']).map((carrierId, i) => ({
      carrierId,
      standaloneCost: 500 + 100 * i,
      allocatedCost: 420.5 + 90 * i,
      saving: 79.5 + 10 * i,
      co2eKg: 40.125 + 5 * i,
      tonneKm: 120.5 + 10 * i,
      method: 'pro-rata-by-kg',
    })),
    ordersNotPooled: 3,
    warnings: [],
    timeCapped: false,
  };
}
