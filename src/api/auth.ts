import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApiKey, Role } from '../config/api-keys.ts';
import { ApiError } from './api-error.ts';

/** Who is calling: set on `res.locals.principal` by `authenticate`. */
export interface Principal {
  readonly role: Role;
  readonly carrierId?: string;
  /** The one hub a dispatcher or planner key is for; every hub when absent. */
  readonly hubId?: string;
  /** A planner granted carrier-identifying detail (order lists). */
  readonly carrierDetail?: boolean;
  /** Short hash of the key: scopes idempotency keys, never reveals the key. */
  readonly fingerprint: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** RFC 6750 `b64token`: the whole header must be the scheme, one space, one token (`Bearer KEY junk` is not). */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;
const BASIC = /^Basic ([A-Za-z0-9+/]+=*)$/i;

/**
 * The key a request presents, or undefined. Parsed strictly: anything but exactly one well-formed credential
 * is no key at all, so a header a proxy or client mangled fails loudly instead of half-matching.
 */
export function presentedKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const bearer = BEARER.exec(header);
  if (bearer) return bearer[1];
  // Basic (any user name, key as password) lets a browser open Bull Board at /admin/queues.
  const basic = BASIC.exec(header);
  if (!basic?.[1]) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : undefined;
}

/**
 * Looks the key up by its SHA-256 (constant-time enough: the map lookup is on a hash, not the secret).
 * Sets `res.locals.principal`; 401 when no key or an unknown key is presented.
 */
export function authenticate(keys: readonly ApiKey[]): RequestHandler {
  const byHash = new Map<string, Principal>();
  for (const k of keys) {
    const hash = sha256(k.key);
    byHash.set(hash, {
      role: k.role,
      fingerprint: hash.slice(0, 16),
      ...(k.carrierId ? { carrierId: k.carrierId } : {}),
      ...(k.hubId ? { hubId: k.hubId } : {}),
      ...(k.carrierDetail ? { carrierDetail: true } : {}),
    });
  }
  return (req, res, next) => {
    const header = req.headers.authorization;
    const key = presentedKey(header);
    if (!key) {
      const why = header === undefined ? 'missing API key' : 'malformed Authorization header';
      next(new ApiError('UNAUTHENTICATED', `${why}: send Authorization: Bearer KEY`));
      return;
    }
    const principal = byHash.get(sha256(key));
    if (!principal) {
      next(new ApiError('UNAUTHENTICATED', 'unknown API key'));
      return;
    }
    res.locals['principal'] = principal;
    next();
  };
}

/** 403 unless the principal has one of `roles`; admin may do everything. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const p = res.locals['principal'] as Principal | undefined;
    if (!p) {
      next(new ApiError('UNAUTHENTICATED', 'missing API key'));
      return;
    }
    if (p.role !== 'admin' && !roles.includes(p.role)) {
      next(new ApiError('FORBIDDEN', `role "${p.role}" may not do this (needs ${roles.join(' or ')})`));
      return;
    }
    next();
  };
}

export function principalOf(locals: Record<string, unknown>): Principal {
  const p = locals['principal'] as Principal | undefined;
  if (!p) throw new ApiError('UNAUTHENTICATED', 'missing API key');
  return p;
}

/** 403 unless the principal may see hub `hubId` (a key scoped to one hub sees only that one). */
export function requireHub(p: Principal, hubId: string): void {
  if (p.hubId !== undefined && p.hubId !== hubId)
    throw new ApiError('FORBIDDEN', `this key is for hub "${p.hubId}", not "${hubId}"`);
}
