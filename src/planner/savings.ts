import type { Kpis, Plan, SavingsBreakdown } from '../contracts/index.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** `pct` is the reduction in percent of the baseline: positive is a saving, negative an increase. */
function change(before: number, after: number): { before: number; after: number; pct: number } {
  return {
    before: round(before),
    after: round(after),
    pct: before === 0 ? 0 : round((100 * (before - after)) / before, 1),
  };
}

export function computeSavings(baseline: Kpis, consolidated: Kpis): Plan['savings'] {
  return {
    vehicleKm: change(baseline.vehicleKm, consolidated.vehicleKm),
    vehicleHours: change(baseline.vehicleHours, consolidated.vehicleHours),
    energyKWh: change(baseline.energyKWh, consolidated.energyKWh),
    co2eKg: change(baseline.co2eKg, consolidated.co2eKg),
    vehicles: change(baseline.vehicles, consolidated.vehicles),
    deliveriesPerReceiver: {
      before: baseline.deliveriesPerReceiver,
      after: consolidated.deliveriesPerReceiver,
    },
  };
}

/**
 * The saving split by cause through the clean-fleet counterfactual. KPIs carry three decimals, so each
 * difference is rounded to three and the two causes add up to the total exactly.
 */
export function savingsBreakdown(baseline: Kpis, cleanFleet: Kpis, consolidated: Kpis): SavingsBreakdown {
  const cause = (before: Kpis, after: Kpis) => ({
    vehicleKm: round(before.vehicleKm - after.vehicleKm),
    energyKWh: round(before.energyKWh - after.energyKWh),
    co2eKg: round(before.co2eKg - after.co2eKg),
  });
  return { vehicleTechnology: cause(baseline, cleanFleet), consolidation: cause(cleanFleet, consolidated) };
}
