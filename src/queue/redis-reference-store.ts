import type { Redis } from 'ioredis';
import { scenarioSchema } from '../contracts/index.ts';
import type { ReferenceData, ReferenceStore } from '../contracts/ports.ts';

/**
 * Reference data (hubs, fleet, carriers, receivers, vehicle types) in Redis: `{prefix}:reference` holds the JSON,
 * `{prefix}:reference:version` a counter bumped by every save, so each API process re-reads only after a change.
 * The Redis implementation of the ReferenceStore port (src/contracts/ports.ts).
 */
export class RedisReferenceStore implements ReferenceStore {
  private readonly key: string;
  private readonly versionKey: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}:reference`;
    this.versionKey = `${prefix}:reference:version`;
  }

  async version(): Promise<string> {
    return (await this.redis.get(this.versionKey)) ?? '0';
  }

  async load(): Promise<{ version: string; data: ReferenceData | undefined }> {
    const [version, text] = await Promise.all([this.version(), this.redis.get(this.key)]);
    if (text === null) return { version, data: undefined };
    const { orders: _orders, ...data } = scenarioSchema.parse({ ...JSON.parse(text), orders: [] });
    return { version, data };
  }

  async save(data: ReferenceData): Promise<void> {
    await this.redis.multi().set(this.key, JSON.stringify(data)).incr(this.versionKey).exec();
  }

  /**
   * Seeds from the seed file unless reference data is already stored: API processes starting together agree
   * (the first one wins), and an admin's changes survive restarts.
   */
  async seed(data: ReferenceData): Promise<boolean> {
    const created = await this.redis.set(this.key, JSON.stringify(data), 'NX');
    if (created === null) return false;
    await this.redis.incr(this.versionKey);
    return true;
  }
}
