import { Redis } from 'ioredis';

/** Reconnect delay after the n-th failed attempt: doubling from 100 ms, at most 5 s (never a tight loop). */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 16), 5000);
}

/** A command the API sends fails after this long when Redis hangs: requests answer 503 within a second. */
export const PRODUCER_COMMAND_TIMEOUT_MS = 1000;

/**
 * Commands that carry a plan or a scenario (tens to hundreds of MB for 10,000-20,000 receivers) may take
 * longer than a second to arrive while Redis is fine: a 200 MB plan took 0.47 s quiet, several seconds on a
 * loaded machine or while the API parses another plan. They use the `bulk` connection, with this cap against a
 * hang; the caller probes Redis on the producer connection first, so a hung Redis still answers 503 within a
 * second.
 */
export const BULK_COMMAND_TIMEOUT_MS = 60_000;

/**
 * ioredis clients for the two roles BullMQ distinguishes (see shared/reference/ecosystem.md), and a third:
 * - `producer`: HTTP-facing, fails fast when Redis is down (`enableOfflineQueue: false`, a command timeout)
 *   instead of hanging a request;
 * - `bulk`: HTTP-facing reads and writes of plans and scenarios: fails fast when Redis is down, but gives a
 *   large value time to arrive (BULK_COMMAND_TIMEOUT_MS);
 * - `blocking`: Workers and QueueEvents, which need `maxRetriesPerRequest: null`.
 * Both reconnect with backoff. Errors go to `onError` (default: ignored): without a listener ioredis prints
 * every failed reconnect to stderr, which flooded the logs during an outage; callers log state changes instead
 * (ConnectionStateLog). Key prefixes go through BullMQ's `prefix`, never ioredis `keyPrefix`.
 */
export function createRedis(
  url: string,
  role: 'producer' | 'bulk' | 'blocking',
  onError: (err: Error) => void = () => {},
): Redis {
  const retryStrategy = reconnectDelayMs;
  const client =
    role === 'blocking'
      ? new Redis(url, { maxRetriesPerRequest: null, retryStrategy })
      : new Redis(url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 5000,
          commandTimeout: role === 'producer' ? PRODUCER_COMMAND_TIMEOUT_MS : BULK_COMMAND_TIMEOUT_MS,
          retryStrategy,
        });
  client.on('error', onError);
  return client;
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

/** Errors ioredis (and BullMQ over it) raise when Redis cannot be reached or answer. */
const UNREACHABLE =
  /enableOfflineQueue|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|Reached the max retries/i;

/** True when `err` means Redis is unreachable (rather than a bug): the client is not ready, or the error says so. */
export function isRedisUnavailable(client: Redis, err: unknown): boolean {
  if (client.status !== 'ready') return true;
  const message = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return UNREACHABLE.test(message);
}

/**
 * Logs a connection's state changes only: one line when it is lost, one when it is back, whatever the number
 * of failed requests or reconnect attempts in between.
 */
export class ConnectionStateLog {
  private down = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly what: string,
  ) {}

  lost(err: unknown): void {
    if (this.down) return;
    this.down = true;
    this.log(
      `${this.what}: Redis unreachable (${err instanceof Error ? err.message : String(err)}); retrying with backoff`,
    );
  }

  restored(): void {
    if (!this.down) return;
    this.down = false;
    this.log(`${this.what}: Redis reachable again`);
  }

  get isDown(): boolean {
    return this.down;
  }
}
