import { scenarioSchema, type Scenario } from '../contracts/index.ts';
import { readJsonFile } from './read-json-file.ts';

/** Reads and validates a scenario file; every problem becomes a CliError naming the file and field. */
export function readScenario(path: string): Promise<Scenario> {
  return readJsonFile(path, scenarioSchema, `invalid scenario ${path}`);
}
