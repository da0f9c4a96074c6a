import type { City } from '../domain/city.ts';

/** Orders of each carrier, by carrier index. */
export function ordersByCarrier(city: City, orders: Iterable<number> = city.orders.keys()): number[][] {
  const out = city.carriers.map((): number[] => []);
  for (const o of orders) out[(city.orders[o] as { carrier: number }).carrier]?.push(o);
  return out;
}
