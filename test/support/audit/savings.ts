import type { Plan } from '../../../src/contracts/index.ts';
import { close, PCT_ROUNDING, ROUNDING_3_DECIMALS } from './tolerances.ts';
import type { Violations } from './violations.ts';

const CHANGES = ['vehicleKm', 'vehicleHours', 'energyKWh', 'co2eKg', 'vehicles'] as const;

/**
 * Savings: before and after are the two plans' printed KPIs (checked against the recomputation on
 * their own), pct = 100 x (before - after) / before, 0 when before is 0.
 */
export function auditSavings(v: Violations, plan: Plan): void {
  for (const k of CHANGES) {
    const at = `savings ${k}`;
    const { before, after, pct } = plan.savings[k];
    const b = plan.baseline.kpis[k];
    const a = plan.consolidated.kpis[k];
    if (!close(before, b, 1e-9) || !close(after, a, 1e-9))
      v.add('SAVING_MISMATCH', at, `before ${before} / after ${after}, the KPIs are ${b} / ${a}`);
    const want = b === 0 ? 0 : (100 * (b - a)) / b;
    if (!close(pct, want, PCT_ROUNDING))
      v.add('SAVING_MISMATCH', at, `pct ${pct}, the KPIs give ${want.toFixed(2)}`);
  }
  const d = plan.savings.deliveriesPerReceiver;
  if (
    d.before !== plan.baseline.kpis.deliveriesPerReceiver ||
    d.after !== plan.consolidated.kpis.deliveriesPerReceiver
  )
    v.add(
      'SAVING_MISMATCH',
      'savings deliveriesPerReceiver',
      `${d.before} -> ${d.after} does not match the KPIs`,
    );
}

const CAUSES = ['vehicleKm', 'energyKWh', 'co2eKg'] as const;

/**
 * The saving split by cause (DESIGN.md): vehicle technology = baseline - own rounds with the clean fleet,
 * consolidation = own rounds with the clean fleet - consolidated, from the parts' printed KPIs (each
 * checked against the recomputation), so the two add up to the total saving.
 */
export function auditSavingsBreakdown(v: Violations, plan: Plan): void {
  const { vehicleTechnology: tech, consolidation: cons } = plan.savingsBreakdown;
  const [base, clean, pooled] = [plan.baseline.kpis, plan.ownRoundsCleanFleet.kpis, plan.consolidated.kpis];
  // each side is a difference of two KPIs printed to 3 decimals, itself printed to 3 decimals
  const slack = 3 * ROUNDING_3_DECIMALS;
  for (const k of CAUSES) {
    if (!close(tech[k], base[k] - clean[k], slack))
      v.add(
        'SAVINGS_BREAKDOWN_MISMATCH',
        `savingsBreakdown vehicleTechnology ${k}`,
        `${tech[k]}, baseline - ownRoundsCleanFleet is ${(base[k] - clean[k]).toFixed(3)}`,
      );
    if (!close(cons[k], clean[k] - pooled[k], slack))
      v.add(
        'SAVINGS_BREAKDOWN_MISMATCH',
        `savingsBreakdown consolidation ${k}`,
        `${cons[k]}, ownRoundsCleanFleet - consolidated is ${(clean[k] - pooled[k]).toFixed(3)}`,
      );
  }
}
