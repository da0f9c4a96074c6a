import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error.ts';

/**
 * Retry-After of a refused plan read: a read of a small plan takes milliseconds and of a 50,000-receiver one
 * some seconds, so a second is a fair first wait.
 */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** Bounds of PICON_MAX_CONCURRENT_PLAN_READS (config/env.ts checks the same). */
export const PLAN_READS_MAX = 64;

/**
 * A counting semaphore over the reads of whole plans in one API process. Each read holds the plan, and the
 * answer made of it, until the answer is sent: 1.3 GB for a 50,000-receiver day's 280 MB plan
 * (docs/BENCHMARKS.md), so unbounded concurrent reads would exhaust the process. Beyond the limit a read is
 * refused at once (503 BUSY with Retry-After) rather than queued: a queue would hold sockets and memory of its
 * own, and a client told to come back costs nothing. Reads are counted, not weighed by size: the size is known
 * only once the job is read, which is already part of the cost.
 */
export class ReadGate {
  private held = 0;
  private refusals = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1 || limit > PLAN_READS_MAX)
      throw new RangeError(`read gate limit: expected an integer in 1..${PLAN_READS_MAX}, got ${limit}`);
  }

  /** Permits taken and not yet given back. */
  get inUse(): number {
    return this.held;
  }

  /** Reads refused since the start (503 BUSY). */
  get refused(): number {
    return this.refusals;
  }

  /**
   * Takes a permit: the returned function gives it back, once however often it is called.
   * @throws ApiError BUSY (503, Retry-After) when `limit` permits are held
   */
  enter(): () => void {
    if (this.held >= this.limit) {
      this.refusals += 1;
      throw new ApiError(
        'BUSY',
        `${this.limit} plan reads are in progress (PICON_MAX_CONCURRENT_PLAN_READS): retry later`,
        undefined,
        BUSY_RETRY_AFTER_SECONDS,
      );
    }
    this.held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= 1;
    };
  }
}

/**
 * A route handler run under a permit of `gate`, held until both the handler has settled (it may still be
 * reading the plan when a client goes away) and the response has closed (a streamed answer is written after
 * the handler's last await, and the plan lives as long as it is written). The response's `close` comes on
 * every path: answered, failed (the error handler answers), or the client gone.
 */
export function gatedRead(
  gate: ReadGate,
  handler: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    const release = gate.enter();
    let pending = 2;
    const done = () => {
      pending -= 1;
      if (pending === 0) release();
    };
    // a client gone before the handler ran has had its `close` already
    if (res.closed) done();
    else res.once('close', done);
    try {
      await handler(req, res);
    } finally {
      done();
    }
  };
}
