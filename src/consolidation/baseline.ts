import type { City } from '../domain/city.ts';
import { planCarrierRounds, type CarrierRounds } from './carrier-rounds.ts';
import type { SolveContext } from './solve-context.ts';

/** Orders of each carrier, by carrier index. */
export function ordersByCarrier(city: City, orders: Iterable<number> = city.orders.keys()): number[][] {
  const out = city.carriers.map((): number[] => []);
  for (const o of orders) out[(city.orders[o] as { carrier: number }).carrier]?.push(o);
  return out;
}

/**
 * The honest status quo: every carrier routes all its own orders from its depot, optimised on their own.
 * The time budget is shared between carriers in proportion to their orders.
 */
export function planBaseline(city: City, timeLimitMs: number, ctx: SolveContext): CarrierRounds[] {
  const byCarrier = ordersByCarrier(city);
  const total = Math.max(1, city.orders.length);
  return byCarrier.flatMap((orders, carrier) =>
    orders.length === 0
      ? []
      : [planCarrierRounds(city, carrier, orders, (timeLimitMs * orders.length) / total, ctx)],
  );
}
