import { scenarioSchema, toFieldIssues, type Order, type Scenario } from '../contracts/index.ts';
import { readOrdersFile } from '../io/orders-file.ts';
import { formatOrderFileIssue, OrdersFileError, type OrderFileIssue } from '../io/orders-table.ts';
import { CliError } from './cli-error.ts';
import { pushAll } from '../domain/arrays.ts';

/** At most this many problems are printed: the first ones say what is wrong with a file. */
const SHOWN_ISSUES = 30;

function filesError(issues: readonly OrderFileIssue[]): CliError {
  const lines = issues.slice(0, SHOWN_ISSUES).map((i) => `  ${formatOrderFileIssue(i)}`);
  if (issues.length > SHOWN_ISSUES) lines.push(`  … and ${issues.length - SHOWN_ISSUES} more`);
  return new CliError(`invalid orders:\n${lines.join('\n')}`);
}

/**
 * The scenario's reference data with the orders of carriers' files (CSV or XLSX) instead of its own. Each
 * file is checked on its own (cells, receivers and carriers of the scenario), then the scenario as a whole;
 * every problem, including one found only across files (the same order id twice), names file and line.
 */
export async function withOrderFiles(scenario: Scenario, files: readonly string[]): Promise<Scenario> {
  const receivers = new Set(scenario.receivers.map((r) => r.id));
  const carriers = new Set(scenario.carriers.map((c) => c.id));
  const checks = {
    knownReceiver: (id: string) => receivers.has(id),
    knownCarrier: (id: string) => carriers.has(id),
  };
  const orders: Order[] = [];
  const origin: { file: string; line: number }[] = [];
  const issues: OrderFileIssue[] = [];
  for (const file of files) {
    try {
      const read = await readOrdersFile(file, checks);
      read.orders.forEach((o, i) => {
        orders.push(o);
        origin.push({ file, line: read.lines[i] as number });
      });
    } catch (err) {
      if (!(err instanceof OrdersFileError)) throw err;
      pushAll(issues, err.issues);
    }
  }
  if (issues.length > 0) throw filesError(issues);
  const parsed = scenarioSchema.safeParse({ ...scenario, orders });
  if (parsed.success) return parsed.data;
  throw filesError(
    toFieldIssues(parsed.error).map((issue) => {
      const m = /^orders\[(\d+)\]\.?(.*)$/.exec(issue.path);
      const at = m ? origin[Number(m[1])] : undefined;
      return at
        ? { ...at, message: `${m?.[2] ? `${m[2]}: ` : ''}${issue.message}` }
        : { file: files.join(', '), line: 1, message: `${issue.path}: ${issue.message}` };
    }),
  );
}
