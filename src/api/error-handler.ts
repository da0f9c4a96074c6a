import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from './api-error.ts';

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

export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const apiError = err instanceof ApiError ? err : fromBodyParser(err);
    if (apiError) {
      if (apiError.code === 'UNAUTHENTICATED' && res.req.path.startsWith('/admin')) {
        res.setHeader('WWW-Authenticate', 'Basic realm="picon admin", charset="UTF-8"');
      }
      res.status(apiError.status).json({
        error: {
          code: apiError.code,
          message: apiError.message,
          ...(apiError.issues ? { issues: apiError.issues } : {}),
        },
      });
      return;
    }
    log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
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
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
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
