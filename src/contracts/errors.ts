import { z } from 'zod';
import { PlanningError, type ErrorKind } from '../domain/errors.ts';
import { toFieldIssues, type FieldIssue } from './format-issues.ts';

// The error model lives in the domain; the edges (api, queue, workers) see it through the contracts.
export {
  InputError,
  InternalError,
  isPlanningError,
  PlanningError,
  type ErrorKind,
  type InputErrorCode,
  type InternalErrorCode,
  type PlanningErrorCode,
} from '../domain/errors.ts';

/**
 * Who can fix `err`: a PlanningError says so itself; a failed zod validation is bad input (the wire data will
 * fail the same way again); anything else (a TypeError, a lost connection) is internal. The one classifier the
 * CLI, the API and the workers map from.
 */
export function errorKind(err: unknown): ErrorKind {
  if (err instanceof PlanningError) return err.kind;
  if (err instanceof z.core.$ZodError) return 'input';
  return 'internal';
}

/** The fields an input error blames, in the shape the CLI prints and the API returns. */
export function errorIssues(err: unknown): FieldIssue[] {
  if (err instanceof z.core.$ZodError) return toFieldIssues(err as z.ZodError);
  if (err instanceof PlanningError && err.field !== undefined)
    return [{ path: err.field, message: err.message }];
  return [];
}
