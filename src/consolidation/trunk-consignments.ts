import type { City, SizeVector } from '../domain/city.ts';
import type { Seconds } from '../domain/units.ts';

/**
 * Part of one carrier's pooled flow to one hub that travels as one piece on a trunk trip: goods picked up
 * at the carrier's depot for the hub, and the returns (pickups the pooled fleet collected) taken back.
 */
export interface Consignment {
  readonly carrier: number;
  readonly hub: number;
  /** City order indices, deliveries and returns. */
  readonly orders: readonly number[];
  /** Deliveries, depot -> hub. */
  readonly goods: SizeVector;
  /** Returns, hub -> depot. */
  readonly returns: SizeVector;
  /** Latest arrival at the hub (same-day trunking); Infinity when the goods come the day before. */
  readonly deadlineS: Seconds;
}

/**
 * A consignment holds at most this share of the largest trunk vehicle in every dimension: halves let a
 * milk run fill a vehicle with two carriers' part loads, where whole vehicle-loads could only travel alone.
 */
export const CONSIGNMENT_SHARE_OF_CAPACITY = 0.5;

/**
 * Splits each carrier's pooled orders to each hub into consignments: orders by deadline (then index), each
 * into the first open consignment of its carrier and hub with room for it in every dimension (deliveries
 * and returns counted apart), at most `CONSIGNMENT_SHARE_OF_CAPACITY` of `capacity` each. An order larger
 * than that travels alone. A consignment's deadline is its earliest order's.
 */
export function trunkConsignments(
  city: City,
  pooled: readonly { readonly order: number; readonly hub: number; readonly deadlineS: Seconds }[],
  capacity: (hub: number, carrier: number) => SizeVector,
  options: { readonly mixCarriers?: boolean; readonly share?: number } = {},
): Consignment[] {
  // mixCarriers (the second echelon, whose loads leave a platform where every carrier's goods are pooled):
  // one consignment may hold several carriers' orders; its `carrier` is then its first order's
  const share = options.share ?? CONSIGNMENT_SHARE_OF_CAPACITY;
  const sorted = [...pooled].sort((a, b) => a.deadlineS - b.deadlineS || a.order - b.order);
  type Open = {
    carrier: number;
    hub: number;
    orders: number[];
    goods: number[];
    returns: number[];
    deadlineS: number;
  };
  const open: Open[] = [];
  // the open consignments an order may join (its hub's, and its carrier's unless carriers mix), in the order
  // they were opened: the first that fits is the first of `open` that fits, found without walking the others
  const joinable = new Map<string, Open[]>();
  for (const p of sorted) {
    const o = city.orders[p.order];
    if (!o) continue;
    const limit = capacity(p.hub, o.carrier).map((c) => c * share);
    const side = o.kind === 'pickup' ? 'returns' : 'goods';
    const fits = (c: Open): boolean =>
      (options.mixCarriers === true || c.carrier === o.carrier) &&
      c.hub === p.hub &&
      o.size.every((v, d) => (c[side][d] as number) + v <= (limit[d] as number) + 1e-9);
    const key = options.mixCarriers === true ? `${p.hub}` : `${p.hub}:${o.carrier}`;
    let candidates = joinable.get(key);
    if (!candidates) joinable.set(key, (candidates = []));
    let into = candidates.find(fits);
    if (!into) {
      into = {
        carrier: o.carrier,
        hub: p.hub,
        orders: [],
        goods: [0, 0, 0],
        returns: [0, 0, 0],
        deadlineS: p.deadlineS,
      };
      open.push(into);
      candidates.push(into);
    }
    into.orders.push(p.order);
    o.size.forEach((v, d) => (into[side][d] = (into[side][d] as number) + v));
    into.deadlineS = Math.min(into.deadlineS, p.deadlineS);
  }
  return open
    .map((c) => ({
      carrier: c.carrier,
      hub: c.hub,
      orders: c.orders,
      goods: c.goods as unknown as SizeVector,
      returns: c.returns as unknown as SizeVector,
      deadlineS: c.deadlineS,
    }))
    .sort((a, b) => a.hub - b.hub || a.carrier - b.carrier || (a.orders[0] ?? 0) - (b.orders[0] ?? 0));
}
