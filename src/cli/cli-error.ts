/** Exit codes of `picon`: 2 = fix your input (file, field, option), 1 = picon failed (a bug: please report). */
export const EXIT_CODES = { ok: 0, internal: 1, input: 2 } as const;

/**
 * An error the user can fix (bad file, bad field): printed as one message without a stack trace. No imports:
 * the option parsers that throw it are loaded by every call, `--help` included (cli-failure.ts maps errors).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_CODES.input,
  ) {
    super(message);
  }
}
