import type { Redis } from 'ioredis';
import type { RateLimiter } from '../contracts/ports.ts';

/** Counts a hit and sets the window's expiry on the first; returns [count, ms left]. KEYS: the window's key. */
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Fixed-window rate limit per caller in Redis (`{prefix}:rate:{caller}`), so several API processes share one
 * budget per key: a window opens at a caller's first request and allows `limit` requests until it expires.
 * Implements the RateLimiter port.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  async hit(caller: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const [count, pttl] = (await this.redis.eval(
      HIT,
      1,
      `${this.prefix}:rate:${caller}`,
      String(this.windowMs),
    )) as [number, number];
    return { allowed: count <= this.limit, retryAfterSeconds: Math.max(1, Math.ceil(pttl / 1000)) };
  }
}
