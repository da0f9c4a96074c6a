import { DelayedError, RateLimitError, UnrecoverableError, WaitingChildrenError, WaitingError } from 'bullmq';
import { errorKind } from '../contracts/index.ts';

/** BullMQ's own signals (fail now, wait for children, delay): passed through as they are. */
const CONTROL = [UnrecoverableError, WaitingChildrenError, WaitingError, DelayedError, RateLimitError];

/**
 * The one map from an error to a worker's retry decision. Input errors (a PlanningError of kind `input`, a
 * failed validation) fail the job at once with UnrecoverableError: the same input fails the same way, so the
 * attempts would be wasted and the user would wait for the backoff to hear about it. Anything else is
 * internal or transient (a bug, a lost connection) and is rethrown as it is, to be retried per the queue's
 * `attempts` and exponential backoff.
 *
 * @param context what the job was doing, prefixed to the message the API reports (`cannot plan this scenario`)
 */
export function toJobFailure(err: unknown, context: string): unknown {
  if (CONTROL.some((C) => err instanceof C)) return err;
  if (errorKind(err) === 'input')
    return new UnrecoverableError(`${context}: ${err instanceof Error ? err.message : String(err)}`);
  return err;
}

/** BullMQ's message when a sandboxed child process dies: `Unexpected exit code: 134 signal: null`. */
const CHILD_EXIT = /^Unexpected exit code: (\S+) signal: (\S+)$/;

/**
 * A sandboxed child that aborted (SIGABRT, or exit code 134 through a shell) ran out of heap: V8 aborts the
 * process at `--max-old-space-size`. Retrying would only grow the same input to the same cap again (the issue
 * saw six 2.8 GB crashes in ten minutes, the worker taking no other work), so it fails the job at once, naming
 * the cap. Any other exit (SIGKILL by an operator, a crash) stays retryable: another attempt may succeed.
 */
export function childExitFailure(err: unknown, maxOldSpaceMb: number): unknown {
  if (!(err instanceof Error)) return err;
  const m = CHILD_EXIT.exec(err.message);
  if (!m || (m[1] !== '134' && m[2] !== 'SIGABRT')) return err;
  return new UnrecoverableError(
    `out of memory: the solver process exceeded its ${maxOldSpaceMb} MB heap (PICON_WORKER_MAX_OLD_SPACE_MB); ` +
      'the scenario is too large for this worker, so it is not retried',
  );
}
