import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ContentStore } from './content-store.ts';

/** What a plan or task job returns: the content hash of its result, which lives in the ResultStore. */
export const resultRefSchema = z.object({ resultRef: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type ResultRef = z.infer<typeof resultRefSchema>;

/**
 * Job results by reference (`{prefix}:result:<sha256>`, content-store.ts). BullMQ keeps a job's return value
 * in the job and copies it into the queue's event stream, which keeps the last 10,000 events whatever the
 * jobs' retention: measured on the service bench, one fixture-day plan put 1.3 MB in the plans stream and
 * its task and cost-game children 10 MB in the tasks stream, and a 20,000-receiver plan is about 200 MB. So
 * plan and task jobs store their results here and return a 64-character reference; the stream carries that.
 * Readers validate what they read with their own schemas, as they did the inline values.
 */
export class ResultStore {
  private readonly store: ContentStore<unknown>;

  constructor(redis: Redis, prefix: string, ttlSeconds: number) {
    this.store = new ContentStore(redis, prefix, 'result', z.unknown(), ttlSeconds);
  }

  async put(value: unknown): Promise<ResultRef> {
    return { resultRef: await this.store.put(value) };
  }

  /**
   * The result a job returned: read from the store when it is a reference, else the value itself (jobs
   * completed by workers from before results were stored by reference).
   * @throws Error when the referenced result has expired
   */
  async resolve(returned: unknown): Promise<unknown> {
    const ref = resultRefSchema.safeParse(returned);
    if (!ref.success) return returned;
    const value = await this.store.get(ref.data.resultRef);
    if (value === undefined) throw new Error(`result ${ref.data.resultRef} is no longer stored (expired?)`);
    return value;
  }
}
