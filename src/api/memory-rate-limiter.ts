import type { RateLimiter } from '../contracts/ports.ts';

/** RateLimiter in this process's memory (tests, one process): the RedisRateLimiter's fixed window. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; endsAtMs: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(caller: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const now = this.now();
    let w = this.windows.get(caller);
    if (!w || w.endsAtMs <= now) {
      w = { count: 0, endsAtMs: now + this.windowMs };
      this.windows.set(caller, w);
    }
    w.count++;
    return {
      allowed: w.count <= this.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((w.endsAtMs - now) / 1000)),
    };
  }
}
