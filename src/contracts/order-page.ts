/**
 * The order of orders in lists and day plans (carrier, then order id: equal stored content yields an equal
 * scenario and plan id) and the opaque cursor of `GET /v1/orders` pages, shared by both order stores.
 */
export interface OrderKey {
  readonly carrierId: string;
  readonly id: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareOrderKeys(a: OrderKey, b: OrderKey): number {
  return a.carrierId === b.carrierId ? cmp(a.id, b.id) : cmp(a.carrierId, b.carrierId);
}

/** The cursor after `key`: URL-safe text, so it travels in a query string as it is. */
export function orderCursor(key: OrderKey): string {
  return encodeURIComponent(JSON.stringify([key.carrierId, key.id]));
}

/** The key a cursor stands after, or undefined for anything we did not hand out. */
export function parseOrderCursor(cursor: string): OrderKey | undefined {
  try {
    const v: unknown = JSON.parse(decodeURIComponent(cursor));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { carrierId: v[0], id: v[1] };
  } catch {
    // not ours
  }
  return undefined;
}

/** Orders grouped by carrier, in first-seen order (Map.groupBy needs Node 21). */
export function ordersByCarrier<T extends { readonly carrierId: string }>(
  orders: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const o of orders) {
    const list = groups.get(o.carrierId);
    if (list) list.push(o);
    else groups.set(o.carrierId, [o]);
  }
  return groups;
}
