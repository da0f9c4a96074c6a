import type { SandboxedJob } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { loadConfig, processEnv } from '../src/config/env.ts';
import type { Plan } from '../src/contracts/index.ts';
import { formatIssues } from '../src/contracts/index.ts';
import type { PlanProgress } from '../src/planner/index.ts';
import { planScenario } from '../src/planner/index.ts';
import { planJobSchema } from '../src/queue/job-payloads.ts';
import { stepClock } from './step-clock.ts';

/** Progress is sent at most this often: each update is a Redis write and an event to every listener. */
const PROGRESS_EVERY_MS = 250;

const config = loadConfig(processEnv());

/** Errors the planner raises for input it cannot plan: retrying would fail the same way. */
function isInvalidInput(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === 'INVALID_INPUT' || err.name === 'InvalidInputError' || err.name === 'ZodError';
}

/**
 * Sandboxed processor (own process): the CPU-bound solve never blocks the worker's event loop, so its lock
 * keeps being renewed. Re-validates the payload; invalid payloads fail at once (UnrecoverableError).
 */
export default async function processPlanJob(job: SandboxedJob): Promise<Plan> {
  const payload = planJobSchema.safeParse(job.data);
  if (!payload.success)
    throw new UnrecoverableError(`invalid plan job payload:\n${formatIssues(payload.error)}`);
  const { scenario, seed } = payload.data;
  const timeLimitSeconds = Math.min(payload.data.timeLimitSeconds, config.planner.maxTimeLimitSeconds);

  let lastSent = -Infinity;
  let bestCost: number | null = null;
  const onProgress = (p: PlanProgress) => {
    if (Number.isFinite(p.bestCost)) bestCost = p.bestCost;
    const now = performance.now();
    if (now - lastSent < PROGRESS_EVERY_MS) return;
    lastSent = now;
    // The solve is synchronous; the IPC message is written at once and forwarded by the parent.
    void job.updateProgress({ percent: p.percent, phase: p.phase, bestCost });
  };
  try {
    const plan = planScenario(scenario, {
      seed,
      timeLimitSeconds,
      onProgress,
      ...(config.planner.stepClockMs ? { clock: stepClock(config.planner.stepClockMs) } : {}),
    });
    await job.updateProgress({ percent: 100, phase: 'consolidated', bestCost });
    return plan;
  } catch (err) {
    if (isInvalidInput(err))
      throw new UnrecoverableError(`cannot plan this scenario: ${(err as Error).message}`);
    throw err; // transient or unknown: retried per config (attempts, exponential backoff)
  }
}
