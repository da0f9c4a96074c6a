import type { z } from 'zod';

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

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Human lines `orders[12].size.kg: expected number ≥ 0`. */
export function formatIssues(error: z.ZodError): string {
  return toFieldIssues(error)
    .map((i) => `${i.path}: ${i.message}`)
    .join('\n');
}
