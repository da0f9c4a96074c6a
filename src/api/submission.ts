import type { Request, Response } from 'express';
import { LIMITS } from '../contracts/index.ts';
import type { JobOwner, Submission, SubmitResult } from '../contracts/ports.ts';
import { ApiError } from './api-error.ts';
import type { Principal } from './auth.ts';
import { principalOf } from './auth.ts';
import { jobIdFor, requestHashOf } from './plan-id.ts';

/** Visible ASCII only: a header value with control characters or spaces is a client mistake, not a key. */
const KEY_PATTERN = /^[\x21-\x7e]+$/;

/**
 * The `Idempotency-Key` header, the same rule for plans and comparisons (comparison keys of 8,000 characters
 * were accepted while plan keys stopped at 200).
 * @throws ApiError VALIDATION_FAILED naming the header
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('Idempotency-Key');
  if (key === undefined) return undefined;
  const max = LIMITS.idempotencyKeyLength;
  if (key.length < 1 || key.length > max || !KEY_PATTERN.test(key))
    throw new ApiError('VALIDATION_FAILED', 'invalid Idempotency-Key header', [
      { path: 'Idempotency-Key', message: `expected 1 to ${max} visible ASCII characters` },
    ]);
  return key;
}

export interface PreparedSubmission {
  readonly id: string;
  readonly submission: Submission;
}

/** The job id and the owner record of a submission by this request's caller. */
export function prepareSubmission(
  req: Request,
  res: Response,
  kind: 'plan' | 'comparison',
  content: unknown,
  hubId?: string,
): PreparedSubmission {
  const principal = principalOf(res.locals);
  const idempotencyKey = idempotencyKeyOf(req);
  const id = jobIdFor(kind, content, {
    caller: principal.fingerprint,
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(hubId !== undefined ? { shared: `hub\n${hubId}` } : {}),
  });
  const owner: JobOwner = { fingerprint: principal.fingerprint, ...(hubId !== undefined ? { hubId } : {}) };
  return { id, submission: { owner, requestHash: requestHashOf(kind, content) } };
}

/** @throws ApiError IDEMPOTENCY_KEY_REUSED when the job under this key was submitted with another body */
export function refuseKeyReuse(result: SubmitResult, submission: Submission): void {
  if (result.requestHash !== undefined && result.requestHash !== submission.requestHash)
    throw new ApiError(
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was used for a different request: use a new key for new content',
      [{ path: 'Idempotency-Key', message: 'already used with another body' }],
    );
}

/**
 * Who may read a plan or comparison: admins; its owner; a dispatcher or planner of its hub (a key for every
 * hub reads every hub-day plan). Jobs from before owners were recorded are the admins' alone.
 * @throws ApiError NOT_FOUND, so that ids of others' plans reveal nothing
 */
export function requireReader(p: Principal, owner: JobOwner | undefined, what: string): void {
  if (p.role === 'admin') return;
  if (owner?.fingerprint === p.fingerprint) return;
  const hubReader = p.role === 'dispatcher' || p.role === 'planner';
  if (hubReader && owner?.hubId !== undefined && (p.hubId === undefined || p.hubId === owner.hubId)) return;
  throw new ApiError('NOT_FOUND', `no ${what}`);
}
