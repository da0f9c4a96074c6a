import type { Redis } from 'ioredis';
import type { Order } from '../contracts/index.ts';
import { orderSchema } from '../contracts/index.ts';
import type { OrderStore } from '../contracts/ports.ts';

/**
 * Orders in Redis hashes, one per hub and day: `{prefix}:orders:{hubId}:{date}`, field `["carrierId","orderId"]`,
 * value the order JSON. HSET replaces, which makes resubmission idempotent; every API process sees the same orders.
 * The Redis implementation of the OrderStore port (src/contracts/ports.ts).
 */
export class RedisOrderStore implements OrderStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(hubId: string, date: string): string {
    return `${this.prefix}:orders:${encodeURIComponent(hubId)}:${date}`;
  }

  async upsertOrders(
    hubId: string,
    date: string,
    orders: readonly Order[],
  ): Promise<{ created: number; replaced: number }> {
    const args: string[] = [];
    for (const o of orders) args.push(JSON.stringify([o.carrierId, o.id]), JSON.stringify(o));
    const created = orders.length === 0 ? 0 : await this.redis.hset(this.key(hubId, date), ...args);
    return { created, replaced: orders.length - created };
  }

  async listOrders(hubId: string, date: string, carrierId?: string): Promise<Order[]> {
    const all = await this.redis.hgetall(this.key(hubId, date));
    const orders: Order[] = [];
    for (const value of Object.values(all)) {
      const parsed = orderSchema.safeParse(JSON.parse(value));
      if (parsed.success && (carrierId === undefined || parsed.data.carrierId === carrierId))
        orders.push(parsed.data);
    }
    return orders.sort((a, b) =>
      a.carrierId === b.carrierId ? cmp(a.id, b.id) : cmp(a.carrierId, b.carrierId),
    );
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
