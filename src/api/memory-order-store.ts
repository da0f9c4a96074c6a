import type { Order } from '../contracts/index.ts';
import type { OrderStore } from '../contracts/ports.ts';

/** OrderStore in this process's memory: for tests and `--dev` without Redis. Lost on restart, not shared. */
export class MemoryOrderStore implements OrderStore {
  private readonly days = new Map<string, Map<string, Order>>();

  async upsertOrders(
    hubId: string,
    date: string,
    orders: readonly Order[],
  ): Promise<{ created: number; replaced: number }> {
    const key = `${hubId}\u0000${date}`;
    const day = this.days.get(key) ?? new Map<string, Order>();
    this.days.set(key, day);
    let created = 0;
    for (const o of orders) {
      const field = JSON.stringify([o.carrierId, o.id]);
      if (!day.has(field)) created++;
      day.set(field, o);
    }
    return { created, replaced: orders.length - created };
  }

  async listOrders(hubId: string, date: string, carrierId?: string): Promise<Order[]> {
    const day = this.days.get(`${hubId}\u0000${date}`);
    const all = day ? [...day.values()] : [];
    return sortOrders(all.filter((o) => carrierId === undefined || o.carrierId === carrierId));
  }

  async ping(): Promise<void> {}
}

/** Carrier then order id: a stable order, so equal stored content yields an equal scenario (and plan id). */
export function sortOrders(orders: Order[]): Order[] {
  return orders.sort((a, b) =>
    a.carrierId === b.carrierId ? cmp(a.id, b.id) : cmp(a.carrierId, b.carrierId),
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
