import type { Plan } from '../../../src/contracts/index.ts';
import { close, PCT_ROUNDING } from './tolerances.ts';
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
