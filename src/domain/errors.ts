/**
 * picon's one error model. Every error the planning core raises on purpose is a PlanningError whose `kind` says
 * who can fix it: the user, by changing the input (`input`), or a developer (`internal`: a broken invariant, a
 * bug). Each edge maps the kind once: CLI exit codes (src/cli/cli-failure.ts), HTTP statuses
 * (src/api/error-handler.ts), worker retries (src/queue/job-errors.ts). Anything that is not a PlanningError
 * is internal, except wire validation errors, which src/contracts/errors.ts classifies as input.
 */

export type ErrorKind = 'input' | 'internal';

/** Input errors: the same input fails the same way, so retrying is useless and the message must name the field. */
export type InputErrorCode =
  /** An id or index that the scenario (or the task) does not define. */
  | 'UNKNOWN_REFERENCE'
  /** A value outside what picon can compute with (e.g. an energy profile falling with payload). */
  | 'INVALID_VALUE'
  /** An option of a generator or command out of its range. */
  | 'INVALID_OPTION'
  /** A file that does not follow its format (CSV orders, benchmark instances). */
  | 'MALFORMED_FILE';

/** Internal errors: the input was valid and picon broke its own invariant; worth a retry, then a bug report. */
export type InternalErrorCode =
  /** A step received what an earlier step should have prevented (an unresolved type, an index out of range). */
  'BROKEN_INVARIANT';

export type PlanningErrorCode = InputErrorCode | InternalErrorCode;

export interface PlanningErrorOptions {
  /** Field path in the input to blame, as the wire names it (`vehicleTypes[2].energy.fullKWhPerKm`). */
  readonly field?: string;
  readonly cause?: unknown;
}

export abstract class PlanningError extends Error {
  abstract readonly kind: ErrorKind;
  readonly field: string | undefined;

  protected constructor(
    readonly code: PlanningErrorCode,
    message: string,
    options: PlanningErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.field = options.field;
  }
}

/** Bad scenario, task, option or file: the message says what to change. */
export class InputError extends PlanningError {
  override readonly name: string = 'InputError';
  readonly kind = 'input' as const;

  constructor(code: InputErrorCode, message: string, options?: PlanningErrorOptions) {
    super(code, message, options);
  }
}

/** A bug: picon reached a state its own steps should have made impossible. */
export class InternalError extends PlanningError {
  override readonly name: string = 'InternalError';
  readonly kind = 'internal' as const;

  constructor(code: InternalErrorCode, message: string, options?: PlanningErrorOptions) {
    super(code, message, options);
  }
}

export function isPlanningError(err: unknown): err is PlanningError {
  return err instanceof PlanningError;
}
