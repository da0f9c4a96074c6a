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

/**
 * Deterministic job id: a prefix letter and 32 hex characters of SHA-256.
 * With an Idempotency-Key the id depends on (caller, key) only; without, on the canonical content.
 * BullMQ custom ids must not be integers nor contain ':', which this format guarantees.
 */
export function jobIdFor(
  kind: 'plan' | 'comparison',
  content: unknown,
  idempotency?: { caller: string; key: string },
): string {
  const basis = idempotency
    ? `idem\n${kind}\n${idempotency.caller}\n${idempotency.key}`
    : `content\n${kind}\n${canonicalJson(content)}`;
  const prefix = kind === 'plan' ? 'p' : 'c';
  return prefix + createHash('sha256').update(basis).digest('hex').slice(0, 32);
}

/** Ids we hand out: used to 404 early on obviously foreign ids. Variant plans are `c…-vN`. */
export const PLAN_ID_PATTERN = /^(p[0-9a-f]{32}|c[0-9a-f]{32}-v\d{1,4})$/;
export const COMPARISON_ID_PATTERN = /^c[0-9a-f]{32}$/;
