import { readFile } from 'node:fs/promises';
import { formatIssues, scenarioSchema, type Scenario } from '../contracts/index.ts';
import { CliError } from './cli-error.ts';

/** Reads and validates a scenario file; every problem becomes a CliError naming the file and field. */
export async function readScenario(path: string): Promise<Scenario> {
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
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error).split('\n');
    const shown = lines.slice(0, 20).map((l) => `  ${l}`);
    if (lines.length > 20) shown.push(`  … and ${lines.length - 20} more`);
    throw new CliError(`invalid scenario ${path}:\n${shown.join('\n')}`);
  }
  return parsed.data;
}
