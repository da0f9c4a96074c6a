import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { z } from 'zod';

/** `{prefix}:<kind>:<sha256>`: under the queue prefix, so in the same Redis Cluster slot as the queues. */
export function contentKey(prefix: string, kind: string, hash: string): string {
  return `${prefix}:${kind}:${hash}`;
}

/**
 * Values stored once under their content hash (SHA-256 of the JSON text stored), so jobs carry a 64-character
 * hash instead of megabytes (a 10,000-receiver scenario is ~11 MB; a cost game's parts hold every pooled
 * route). Each put refreshes the TTL, which must outlive the jobs that refer to the value. Read values are
 * validated again: Redis is shared, and a value may come from another version of picon.
 */
export class ContentStore<T> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly kind: string,
    private readonly schema: z.ZodType<T>,
    private readonly ttlSeconds: number,
  ) {}

  /** Stores the value unless already there; returns its hash. */
  async put(value: T): Promise<string> {
    const text = JSON.stringify(value);
    const hash = createHash('sha256').update(text).digest('hex');
    const key = contentKey(this.prefix, this.kind, hash);
    const created = await this.redis.set(key, text, 'EX', this.ttlSeconds, 'NX');
    if (created === null) await this.redis.expire(key, this.ttlSeconds);
    return hash;
  }

  /** The value, re-validated; undefined when it expired or never existed. */
  async get(hash: string): Promise<T | undefined> {
    const text = await this.redis.get(contentKey(this.prefix, this.kind, hash));
    if (text === null) return undefined;
    return this.schema.parse(JSON.parse(text));
  }
}

/** A stored value must outlive every job that names it: the longer retention, plus a day of queueing. */
export function contentTtlSeconds(queue: {
  keepCompleted: { age: number };
  keepFailed: { age: number };
}): number {
  return Math.max(queue.keepCompleted.age, queue.keepFailed.age) + 86_400;
}
