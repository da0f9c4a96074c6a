import type { City, SizeVector, Window } from '../domain/city.ts';
import type { Seconds } from '../domain/units.ts';
import { intersectWindows } from './windows.ts';

/** Orders to one receiver that travel and are handed over together: one stop on a route. */
export interface Bundle {
  readonly receiver: number;
  readonly orders: readonly number[];
  readonly delivery: SizeVector;
  readonly pickup: SizeVector;
  readonly windows: readonly Window[];
  readonly serviceS: Seconds;
}

/**
 * Assumption (no source found): each extra consignment in a bundle adds one minute of handover to the
 * receiver's service time (scan, signature, putting away), so bundling is not credited with free handling.
 */
export const EXTRA_SERVICE_PER_ORDER_S = 60;

const add = (a: SizeVector, b: SizeVector): SizeVector => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const ZERO: SizeVector = [0, 0, 0];
const fits = (load: SizeVector, cap: SizeVector): boolean => load.every((v, d) => v <= (cap[d] as number));

/**
 * Groups orders by receiver into bundles. A group is split when its orders' windows do not intersect
 * (a consignment can only be handed over when every order in it may be), and when its load exceeds
 * `maxCapacity` (one vehicle must be able to carry it). An order whose own size exceeds the capacity
 * stays alone, for the solver to report as too big.
 *
 * `startsAllowed(receiver)`, when given, narrows every order's windows to the times the vehicle may be there
 * (access rules for a single vehicle type) before grouping, so an order servable at an allowed hour is never
 * bundled away from it; an order with no allowed time stays alone, for the caller to report.
 */
export function bundleOrders(
  city: City,
  orderIndices: readonly number[],
  maxCapacity: SizeVector,
  startsAllowed?: (receiver: number) => readonly Window[] | undefined,
): Bundle[] {
  const byReceiver = new Map<number, number[]>();
  for (const o of orderIndices) {
    const r = (city.orders[o] as { receiver: number }).receiver;
    const list = byReceiver.get(r);
    if (list) list.push(o);
    else byReceiver.set(r, [o]);
  }
  const bundles: Bundle[] = [];
  for (const [r, orders] of [...byReceiver.entries()].sort((a, b) => a[0] - b[0])) {
    const receiver = city.receivers[r];
    if (!receiver) continue;
    type Open = {
      orders: number[];
      delivery: SizeVector;
      pickup: SizeVector;
      windows: Window[];
      alone?: true;
    };
    const open: Open[] = [];
    const allowed = startsAllowed?.(r);
    for (const o of orders) {
      const order = city.orders[o];
      if (!order) continue;
      let own = order.window ? ownWindows(receiver.windows, order.window) : [...receiver.windows];
      const delivery = order.kind === 'delivery' ? order.size : ZERO;
      const pickup = order.kind === 'pickup' ? order.size : ZERO;
      if (allowed) {
        const narrowed = intersectWindows(own, allowed);
        if (narrowed.length === 0) {
          open.push({ orders: [o], delivery, pickup, windows: own, alone: true });
          continue;
        }
        own = narrowed;
      }
      const target = open.find((b) => {
        if (b.alone) return false;
        const windows = intersectWindows(b.windows, own);
        return (
          windows.length > 0 &&
          fits(add(b.delivery, delivery), maxCapacity) &&
          fits(add(b.pickup, pickup), maxCapacity)
        );
      });
      if (target) {
        target.orders.push(o);
        target.delivery = add(target.delivery, delivery);
        target.pickup = add(target.pickup, pickup);
        target.windows = intersectWindows(target.windows, own);
      } else {
        open.push({ orders: [o], delivery, pickup, windows: own });
      }
    }
    for (const b of open) {
      bundles.push({
        receiver: r,
        orders: b.orders,
        delivery: b.delivery,
        pickup: b.pickup,
        windows: b.windows,
        serviceS: receiver.serviceS + (b.orders.length - 1) * EXTRA_SERVICE_PER_ORDER_S,
      });
    }
  }
  return bundles;
}

/** An order's own window narrows the receiver's; when they do not overlap the order's window wins (it was agreed per order). */
function ownWindows(receiverWindows: readonly Window[], orderWindow: Window): Window[] {
  const both = intersectWindows(receiverWindows, [orderWindow]);
  return both.length > 0 ? both : [orderWindow];
}
