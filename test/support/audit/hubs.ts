import type { Order } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import { HUB_HANDLING_KWH_PER_UNIT } from './factors.ts';
import type { Violations } from './violations.ts';

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
 * unit, at least one per order (docs/model/consolidation.md). Also checks each hub's daily capacity
 * in handling units and that a receiver is served through one hub only.
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
    units.set(hubId, (units.get(hubId) ?? 0) + Math.max(1, order.size.units ?? 0));
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
