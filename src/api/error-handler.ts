import type { ErrorRequestHandler, RequestHandler } from 'express';
import { errorIssues, isPlanningError } from '../contracts/index.ts';
import { ApiError } from './api-error.ts';
import type { DependencyHealth } from './app-deps.ts';

/** Body-parser errors carry `type` and `status`; map them to our codes so client mistakes are never 500s. */
function fromBodyParser(err: unknown): ApiError | undefined {
  if (!err || typeof err !== 'object' || !('type' in err)) return undefined;
  switch ((err as { type: unknown }).type) {
    case 'entity.too.large':
      return new ApiError('PAYLOAD_TOO_LARGE', 'request body exceeds the size limit');
    case 'entity.parse.failed':
      return new ApiError('MALFORMED_JSON', 'request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding or charset');
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError('VALIDATION_FAILED', 'request body was incomplete');
    default:
      return undefined;
  }
}

/** Express fails to decode a path parameter such as `%ff` with a URIError (status 400): the client's mistake. */
function fromMalformedPath(err: unknown): ApiError | undefined {
  if (!(err instanceof URIError)) return undefined;
  return new ApiError('VALIDATION_FAILED', 'malformed path: invalid percent-encoding', [
    { path: 'path', message: 'invalid percent-encoding' },
  ]);
}

/**
 * The one map from a PlanningError to an HTTP answer: input -> 422 INVALID_INPUT naming the field, internal ->
 * undefined (a logged 500). Other errors are not classified by kind here: every request body and parameter is
 * validated into an ApiError at the boundary (validate.ts), so a ZodError reaching the handler comes from the
 * server's own stored data, which the caller cannot fix.
 */
export function fromPlanningError(err: unknown): ApiError | undefined {
  if (!isPlanningError(err) || err.kind !== 'input') return undefined;
  const issues = errorIssues(err);
  return new ApiError('INVALID_INPUT', err.message, issues.length > 0 ? issues : undefined);
}

/** Clients should wait this long before retrying while the store is unreachable (ioredis backs off to 5 s). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** A store outage is the service's state, not the request's fault: 503 with Retry-After, logged once per outage. */
function fromUnavailable(err: unknown, dependency: DependencyHealth | undefined): ApiError | undefined {
  if (!dependency?.isUnavailable(err)) return undefined;
  dependency.lost(err);
  return new ApiError(
    'DEPENDENCY_UNAVAILABLE',
    'the job store is unreachable: retry later',
    undefined,
    UNAVAILABLE_RETRY_AFTER_SECONDS,
  );
}

export function errorHandler(
  log: (line: string) => void,
  dependency?: DependencyHealth,
): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const apiError =
      err instanceof ApiError
        ? err
        : (fromBodyParser(err) ??
          fromMalformedPath(err) ??
          fromPlanningError(err) ??
          fromUnavailable(err, dependency));
    if (apiError) {
      if (apiError.code === 'UNAUTHENTICATED' && res.req.path.startsWith('/admin')) {
        res.setHeader('WWW-Authenticate', 'Basic realm="picon admin", charset="UTF-8"');
      }
      // a refused request's unread body must not hold the socket (a slow body with a bad key held one 328 s)
      if (apiError.status === 401 || apiError.status === 413) res.setHeader('Connection', 'close');
      if (apiError.retryAfterSeconds !== undefined)
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(apiError.retryAfterSeconds))));
      res.status(apiError.status).json({
        error: {
          code: apiError.code,
          message: apiError.message,
          ...(apiError.issues ? { issues: apiError.issues } : {}),
        },
      });
      return;
    }
    const code = isPlanningError(err) ? ` ${err.code}` : '';
    log(`internal error${code}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError('NOT_FOUND', `no route ${req.method} ${req.path}`));
};

/** Bodies must be JSON: a POST with another content type is a 415, not a confusing 400. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.headers['content-length'] !== '0' &&
    (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
  // A body already read as text was accepted by a route's own parser (CSV orders) before this check.
  const readAsText = typeof (req.body as unknown) === 'string';
  if (
    ['POST', 'PUT', 'PATCH'].includes(req.method) &&
    hasBody &&
    !readAsText &&
    !req.is('application/json')
  ) {
    next(
      new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `expected Content-Type application/json, got ${req.headers['content-type'] ?? 'none'}`,
      ),
    );
    return;
  }
  next();
};
