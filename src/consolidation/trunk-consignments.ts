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
  const limitOf = new Map<string, number[]>();
  const keyOf = (hub: number, carrier: number) =>
    options.mixCarriers === true ? `${hub}` : `${hub}:${carrier}`;
  // per key and side, the smallest order and the largest limit to come: a consignment whose room on a side is
  // less than the smallest order in some dimension takes no more orders of that side, whatever their carrier
  type Bounds = { minSize: { goods: number[]; returns: number[] }; maxLimit: number[] };
  const bounds = new Map<string, Bounds>();
  for (const p of sorted) {
    const o = city.orders[p.order];
    if (!o) continue;
    const pair = `${p.hub}:${o.carrier}`;
    let limit = limitOf.get(pair);
    if (!limit) limitOf.set(pair, (limit = capacity(p.hub, o.carrier).map((c) => c * share)));
    const key = keyOf(p.hub, o.carrier);
    let b = bounds.get(key);
    if (!b) {
      const none = () => [Infinity, Infinity, Infinity];
      bounds.set(
        key,
        (b = { minSize: { goods: none(), returns: none() }, maxLimit: [-Infinity, -Infinity, -Infinity] }),
      );
    }
    const min = b.minSize[o.kind === 'pickup' ? 'returns' : 'goods'];
    o.size.forEach((v, d) => (min[d] = Math.min(min[d] as number, v)));
    limit.forEach((v, d) => (b.maxLimit[d] = Math.max(b.maxLimit[d] as number, v)));
  }
  // the open consignments an order may join (its hub's, and its carrier's unless carriers mix), in the order
  // they were opened: the first that fits is the first of `open` that fits, found without walking the others,
  // nor the full ones at the front (first fit fills the oldest first: each side keeps where its open ones start)
  const joinable = new Map<string, { list: Open[]; start: { goods: number; returns: number } }>();
  for (const p of sorted) {
    const o = city.orders[p.order];
    if (!o) continue;
    const limit = limitOf.get(`${p.hub}:${o.carrier}`) as number[];
    const side = o.kind === 'pickup' ? 'returns' : 'goods';
    // the key's consignments are of the order's hub, and of its carrier unless carriers mix: only room matters
    const fits = (c: Open): boolean =>
      o.size.every((v, d) => (c[side][d] as number) + v <= (limit[d] as number) + 1e-9);
    const key = keyOf(p.hub, o.carrier);
    const { minSize, maxLimit } = bounds.get(key) as Bounds;
    const full = (c: Open): boolean =>
      minSize[side].some((v, d) => (c[side][d] as number) + v > (maxLimit[d] as number) + 1e-9);
    let candidates = joinable.get(key);
    if (!candidates) joinable.set(key, (candidates = { list: [], start: { goods: 0, returns: 0 } }));
    const { list, start } = candidates;
    while (start[side] < list.length && full(list[start[side]] as Open)) start[side]++;
    let into: Open | undefined;
    for (let k = start[side]; k < list.length && !into; k++) if (fits(list[k] as Open)) into = list[k];
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
      list.push(into);
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
