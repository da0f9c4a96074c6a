import { errorIssues, errorKind, isPlanningError } from '../contracts/index.ts';

/** Exit codes of `picon`: 2 = fix your input (file, field, option), 1 = picon failed (a bug: please report). */
export const EXIT_CODES = { ok: 0, internal: 1, input: 2 } as const;

/** An error the user can fix (bad file, bad field): printed as one message without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_CODES.input,
  ) {
    super(message);
  }
}

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
