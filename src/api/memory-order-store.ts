import type { Order } from '../contracts/index.ts';
import { compareOrderKeys, orderCursor, ordersByCarrier, parseOrderCursor } from '../contracts/index.ts';
import type {
  OrderStore,
  OrderWriteLimits,
  OrdersPage,
  StoredOrder,
  UpsertOrdersResult,
} from '../contracts/ports.ts';

interface Day {
  readonly carriers: Map<string, Map<string, Order>>;
  expiresAtMs: number;
}

/**
 * OrderStore in this process's memory: for tests and `--dev` without Redis. Lost on restart, not shared.
 * Same semantics as RedisOrderStore (limits, retention, pages), with `now` standing in for Redis's clock.
 */
export class MemoryOrderStore implements OrderStore {
  private readonly days = new Map<string, Day>();

  constructor(private readonly now: () => number = Date.now) {}

  private day(hubId: string, date: string): Day | undefined {
    const key = `${hubId}\u0000${date}`;
    const day = this.days.get(key);
    if (day && day.expiresAtMs <= this.now()) {
      this.days.delete(key);
      return undefined;
    }
    return day;
  }

  async upsertOrders(
    hubId: string,
    date: string,
    orders: readonly Order[],
    limits: OrderWriteLimits,
  ): Promise<UpsertOrdersResult> {
    const day = this.day(hubId, date) ?? { carriers: new Map(), expiresAtMs: 0 };
    const byCarrier = ordersByCarrier(orders);
    for (const [carrierId, list] of byCarrier) {
      const stored = day.carriers.get(carrierId);
      const added = new Set(list.filter((o) => !stored?.has(o.id)).map((o) => o.id)).size;
      const count = stored?.size ?? 0;
      if (count + added > limits.maxPerCarrier)
        return { refused: { carrierId, stored: count, limit: limits.maxPerCarrier } };
    }
    let created = 0;
    for (const [carrierId, list] of byCarrier) {
      const stored = day.carriers.get(carrierId) ?? new Map<string, Order>();
      day.carriers.set(carrierId, stored);
      for (const o of list) {
        if (!stored.has(o.id)) created++;
        stored.set(o.id, o);
      }
    }
    day.expiresAtMs = this.now() + limits.ttlSeconds * 1000;
    this.days.set(`${hubId}\u0000${date}`, day);
    return { created, replaced: orders.length - created };
  }

  private sorted(hubId: string, date: string, carrierId?: string): Order[] {
    const day = this.day(hubId, date);
    if (!day) return [];
    const lists = carrierId === undefined ? [...day.carriers.values()] : [day.carriers.get(carrierId)];
    return lists.flatMap((m) => [...(m?.values() ?? [])]).sort(compareOrderKeys);
  }

  async listOrders(
    hubId: string,
    date: string,
    page: { carrierId?: string; after?: string; limit: number },
  ): Promise<OrdersPage> {
    const after = page.after === undefined ? undefined : parseOrderCursor(page.after);
    const all = this.sorted(hubId, date, page.carrierId);
    const rest = after ? all.filter((o) => compareOrderKeys(o, after) > 0) : all;
    const orders = rest.slice(0, page.limit);
    const last = orders.at(-1);
    return rest.length > page.limit && last ? { orders, next: orderCursor(last) } : { orders };
  }

  async dayOrders(hubId: string, date: string): Promise<StoredOrder[]> {
    return this.sorted(hubId, date).map((o) => ({ carrierId: o.carrierId, id: o.id, value: o }));
  }

  async cancelOrders(
    hubId: string,
    date: string,
    carrierId: string,
    ids: readonly string[] | 'all',
  ): Promise<string[]> {
    const stored = this.day(hubId, date)?.carriers.get(carrierId);
    if (!stored) return [];
    const targets = ids === 'all' ? [...stored.keys()] : ids;
    return [...new Set(targets)].filter((id) => stored.delete(id)).sort();
  }

  async ping(): Promise<void> {}
}
