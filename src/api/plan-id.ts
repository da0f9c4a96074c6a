import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

/** Whose id space a job id is drawn from. */
export interface JobScope {
  /** The caller's key fingerprint: scopes Idempotency-Keys, and content ids unless `shared` is given. */
  readonly caller: string;
  readonly idempotencyKey?: string;
  /** Content ids shared by every caller of this scope (a hub's day: its dispatchers get one plan). */
  readonly shared?: string;
}

/**
 * Deterministic job id: a prefix letter and 32 hex characters of SHA-256.
 * With an Idempotency-Key the id depends on (caller, key) only; without, on the scope and the canonical
 * content, so the same caller sending the same content twice gets one job, and callers do not share plans
 * they could not read. BullMQ custom ids must not be integers nor contain ':', which this format guarantees.
 */
export function jobIdFor(kind: 'plan' | 'comparison', content: unknown, scope: JobScope): string {
  const basis =
    scope.idempotencyKey !== undefined
      ? `idem\n${kind}\n${scope.caller}\n${scope.idempotencyKey}`
      : `content\n${kind}\n${scope.shared ?? scope.caller}\n${canonicalJson(content)}`;
  const prefix = kind === 'plan' ? 'p' : 'c';
  return prefix + sha256(basis).slice(0, 32);
}

/** Hash of what a request asks for, recorded with its job: one Idempotency-Key must always mean one request. */
export function requestHashOf(kind: 'plan' | 'comparison', content: unknown): string {
  return sha256(`${kind}\n${canonicalJson(content)}`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Ids we hand out: used to 404 early on obviously foreign ids. Variant plans are `c…-vN`. */
export const PLAN_ID_PATTERN = /^(p[0-9a-f]{32}|c[0-9a-f]{32}-v\d{1,4})$/;
export const COMPARISON_ID_PATTERN = /^c[0-9a-f]{32}$/;
