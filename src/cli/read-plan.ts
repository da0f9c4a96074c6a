import { planSchema, type Plan } from '../contracts/index.ts';
import { readJsonFile } from './read-json-file.ts';

/** Reads and validates a plan file (`picon plan --json` or `--out`'s plan.json); problems name the file and field. */
export function readPlan(path: string): Promise<Plan> {
  return readJsonFile(path, planSchema, `invalid plan ${path} (made by an older picon? plan it again)`);
}
