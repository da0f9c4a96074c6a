import { errorIssues, errorKind, isPlanningError } from '../contracts/index.ts';
import { CliError, EXIT_CODES } from './cli-error.ts';

/**
 * The one map from an error to what `picon` prints and its exit code. Input errors (a CliError, a
 * PlanningError of kind `input`, a failed validation) name what to fix and exit 2; anything else is internal
 * and exits 1.
 */
export function cliFailure(err: unknown): { exitCode: number; message: string } {
  if (err instanceof CliError) return { exitCode: err.exitCode, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  if (errorKind(err) === 'input') return { exitCode: EXIT_CODES.input, message: inputMessage(err, message) };
  return { exitCode: EXIT_CODES.internal, message: `internal error: ${message}` };
}

/** `field: message` for a PlanningError that blames a field, one line per field for a failed validation. */
function inputMessage(err: unknown, message: string): string {
  if (isPlanningError(err))
    return err.field === undefined || message.includes(err.field) ? message : `${err.field}: ${message}`;
  const issues = errorIssues(err);
  if (issues.length === 0) return message;
  return ['invalid input:', ...issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n');
}
