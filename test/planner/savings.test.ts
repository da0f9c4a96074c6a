import { describe, expect, it } from 'vitest';
import type { Kpis } from '../../src/contracts/index.ts';
import { computeSavings, savingsBreakdown } from '../../src/planner/savings.ts';

function kpis(k: Partial<Kpis>): Kpis {
  return {
    vehicles: 0,
    routes: 0,
    tripsIncludingTrunk: 0,
    vehicleKm: 0,
    vehicleHours: 0,
    energyKWh: 0,
    co2eKg: 0,
    stops: 0,
    deliveriesPerReceiver: 0,
    fillRate: 0,
    ...k,
  };
}

describe('savings against the baseline, by hand', () => {
  const baseline = kpis({
    vehicles: 12,
    vehicleKm: 400,
    vehicleHours: 30,
    energyKWh: 250,
    co2eKg: 60,
    deliveriesPerReceiver: 5.2,
  });
  const consolidated = kpis({
    vehicles: 9,
    vehicleKm: 300,
    vehicleHours: 33,
    energyKWh: 200.0004,
    co2eKg: 20,
    deliveriesPerReceiver: 1.1,
  });

  it('gives before, after and the reduction in percent of the baseline (negative: an increase)', () => {
    expect(computeSavings(baseline, consolidated)).toEqual({
      vehicleKm: { before: 400, after: 300, pct: 25 },
      vehicleHours: { before: 30, after: 33, pct: -10 },
      energyKWh: { before: 250, after: 200, pct: 20 }, // after rounded to three decimals
      co2eKg: { before: 60, after: 20, pct: 66.7 }, // one decimal
      vehicles: { before: 12, after: 9, pct: 25 },
      deliveriesPerReceiver: { before: 5.2, after: 1.1 },
    });
  });

  it('says 0 %, not NaN or Infinity, when the baseline figure is zero', () => {
    const s = computeSavings(kpis({}), kpis({ vehicleKm: 3 }));
    expect(s.vehicleKm).toEqual({ before: 0, after: 3, pct: 0 });
    expect(s.energyKWh.pct).toBe(0);
  });

  it('splits the saving by cause so that the two causes add up to the total, exactly', () => {
    const clean = kpis({ vehicleKm: 400, energyKWh: 150.1234, co2eKg: 15 });
    const b = savingsBreakdown(baseline, clean, consolidated);
    expect(b).toEqual({
      vehicleTechnology: { vehicleKm: 0, energyKWh: 99.877, co2eKg: 45 },
      consolidation: { vehicleKm: 100, energyKWh: -49.877, co2eKg: -5 },
    });
  });
});
