import type { Command } from 'commander';
import { ALLOCATION_OPTIONS, type AllocationOption } from '../contracts/allocation-rules.ts';
import type { Scenario } from '../contracts/scenario.ts';
import type { Effort } from '../domain/city.ts';
import { CliError } from './cli-error.ts';

/** The search options `picon plan` and `picon compare` share: what a plan is a function of, and the cap. */
export interface SearchOptions {
  readonly effort?: Effort;
  readonly maxIterations?: number;
  readonly seed?: number;
  readonly timeLimit?: number;
  readonly allocation?: AllocationOption;
}

export function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new CliError(`${name} must be a positive number, got "${value}"`);
    return n;
  };
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new CliError(`--max-iterations must be a positive integer, got "${value}"`);
  return n;
}

const EFFORT_LEVELS: readonly Effort[] = ['draft', 'quick', 'normal', 'thorough'];
function effortLevel(value: string): Effort {
  const level = EFFORT_LEVELS.find((e) => e === value);
  if (!level) throw new CliError(`--effort must be one of ${EFFORT_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

function allocationRule(value: string): AllocationOption {
  const rule = ALLOCATION_OPTIONS.find((r) => r === value);
  if (!rule)
    throw new CliError(`--allocation must be one of ${ALLOCATION_OPTIONS.join(', ')}, got "${value}"`);
  return rule;
}

/** The scenario with `--allocation` applied (it sets the scenario's own option, the one source of the rule). */
export function withAllocation<S extends Scenario>(scenario: S, opts: SearchOptions): S {
  return opts.allocation === undefined
    ? scenario
    : { ...scenario, options: { ...scenario.options, allocation: opts.allocation } };
}

function seedNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`--seed must be a non-negative integer, got "${value}"`);
  return n;
}

/** Adds --effort, --max-iterations, --seed and --time-limit to a command; `of` names what they apply to. */
export function withSearchOptions(command: Command, of: string): Command {
  return command
    .option(
      '--effort <level>',
      `search work of ${of}: draft (no search: a first feasible plan, fast), quick, normal (default) or thorough`,
      effortLevel,
    )
    .option(
      '--max-iterations <n>',
      "every solve's iteration budget, instead of the effort's",
      positiveInteger,
    )
    .option('--seed <n>', `random seed of ${of} (default: the scenario's own, else 1)`, seedNumber)
    .option(
      '--time-limit <seconds>',
      `wall-clock safety cap of ${of} (default 120); the output says when it binds`,
      positiveNumber('--time-limit'),
    )
    .option(
      '--allocation <rule>',
      `cost sharing between carriers in ${of}: shapley (default), proportional, scrb, nucleolus, or ` +
        'pro-rata-by-kg (prices no coalition: fast, but a carrier may pay more than alone)',
      allocationRule,
    );
}

/** The planner options the search options set (seed left out: the caller may vary it). */
export function searchOverrides(opts: SearchOptions): {
  timeLimitSeconds?: number;
  effort?: Effort;
  maxIterations?: number;
} {
  return {
    ...(opts.timeLimit !== undefined ? { timeLimitSeconds: opts.timeLimit } : {}),
    ...(opts.effort !== undefined ? { effort: opts.effort } : {}),
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
  };
}
