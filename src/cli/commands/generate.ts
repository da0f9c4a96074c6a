import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { closestName } from '../../contracts/closest-name.ts';
import {
  DEFAULT_CARRIERS,
  GENERATOR_CITIES,
  MAX_CARRIERS,
  MAX_RECEIVERS,
  MIN_CARRIERS,
  generateCityDay,
} from '../../scenario-gen/index.ts';
import type { GeneratorCity } from '../../scenario-gen/index.ts';
import { CliError } from '../cli-error.ts';

interface GenerateFlags {
  city?: string;
  receivers?: string;
  seed?: string;
  carriers?: string;
  out?: string;
}

/** Parses a whole number option in [min, max]; the error names the option. */
function integerOption(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new CliError(`missing required option --${name}`);
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new CliError(`--${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return value;
}

function cityOption(raw: string | undefined): GeneratorCity {
  if (raw === undefined) throw new CliError('missing required option --city');
  const city = GENERATOR_CITIES.find((c) => c === raw.trim().toLowerCase());
  if (!city) {
    const near = closestName(raw.trim(), GENERATOR_CITIES);
    throw new CliError(
      `--city must be one of ${GENERATOR_CITIES.join(', ')}, got "${raw}"${near ? ` (did you mean "${near}"?)` : ''}`,
    );
  }
  return city;
}

/**
 * `picon generate --city lille|lyon --receivers N --seed S [--carriers C] [--out FILE]`: writes a synthetic,
 * seeded scenario as JSON to FILE or stdout.
 * @throws CliError when an option is missing or out of range, or FILE cannot be written.
 */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Generate a realistic synthetic scenario (one delivery day in a city centre) as JSON')
    .option('--city <name>', `city to generate (${GENERATOR_CITIES.join(', ')})`)
    .option('--receivers <n>', `number of receivers (1–${MAX_RECEIVERS})`)
    .option('--seed <n>', 'random seed, an integer ≥ 0; the same seed gives the same scenario')
    .option(
      '--carriers <n>',
      `number of carriers (${MIN_CARRIERS}–${MAX_CARRIERS})`,
      String(DEFAULT_CARRIERS),
    )
    .option('--out <file>', 'write the scenario to this file instead of stdout')
    .action(async (flags: GenerateFlags) => {
      // loaded when the command runs: the wire schema (zod) is no concern of `--help`
      const { scenarioSchema } = await import('../../contracts/scenario.ts');
      const scenario = generateCityDay({
        city: cityOption(flags.city),
        receivers: integerOption('receivers', flags.receivers, 1, MAX_RECEIVERS),
        seed: integerOption('seed', flags.seed, 0, 0xffffffff),
        carriers: integerOption('carriers', flags.carriers, MIN_CARRIERS, MAX_CARRIERS),
      });
      // The generator is tested against the schema; checking again here costs little and guards the contract.
      const checked = scenarioSchema.safeParse(scenario);
      if (!checked.success) throw new Error(`generated scenario is invalid: ${checked.error.message}`);
      const json = `${JSON.stringify(scenario, null, 2)}\n`;
      if (flags.out === undefined) {
        process.stdout.write(json);
        return;
      }
      try {
        writeFileSync(flags.out, json);
      } catch (err) {
        throw new CliError(
          `--out: cannot write "${flags.out}": ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    });
}
