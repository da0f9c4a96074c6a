import type { RequestHandler } from 'express';
import { ApiError } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { principalOf } from './auth.ts';

/**
 * Per-key rate limit (after authentication, so the budget is the key's, shared across API processes when the
 * limiter is Redis): beyond it, 429 RATE_LIMITED with Retry-After.
 */
export function rateLimit(deps: AppDeps): RequestHandler {
  const limiter = deps.rateLimiter;
  return async (_req, res, next) => {
    if (!limiter) return next();
    const { allowed, retryAfterSeconds } = await limiter.hit(principalOf(res.locals).fingerprint);
    if (!allowed)
      throw new ApiError(
        'RATE_LIMITED',
        'too many requests for this key: slow down',
        undefined,
        retryAfterSeconds,
      );
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for the admin UI (Bull Board), whose Basic credentials a browser sends
 * by itself: a state-changing request must come from this origin (`Origin`, else `Referer`, naming this
 * host), or carry a Bearer key, which no browser attaches on its own. A form POSTed from another site is 403.
 */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.get('Sec-Fetch-Site') === 'cross-site')
    throw new ApiError('FORBIDDEN', 'cross-site request refused');
  const source = req.get('Origin') ?? req.get('Referer');
  if (source === undefined || source === 'null') {
    if (/^Bearer /.test(req.get('Authorization') ?? '')) return next();
    throw new ApiError('FORBIDDEN', 'state-changing admin requests need an Origin header from this site');
  }
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    throw new ApiError('FORBIDDEN', 'cross-site request refused');
  }
  if (host !== req.get('Host')) throw new ApiError('FORBIDDEN', 'cross-site request refused');
  next();
};
