import { Redis } from 'ioredis';

/**
 * ioredis clients for the two roles BullMQ distinguishes (see shared/reference/ecosystem.md):
 * - `producer`: HTTP-facing, fails fast when Redis is down (`enableOfflineQueue: false`) instead of hanging a request;
 * - `blocking`: Workers and QueueEvents, which need `maxRetriesPerRequest: null`.
 * Key prefixes go through BullMQ's `prefix`, never ioredis `keyPrefix`.
 */
export function createRedis(url: string, role: 'producer' | 'blocking'): Redis {
  return role === 'producer'
    ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5000 })
    : new Redis(url, { maxRetriesPerRequest: null });
}

/** Resolves once the client is connected (producers cannot queue commands before that). */
export async function waitReady(client: Redis, timeoutMs = 10_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
    };
    client.on('ready', onReady);
  });
}
