import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig, processEnv } from '../src/config/env.ts';
import type { Scenario } from '../src/contracts/index.ts';
import type { PlanOptions } from '../src/planner/index.ts';
import { buildCity } from '../src/planner/index.ts';
import { createRedis } from '../src/queue/connection.ts';
import { ScenarioStore, scenarioTtlSeconds } from '../src/queue/scenario-store.ts';

/**
 * What the sandboxed processors (plan parents and task children) share inside one child process: the config,
 * one Redis connection (opened on first use) and the last scenario read, with its City. BullMQ reuses a
 * sandbox process for job after job, so the many tasks of one large day load and validate the day once.
 */
export const config = loadConfig(processEnv());

let redis: Redis | undefined;
export function sandboxRedis(): Redis {
  redis ??= createRedis(config.redis.url, 'blocking');
  return redis;
}

const store = () => new ScenarioStore(sandboxRedis(), config.queue.prefix, scenarioTtlSeconds(config.queue));

type City = ReturnType<typeof buildCity>;
let cached: { key: string; scenario: Scenario; city: City } | undefined;

/** The stored scenario and its City for this seed and time limit (cached: one entry, the last one). */
export async function loadCity(
  scenarioHash: string,
  seed: number,
  timeLimitSeconds: number,
): Promise<{ scenario: Scenario; city: City }> {
  const key = `${scenarioHash}/${seed}/${timeLimitSeconds}`;
  if (cached?.key === key) return cached;
  cached = undefined; // let a previous large day be collected before the next one is parsed
  const scenario = await store().get(scenarioHash);
  if (!scenario) throw new UnrecoverableError(`scenario ${scenarioHash} is no longer stored (expired?)`);
  cached = { key, scenario, city: buildCity(scenario, { seed, timeLimitSeconds }) };
  return cached;
}

/** The time limit a job may use: the one it asks for, capped by this deployment's maximum. */
export function effectiveTimeLimit(requestedSeconds: number): number {
  return Math.min(requestedSeconds, config.planner.maxTimeLimitSeconds);
}

/**
 * Solve options of this deployment: PICON_MAX_ITERATIONS replaces the effort's iteration budgets. Plans are
 * reproducible either way (iterations decide; the wall clock is only a cap), so the service's plan equals
 * `picon plan`'s for the same scenario, seed and effort.
 */
export function solveOptions(): Pick<PlanOptions, 'clock' | 'maxIterations'> {
  return config.planner.maxIterations ? { maxIterations: config.planner.maxIterations } : {};
}

/** At most one progress write per this many ms: each is a Redis write and an event to every listener. */
export const PROGRESS_EVERY_MS = 250;
