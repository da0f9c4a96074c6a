import type { PlanRoute, Unassigned } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import type { Violations } from './violations.ts';

/**
 * What `unassigned` means in a plan part:
 * - `not-served`: the order is on no route (baseline: the carrier could not deliver it);
 * - `not-pooled`: no hub could pool it; its carrier then delivers it on its own round (the detail says
 *   whether it did), so it is on a carrier's route or, failing that, on none.
 */
export type UnassignedMeaning = 'not-served' | 'not-pooled';

const DELIVERED_BY_CARRIER = /delivered by its carrier directly/;
const NOT_DELIVERED = /not delivered/;

/**
 * Every scenario order is served exactly once in the part, or reported in `unassigned` with a reason:
 * never silently dropped, never served twice, never both served by the pooled fleet and reported.
 */
export function auditOrderCoverage(
  ctx: AuditContext,
  v: Violations,
  label: string,
  routes: readonly PlanRoute[],
  unassigned: readonly Unassigned[],
  meaning: UnassignedMeaning,
): void {
  const servedOn = new Map<string, string[]>();
  const byCarrier = new Set<string>();
  for (const r of routes)
    for (const s of r.stops)
      for (const id of s.orderIds) {
        servedOn.set(id, [...(servedOn.get(id) ?? []), r.id]);
        if (!ctx.hubs.has(r.start)) byCarrier.add(id);
      }
  const reported = new Map<string, Unassigned>();
  for (const u of unassigned) {
    if (!ctx.orders.has(u.orderId))
      v.add('UNKNOWN_REFERENCE', `${label} unassigned`, `unknown order "${u.orderId}"`);
    if (reported.has(u.orderId))
      v.add('ORDER_UNASSIGNED_TWICE', `${label} unassigned`, `order ${u.orderId} listed twice`);
    reported.set(u.orderId, u);
  }
  for (const o of ctx.scenario.orders) {
    const at = `${label} order ${o.id}`;
    const on = servedOn.get(o.id) ?? [];
    const u = reported.get(o.id);
    if (on.length > 1) v.add('ORDER_SERVED_TWICE', at, `served ${on.length} times (${on.join(', ')})`);
    if (on.length === 0 && !u) v.add('ORDER_DROPPED', at, 'neither served nor reported unassigned');
    if (meaning === 'not-served') {
      if (on.length > 0 && u)
        v.add('ORDER_SERVED_AND_UNASSIGNED', at, `served on ${on[0]} and reported ${u.reason}`);
      continue;
    }
    const pooled = on.length > 0 && !byCarrier.has(o.id);
    if (pooled && u) v.add('ORDER_SERVED_AND_UNASSIGNED', at, `pooled on ${on[0]} and reported ${u.reason}`);
    if (byCarrier.has(o.id) && !u)
      v.add('UNPOOLED_NOT_REPORTED', at, `left to its carrier (${on[0]}) without a reason in unassigned`);
    if (u?.detail && DELIVERED_BY_CARRIER.test(u.detail) && on.length === 0)
      v.add('UNASSIGNED_DETAIL_WRONG', at, `says "${u.detail}" but is on no route`);
    if (u?.detail && NOT_DELIVERED.test(u.detail) && on.length > 0)
      v.add('UNASSIGNED_DETAIL_WRONG', at, `says "${u.detail}" but is served on ${on[0]}`);
  }
}
