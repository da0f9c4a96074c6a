import { readFile } from 'node:fs/promises';
import { formatIssues } from '../contracts/index.ts';
import { CliError } from './cli-error.ts';

/** What a wire schema offers (zod's safeParse), without the CLI importing zod itself. */
interface JsonSchema<T> {
  safeParse(
    json: unknown,
  ): { success: true; data: T } | { success: false; error: Parameters<typeof formatIssues>[0] };
}

/** Issues shown at most; the rest are counted. */
const MAX_ISSUES_SHOWN = 20;

/**
 * Reads a JSON file and validates it with `schema`; every problem becomes a CliError naming the file (unreadable,
 * not JSON) or the fields (`invalid` heads the list of issues, e.g. "invalid scenario FILE").
 */
export async function readJsonFile<T>(path: string, schema: JsonSchema<T>, invalid: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error).split('\n');
    const shown = lines.slice(0, MAX_ISSUES_SHOWN).map((l) => `  ${l}`);
    if (lines.length > MAX_ISSUES_SHOWN) shown.push(`  … and ${lines.length - MAX_ISSUES_SHOWN} more`);
    throw new CliError(`${invalid}:\n${shown.join('\n')}`);
  }
  return parsed.data;
}
