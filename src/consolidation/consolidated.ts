import type { City } from '../domain/city.ts';
import type { UnassignedReason } from '../domain/routing-solution.ts';
import { hubHandlingKWh } from '../energy/index.ts';
import { ordersByCarrier } from './orders-by-carrier.ts';
import { planCarrierRounds, type CarrierRounds } from './carrier-rounds.ts';
import type { SolveContext } from './solve-context.ts';
import { residualBudget } from './tasks.ts';

/** An order the pooled fleet could not take: its carrier still delivers it (residual rounds). */
export interface UnpooledOrder {
  readonly order: number;
  readonly reason: UnassignedReason;
}

/**
 * The carriers' own rounds for orders the hubs could not pool, so that no order drops out of the
 * consolidated KPIs: iterations by each carrier's unpooled orders, the wall-clock cap shared by order count.
 */
export function planResidual(city: City, unpooled: readonly number[], ctx: SolveContext): CarrierRounds[] {
  const total = Math.max(1, unpooled.length);
  return ordersByCarrier(city, unpooled).flatMap((orders, carrier) => {
    if (orders.length === 0) return [];
    const budget = residualBudget(city, orders.length);
    const capped = { ...budget, timeLimitMs: (budget.timeLimitMs * orders.length) / total };
    return [planCarrierRounds(city, carrier, orders, capped, ctx)];
  });
}

/**
 * Hub handling energy per hub: every pooled order is handled once per handling unit (at least one) at the hub
 * that pools it, and once more at its platform when that hub is a fed micro-hub (two echelons).
 */
export function hubHandling(city: City, pooledOrders: readonly number[], hubOf: readonly number[]): number[] {
  return handledUnits(city, pooledOrders, hubOf).map((u, h) =>
    hubHandlingKWh(u, city.hubs[h]?.handlingKWhPerUnit),
  );
}

/** Handling units per hub: at the hub that pools each order, and at its platform if it has one. */
export function handledUnits(
  city: City,
  pooledOrders: readonly number[],
  hubOf: readonly number[],
): number[] {
  const units = city.hubs.map(() => 0);
  for (const i of pooledOrders) {
    const o = city.orders[i];
    const h = o ? (hubOf[o.receiver] ?? -1) : -1;
    if (!o || h < 0) continue;
    const n = Math.max(1, o.size[2]);
    units[h] = (units[h] as number) + n;
    const platform = city.hubs[h]?.feeder?.platform;
    if (platform !== undefined) units[platform] = (units[platform] as number) + n;
  }
  return units;
}
