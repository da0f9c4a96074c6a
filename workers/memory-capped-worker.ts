import type { Job } from 'bullmq';
import { Worker, type WorkerOptions } from 'bullmq';
import { childExitFailure } from '../src/queue/job-errors.ts';

/**
 * A BullMQ Worker whose sandboxed children run under a heap cap (`--max-old-space-size`, set in the fork's
 * execArgv by the caller) and whose out-of-memory aborts fail the job at once (`childExitFailure`) rather than
 * after every retry. `callProcessJob` is BullMQ's protected hook around the sandbox: the only place the
 * child's exit reaches before the retry decision.
 */
export class MemoryCappedWorker extends Worker {
  constructor(
    queue: string,
    processorFile: string,
    opts: WorkerOptions,
    private readonly maxOldSpaceMb: number,
  ) {
    super(queue, processorFile, opts);
  }

  protected override async callProcessJob(job: Job, token: string, signal?: AbortSignal): Promise<unknown> {
    try {
      return await super.callProcessJob(job, token, signal);
    } catch (err) {
      throw childExitFailure(err, this.maxOldSpaceMb);
    }
  }
}
