import type { HubReport, Order } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import {
  HUB_HANDLING_KWH_PER_UNIT,
  HUB_HANDLING_MINUTES_PER_UNIT,
  HUB_LABOUR_COST_EUR_PER_HOUR,
} from './factors.ts';
import { close, MONEY_ROUNDING_EUR, ROUNDING_3_DECIMALS } from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';

export interface HubFigures {
  readonly hubId: string;
  /** Handling units cross-docked: each pooled order's units, at least one per order. */
  readonly units: number;
  readonly kWh: number;
  readonly co2eKg: number;
}

/**
 * Hub handling (docs/model/energy.md §1, §6): E_hub = units x kWh per unit (the hub's
 * `handlingKWhPerUnit`, default 0.05), on the grid factor in force; units are counted per handling
 * unit, at least one per order (docs/model/consolidation.md), at the hub that pools it and again at its
 * platform when that hub is a fed micro-hub. Also checks each hub's (and platform's) daily capacity in
 * handling units and that a receiver is served through one hub only.
 */
export function auditHubs(
  ctx: AuditContext,
  v: Violations,
  label: string,
  pooled: readonly { order: Order; hubId: string }[],
): HubFigures[] {
  const units = new Map<string, number>();
  const hubOfReceiver = new Map<string, string>();
  for (const { order, hubId } of pooled) {
    const n = Math.max(1, order.size.units ?? 0);
    units.set(hubId, (units.get(hubId) ?? 0) + n);
    // two echelons: the platform cross-docks every unit of the micro-hubs it feeds, once more
    const platform = ctx.hubs.get(hubId)?.feeder?.hubId;
    if (platform !== undefined) units.set(platform, (units.get(platform) ?? 0) + n);
    const other = hubOfReceiver.get(order.receiverId);
    if (other !== undefined && other !== hubId)
      v.add(
        'RECEIVER_SPLIT_ACROSS_HUBS',
        `${label} receiver ${order.receiverId}`,
        `served through ${other} and ${hubId}`,
      );
    hubOfReceiver.set(order.receiverId, hubId);
  }
  return [...units].map(([hubId, n]) => {
    const hub = ctx.hubs.get(hubId);
    if (hub?.capacityUnits !== undefined && n > hub.capacityUnits)
      v.add(
        'HUB_CAPACITY_EXCEEDED',
        `${label} hub ${hubId}`,
        `handles ${n} units, capacity ${hub.capacityUnits}`,
      );
    const kWh = n * (hub?.handlingKWhPerUnit ?? HUB_HANDLING_KWH_PER_UNIT);
    return { hubId, units: n, kWh, co2eKg: kWh * ctx.electricityCo2eKgPerKWh };
  });
}

/**
 * `consolidated.hubs` (docs/model/consolidation.md, hub choice; costs): one row per scenario hub, in order; a
 * hub that pools orders is open; units are the auditor's own; a hub's cost = its fixed cost when open + units ×
 * handling minutes per unit / 60 × labour EUR per hour (defaults 1 min and 30 EUR, assumptions).
 * Returns each hub's cost as recomputed, for the allocation's efficiency.
 */
export function auditHubReports(
  ctx: AuditContext,
  v: Violations,
  printed: readonly HubReport[],
  figures: readonly HubFigures[],
): Map<string, number> {
  const costs = new Map<string, number>();
  const ids = ctx.scenario.hubs.map((h) => h.id);
  if (printed.length !== ids.length || printed.some((h, i) => h.id !== ids[i]))
    v.add(
      'HUB_REPORT_MISMATCH',
      'consolidated hubs',
      `rows [${printed.map((h) => h.id)}], hubs are [${ids}]`,
    );
  for (const row of printed) {
    const hub = ctx.hubs.get(row.id);
    if (!hub) continue;
    const at = `consolidated hub ${row.id}`;
    const units = figures.find((f) => f.hubId === row.id)?.units ?? 0;
    if (units > 0 && !row.open)
      v.add('HUB_REPORT_MISMATCH', at, `pools ${units} units but says it is closed`);
    if (!close(row.units, units, ROUNDING_3_DECIMALS))
      v.add('HUB_REPORT_MISMATCH', at, `units ${row.units}, recomputed ${units}`);
    const perUnit =
      ((hub.handlingMinutesPerUnit ?? HUB_HANDLING_MINUTES_PER_UNIT) / 60) *
      (hub.labourCostEurPerHour ?? HUB_LABOUR_COST_EUR_PER_HOUR);
    const cost = row.open ? (hub.fixedCostEurPerDay ?? 0) + units * perUnit : 0;
    if (!close(row.costEur, cost, MONEY_ROUNDING_EUR))
      v.add('HUB_REPORT_MISMATCH', at, `costEur ${row.costEur}, recomputed ${fmt(cost)}`);
    costs.set(row.id, cost);
  }
  return costs;
}
