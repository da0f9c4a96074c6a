import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Scenario } from '../contracts/index.ts';
import { scenarioSchema } from '../contracts/index.ts';

/** `{prefix}:scenario:<sha256>`: under the queue prefix, so in the same Redis Cluster slot as the queues. */
export function scenarioKey(prefix: string, hash: string): string {
  return `${prefix}:scenario:${hash}`;
}

/**
 * Scenarios stored once under their content hash (SHA-256 of the JSON text stored), so plan jobs and their
 * task children carry a 64-character hash instead of megabytes. Each put refreshes the TTL, which outlives the
 * retention of the jobs that refer to it (see `scenarioTtlSeconds`).
 */
export class ScenarioStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  /** Stores the (validated) scenario unless already there; returns its hash. */
  async put(scenario: Scenario): Promise<string> {
    const text = JSON.stringify(scenario);
    const hash = createHash('sha256').update(text).digest('hex');
    const key = scenarioKey(this.prefix, hash);
    const created = await this.redis.set(key, text, 'EX', this.ttlSeconds, 'NX');
    if (created === null) await this.redis.expire(key, this.ttlSeconds);
    return hash;
  }

  /** The scenario, re-validated; undefined when it expired or never existed. */
  async get(hash: string): Promise<Scenario | undefined> {
    const text = await this.redis.get(scenarioKey(this.prefix, hash));
    if (text === null) return undefined;
    return scenarioSchema.parse(JSON.parse(text));
  }
}

/** A scenario must outlive every job that names it: the longer retention, plus a day of queueing. */
export function scenarioTtlSeconds(queue: {
  keepCompleted: { age: number };
  keepFailed: { age: number };
}): number {
  return Math.max(queue.keepCompleted.age, queue.keepFailed.age) + 86_400;
}
