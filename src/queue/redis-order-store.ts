import type { Redis } from 'ioredis';
import type { Order } from '../contracts/index.ts';
import { compareOrderKeys, orderCursor, ordersByCarrier, parseOrderCursor } from '../contracts/index.ts';
import type {
  OrderStore,
  OrderWriteLimits,
  OrdersPage,
  StoredOrder,
  UpsertOrdersResult,
} from '../contracts/ports.ts';

/**
 * Checks the carrier's limit and writes its orders in one step (a script runs atomically), so two API
 * processes cannot both squeeze under the limit. KEYS: the carrier's hash, the day's carrier set.
 * ARGV: limit, ttl seconds, carrier id, then field/value pairs (an id repeated in one batch counts once, the
 * last value wins). Returns [created, stored before] or [-1, stored].
 */
const UPSERT = `
local added = 0
local seen = {}
for i = 4, #ARGV, 2 do
  if not seen[ARGV[i]] and redis.call('HEXISTS', KEYS[1], ARGV[i]) == 0 then added = added + 1 end
  seen[ARGV[i]] = true
end
local stored = redis.call('HLEN', KEYS[1])
if stored + added > tonumber(ARGV[1]) then return {-1, stored} end
for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return {added, stored}`;

/** Deletes fields of the carrier's hash; forgets the carrier when none is left. KEYS as UPSERT, ARGV: carrier, ids. */
const CANCEL = `
local deleted = {}
for i = 2, #ARGV do
  if redis.call('HDEL', KEYS[1], ARGV[i]) == 1 then table.insert(deleted, ARGV[i]) end
end
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[1]) end
return deleted`;

/**
 * Orders in Redis, one hash per hub, day and carrier: `{prefix}:orders:{hubId}:{date}:{carrierId}`, field the
 * order id, value the order JSON; `{prefix}:order-carriers:{hubId}:{date}` lists the carriers of the day. HSET
 * replaces, which makes resubmission idempotent; HLEN counts a carrier's day for its limit; every key expires
 * with the day's retention. Every API process sees the same orders. Implements the OrderStore port.
 */
