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
