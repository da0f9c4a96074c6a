import type { z } from 'zod';
import { unknownFieldMessage } from './closest-name.ts';
import { knownFieldsOf } from './strict-object.ts';

/** One validation problem with a JSON path (`orders[12].size.kg`), as the CLI prints and the API returns. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** `['orders', 12, 'size', 'kg']` -> `orders[12].size.kg` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One FieldIssue per problem. An object with unknown keys gives one issue per key, at the key's own path,
 * with the nearest known field name when one is close (`receivers[0].acess: unknown field (did you mean "access"?)`).
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [{ path: formatPath(issue.path), message: issue.message }];
    const known = knownFieldsOf(issue.keys) ?? [];
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: unknownFieldMessage(key, known),
    }));
  });
}

/** Human lines `orders[12].size.kg: expected number ≥ 0`. */
export function formatIssues(error: z.ZodError): string {
  return toFieldIssues(error)
    .map((i) => `${i.path}: ${i.message}`)
    .join('\n');
}
