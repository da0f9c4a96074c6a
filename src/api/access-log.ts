import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger, LevelWithSilent };
import { pinoHttp } from 'pino-http';
import type { Principal } from './auth.ts';

/**
 * Paths pino censors wherever they appear: keys (the Authorization header, an API key field) and what carriers
 * send (order lists, sizes). The access log serialisers below already leave headers and bodies out; this is the
 * second lock, for anything logged by hand.
 */
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'key',
  '*.key',
  'orders',
  '*.orders',
  'body',
  '*.body',
];

/** One JSON line per event on stdout (what container platforms collect), keys and order contents censored. */
export function createLogger(level: LevelWithSilent = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'picon-api' }, redact: { paths: REDACTED, censor: '[redacted]' } },
    destination,
  );
}

/** A caller's own request id is kept when it looks like one (a proxy's, a UUID); anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Access log: one line per request when its answer is sent, with a request id (the caller's `X-Request-Id`, or a
 * new UUID, echoed in the answer's `X-Request-Id`), method, path, status, time and who called (role and
 * carrier, never the key); no headers, no query values, no body. 5xx log as errors, 4xx as warnings.
 */
export function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: Request, res: Response) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => {
      const principal = (res as unknown as { locals?: { principal?: Principal } }).locals?.principal;
      return principal
        ? {
            caller: {
              role: principal.role,
              ...(principal.carrierId ? { carrierId: principal.carrierId } : {}),
            },
          }
        : {};
    },
  }) as unknown as RequestHandler;
}
