import type { FieldIssue } from '../contracts/index.ts';

/** The one error vocabulary of the HTTP API; `error-handler.ts` turns it into `{ error: { code, message, issues? } }`. */
export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NOT_READY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNKNOWN_HUB'
  | 'UNKNOWN_RECEIVERS'
  | 'UNKNOWN_CARRIER'
  | 'DATE_OUT_OF_RANGE'
  | 'TOO_MANY_ORDERS'
  | 'RATE_LIMITED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NO_ORDERS'
  | 'INVALID_SCENARIO'
  | 'INVALID_INPUT'
  | 'DEPENDENCY_UNAVAILABLE'
  | 'BUSY'
  | 'INTERNAL';

/** code -> HTTP status: the only such table. */
export const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_READY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNKNOWN_HUB: 422,
  UNKNOWN_RECEIVERS: 422,
  UNKNOWN_CARRIER: 422,
  DATE_OUT_OF_RANGE: 422,
  TOO_MANY_ORDERS: 429,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  NO_ORDERS: 422,
  INVALID_SCENARIO: 422,
  INVALID_INPUT: 422,
  DEPENDENCY_UNAVAILABLE: 503,
  BUSY: 503,
  INTERNAL: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
    /** Sent as `Retry-After` (429, 503): when trying again may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}