export class RedisOrderStore implements OrderStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Days whose pre-#11 hash this process has already looked for (it is moved at most once, then gone). */
  private readonly migrated = new Set<string>();

  /**
   * Orders stored before issue 11 lived in one hash per hub and day (`{prefix}:orders:{hubId}:{date}`, field
   * `["carrierId","orderId"]`). The first access to such a day moves them into the per-carrier hashes, so an
   * upgrade loses no acknowledged order.
   */
  private async migrateLegacy(hubId: string, date: string): Promise<void> {
    const day = `${hubId}\u0000${date}`;
    if (this.migrated.has(day)) return;
    const legacy = `${this.prefix}:orders:${encodeURIComponent(hubId)}:${date}`;
    const all = await this.redis.hgetall(legacy);
    const moves: [string, string, string][] = [];
    for (const [field, value] of Object.entries(all)) {
      const key: unknown = JSON.parse(field);
      if (Array.isArray(key) && typeof key[0] === 'string' && typeof key[1] === 'string')
        moves.push([key[0], key[1], value]);
    }
    // HSETNX: an order written since (already in the per-carrier hash) wins over its legacy copy
    const batch = this.redis.pipeline();
    for (const [carrierId, id, value] of moves) {
      batch.hsetnx(this.carrierKey(hubId, date, carrierId), id, value);
      batch.sadd(this.carriersKey(hubId, date), carrierId);
    }
    if (moves.length > 0) await batch.exec();
    if (moves.length > 0) await this.redis.del(legacy);
    this.migrated.add(day);
  }

  private carriersKey(hubId: string, date: string): string {
    return `${this.prefix}:order-carriers:${encodeURIComponent(hubId)}:${date}`;
  }

  private carrierKey(hubId: string, date: string, carrierId: string): string {
    return `${this.prefix}:orders:${encodeURIComponent(hubId)}:${date}:${encodeURIComponent(carrierId)}`;
  }

  async upsertOrders(
    hubId: string,
    date: string,
    orders: readonly Order[],
    limits: OrderWriteLimits,
  ): Promise<UpsertOrdersResult> {
    await this.migrateLegacy(hubId, date);
    const groups = ordersByCarrier(orders);
    // every carrier is checked before any is written, so a refused batch writes nothing (the script re-checks)
    for (const [carrierId, list] of groups) {
      const key = this.carrierKey(hubId, date, carrierId);
      const ids = [...new Set(list.map((o) => o.id))];
      const [stored, exists] = await Promise.all([
        this.redis.hlen(key),
        ids.length > 0 ? this.redis.hmget(key, ...ids) : Promise.resolve([]),
      ]);
      const added = exists.filter((v) => v === null).length;
      if (stored + added > limits.maxPerCarrier)
        return { refused: { carrierId, stored, limit: limits.maxPerCarrier } };
    }
    let created = 0;
    for (const [carrierId, list] of groups) {
      const args: string[] = [String(limits.maxPerCarrier), String(limits.ttlSeconds), carrierId];
      for (const o of list) args.push(o.id, JSON.stringify(o));
      const [added, stored] = (await this.redis.eval(
        UPSERT,
        2,
        this.carrierKey(hubId, date, carrierId),
        this.carriersKey(hubId, date),
        ...args,
      )) as [number, number];
      if (added < 0) return { refused: { carrierId, stored, limit: limits.maxPerCarrier } };
      created += added;
    }
    return { created, replaced: orders.length - created };
  }

  private async carriers(hubId: string, date: string): Promise<string[]> {
    return (await this.redis.smembers(this.carriersKey(hubId, date))).sort();
  }

  async listOrders(
    hubId: string,
    date: string,
    page: { carrierId?: string; after?: string; limit: number },
  ): Promise<OrdersPage> {
    await this.migrateLegacy(hubId, date);
    const after = page.after === undefined ? undefined : parseOrderCursor(page.after);
    const carriers = page.carrierId === undefined ? await this.carriers(hubId, date) : [page.carrierId];
    const orders: Order[] = [];
    for (const carrierId of carriers) {
      if (after && carrierId < after.carrierId) continue;
      const key = this.carrierKey(hubId, date, carrierId);
      const ids = (await this.redis.hkeys(key))
        .filter((id) => !after || compareOrderKeys({ carrierId, id }, after) > 0)
        .sort();
      const take = ids.slice(0, page.limit + 1 - orders.length);
      if (take.length === 0) continue;
      const values = await this.redis.hmget(key, ...take);
      values.forEach((v, i) => {
        // a value that no longer parses stays visible to the day's plan (dayOrders), which reports it
        if (v !== null) orders.push({ ...(JSON.parse(v) as Order), carrierId, id: take[i] as string });
      });
      if (orders.length > page.limit) break;
    }
    const shown = orders.slice(0, page.limit);
    const last = shown.at(-1);
    return orders.length > page.limit && last
      ? { orders: shown, next: orderCursor(last) }
      : { orders: shown };
  }

  async dayOrders(hubId: string, date: string): Promise<StoredOrder[]> {
    await this.migrateLegacy(hubId, date);
    const out: StoredOrder[] = [];
    for (const carrierId of await this.carriers(hubId, date)) {
      const all = await this.redis.hgetall(this.carrierKey(hubId, date, carrierId));
      for (const [id, text] of Object.entries(all)) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = text;
        }
        out.push({ carrierId, id, value });
      }
    }
    return out.sort(compareOrderKeys);
  }

  async cancelOrders(
    hubId: string,
    date: string,
    carrierId: string,
    ids: readonly string[] | 'all',
  ): Promise<string[]> {
    await this.migrateLegacy(hubId, date);
    const key = this.carrierKey(hubId, date, carrierId);
    const targets = ids === 'all' ? await this.redis.hkeys(key) : [...new Set(ids)];
    if (targets.length === 0) return [];
    const deleted = (await this.redis.eval(
      CANCEL,
      2,
      key,
      this.carriersKey(hubId, date),
      carrierId,
      ...targets,
    )) as string[];
    return deleted.sort();
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }
}
