import { readFile } from 'node:fs/promises';
import { formatIssues, planSchema, type Plan } from '../contracts/index.ts';
import { CliError } from './cli-error.ts';

/** Reads and validates a plan file (`picon plan --json` or `--out`'s plan.json); problems name the file and field. */
export async function readPlan(path: string): Promise<Plan> {
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
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error).split('\n');
    const shown = lines.slice(0, 20).map((l) => `  ${l}`);
    if (lines.length > 20) shown.push(`  … and ${lines.length - 20} more`);
    throw new CliError(`invalid plan ${path} (made by an older picon? plan it again):\n${shown.join('\n')}`);
  }
  return parsed.data;
}
