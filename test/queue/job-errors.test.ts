import { UnrecoverableError, WaitingChildrenError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { InputError, InternalError } from '../../src/domain/errors.ts';
import { childExitFailure, toJobFailure } from '../../src/queue/job-errors.ts';

describe('worker retry decision: input -> fail at once, internal -> retry', () => {
  it('turns an input error into an UnrecoverableError carrying the context and the message', () => {
    const failure = toJobFailure(
      new InputError('UNKNOWN_REFERENCE', 'task refers to carrier "Z"', { field: 'task.carrierId' }),
      'cannot solve this task',
    );
    expect(failure).toBeInstanceOf(UnrecoverableError);
    expect((failure as Error).message).toBe('cannot solve this task: task refers to carrier "Z"');
  });

  it('fails a stored scenario that no longer validates at once too', () => {
    const zod = scenarioSchema.safeParse({ name: 'x' }).error;
    expect(toJobFailure(zod, 'cannot plan this scenario')).toBeInstanceOf(UnrecoverableError);
  });

  it('rethrows internal and unknown errors unchanged, so BullMQ retries them with backoff', () => {
    for (const err of [
      new InternalError('BROKEN_INVARIANT', 'vehicle index 4'),
      new RangeError('index 3'),
      new Error('Connection is closed.'),
    ])
      expect(toJobFailure(err, 'cannot plan this scenario')).toBe(err);
  });

  it("passes BullMQ's own signals through", () => {
    const waiting = new WaitingChildrenError();
    const unrecoverable = new UnrecoverableError('2 task(s) of this plan failed');
    expect(toJobFailure(waiting, 'x')).toBe(waiting);
    expect(toJobFailure(unrecoverable, 'x')).toBe(unrecoverable);
  });
});

describe('a sandboxed child that died', () => {
  it('fails at once when it aborted (out of heap), naming the cap', () => {
    for (const message of [
      'Unexpected exit code: null signal: SIGABRT',
      'Unexpected exit code: 134 signal: null',
    ]) {
      const failure = childExitFailure(new Error(message), 512);
      expect(failure).toBeInstanceOf(UnrecoverableError);
      expect((failure as Error).message).toContain('exceeded its 512 MB heap');
    }
  });

  it('stays retryable when killed or crashed otherwise', () => {
    for (const message of [
      'Unexpected exit code: null signal: SIGKILL',
      'Unexpected exit code: 1 signal: null',
      'Connection is closed.',
    ]) {
      const err = new Error(message);
      expect(childExitFailure(err, 512)).toBe(err);
    }
    expect(childExitFailure('SIGABRT', 512)).toBe('SIGABRT');
  });
});
