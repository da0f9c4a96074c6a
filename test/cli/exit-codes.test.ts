import type { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { CliError, EXIT_CODES } from '../../src/cli/cli-error.ts';
import { cliFailure } from '../../src/cli/cli-failure.ts';
import { InputError, InternalError } from '../../src/domain/errors.ts';

// `picon boom` throws whatever the test puts here, so main's own catch is what is tested.
const toThrow: { err: unknown } = { err: undefined };
vi.mock('../../src/cli/commands/index.ts', () => ({
  registerCommands: (program: Command) => {
    program.command('boom').action(() => {
      throw toThrow.err;
    });
  },
}));
const { main } = await import('../../src/cli/main.ts');

describe('exit codes: input -> 2, internal -> 1', () => {
  it('maps each kind of error once', () => {
    const zod = scenarioSchema.safeParse({ name: 'x' }).error;
    expect(cliFailure(new InputError('UNKNOWN_REFERENCE', 'no hub "H9"', { field: 'task.hubId' }))).toEqual({
      exitCode: 2,
      message: 'task.hubId: no hub "H9"',
    });
    expect(cliFailure(new CliError('--seed must be an integer'))).toEqual({
      exitCode: 2,
      message: '--seed must be an integer',
    });
    const validation = cliFailure(zod);
    expect(validation.exitCode).toBe(2);
    expect(validation.message).toMatch(/^invalid input:\n {2}date: /m);
    expect(cliFailure(new InternalError('BROKEN_INVARIANT', 'vehicle index 7'))).toEqual({
      exitCode: 1,
      message: 'internal error: vehicle index 7',
    });
    expect(cliFailure(new RangeError('index 3'))).toEqual({
      exitCode: 1,
      message: 'internal error: index 3',
    });
    expect(EXIT_CODES).toEqual({ ok: 0, internal: 1, input: 2 });
  });

  describe('through main', () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    afterEach(() => {
      stderr.length = 0;
    });

    it('exits 2 and names the field for an input error', async () => {
      toThrow.err = new InputError('INVALID_VALUE', 'fullKWhPerKm is below emptyKWhPerKm', {
        field: 'vehicleTypes[id=v].energy.fullKWhPerKm',
      });
      expect(await main(['node', 'picon', 'boom'])).toBe(2);
      expect(stderr.join('')).toBe(
        'picon: vehicleTypes[id=v].energy.fullKWhPerKm: fullKWhPerKm is below emptyKWhPerKm\n',
      );
    });

    it('exits 1 and says "internal error" for a bug', async () => {
      toThrow.err = new InternalError('BROKEN_INVARIANT', 'route of vehicle index 4');
      expect(await main(['node', 'picon', 'boom'])).toBe(1);
      expect(stderr.join('')).toBe('picon: internal error: route of vehicle index 4\n');
    });
  });
});
