import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/cli-error.ts';
import { registerGenerate } from '../../src/cli/commands/generate.ts';
import { scenarioSchema } from '../../src/contracts/scenario.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';

async function run(...args: string[]): Promise<void> {
  const program = new Command('picon').exitOverride();
  registerGenerate(program);
  await program.parseAsync(['generate', ...args], { from: 'user' });
}

describe('picon generate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the scenario to stdout', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    await run('--city', 'lille', '--receivers', '12', '--seed', '3', '--carriers', '6');
    const scenario = scenarioSchema.parse(JSON.parse(chunks.join('')));
    expect(scenario).toEqual(generateCityDay({ city: 'lille', receivers: 12, seed: 3, carriers: 6 }));
  });

  it('writes the scenario to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'picon-generate-'));
    try {
      const out = join(dir, 'day.json');
      await run('--city', 'lille', '--receivers', '5', '--seed', '8', '--out', out);
      const scenario = scenarioSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
      expect(scenario.receivers).toHaveLength(5);
      expect(scenario.carriers).toHaveLength(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generates Lyon with --city lyon (any case)', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    await run('--city', 'Lyon', '--receivers', '7', '--seed', '4');
    const scenario = scenarioSchema.parse(JSON.parse(chunks.join('')));
    expect(scenario).toEqual(generateCityDay({ city: 'lyon', receivers: 7, seed: 4, carriers: 10 }));
  });

  it.each([
    ['lyom', 'lyon'],
    ['lile', 'lille'],
  ])('names the nearest city for --city %s', async (typo, near) => {
    const err = await run('--city', typo, '--receivers', '5', '--seed', '1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toBe(
      `--city must be one of lille, lyon, got "${typo}" (did you mean "${near}"?)`,
    );
  });

  it.each([
    [['--receivers', '5', '--seed', '1'], /--city/],
    [['--city', 'paris', '--receivers', '5', '--seed', '1'], /--city/],
    [['--city', 'lille', '--seed', '1'], /--receivers/],
    [['--city', 'lille', '--receivers', 'ten', '--seed', '1'], /--receivers/],
    [['--city', 'lille', '--receivers', '0', '--seed', '1'], /--receivers/],
    [['--city', 'lille', '--receivers', '5'], /--seed/],
    [['--city', 'lille', '--receivers', '5', '--seed', '-3'], /--seed/],
    [['--city', 'lille', '--receivers', '5', '--seed', '1.5'], /--seed/],
    [['--city', 'lille', '--receivers', '5', '--seed', '1', '--carriers', '2'], /--carriers/],
    [['--city', 'lille', '--receivers', '5', '--seed', '1', '--out', '/nonexistent-dir/x.json'], /--out/],
  ])('rejects %j with a CliError naming the option', async (args, message) => {
    const err = await run(...args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toMatch(message);
  });
});
