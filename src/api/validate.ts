import type { z } from 'zod';
import { toFieldIssues } from '../contracts/index.ts';
import { ApiError } from './api-error.ts';

/**
 * Parses a request part with a zod schema.
 * @throws ApiError VALIDATION_FAILED (400) with field paths, e.g. `orders[3].size.kg`.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = 'request body',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError('VALIDATION_FAILED', `invalid ${what}`, toFieldIssues(result.error));
  }
  return result.data;
}

/** A single path parameter as a string (Express 5 types allow arrays for wildcard params). */
export function pathParam(params: Record<string, string | string[] | undefined>, name: string): string {
  const v = params[name];
  return Array.isArray(v) ? v.join('/') : (v ?? '');
}
