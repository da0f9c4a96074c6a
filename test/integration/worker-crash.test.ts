import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/queue/connection.ts';
import { parseTaskJobId, QUEUES } from '../../src/queue/queue-names.ts';
import type { Plan } from '../../src/contracts/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { bearer, KEYS, startStack, tinyScenario, until, type Stack } from './harness.ts';

let stack: Stack;

beforeAll(async () => {
  // Wall clock here: the task must still be running when its worker is killed.
  stack = await startStack('crash', {}, 0);
});
afterAll(async () => {
  await stack?.stop();
});

describe('a SIGKILLed worker', () => {
  it('loses its task to another worker after the lock expires; the task and the plan complete once', async () => {
    const prefix = stack.config.queue.prefix;
    const connections = [createRedis(stack.redis.url, 'blocking'), createRedis(stack.redis.url, 'blocking')];
    const planEvents = new QueueEvents(QUEUES.plans, { connection: connections[0]!, prefix });
    const taskEvents = new QueueEvents(QUEUES.tasks, { connection: connections[1]!, prefix });
    await Promise.all([planEvents.waitUntilReady(), taskEvents.waitUntilReady()]);
    const completions: string[] = [];
    planEvents.on('completed', ({ jobId }) => completions.push(jobId));
    taskEvents.on('completed', ({ jobId }) => completions.push(jobId));
    try {
      // this worker's solves get an iteration budget they cannot finish, so its pooled task is surely still
      // running (until the scenario's 2 s cap) when the test looks for it, on a quiet machine as on a busy one
      const first = await stack.startWorker({ PICON_MAX_ITERATIONS: '100000000' });
      const scenario = {
        ...tinyScenario(),
        name: 'crash test',
        options: { ...tinyScenario().options, timeLimitSeconds: 2 },
      };
      const res = await fetch(`${stack.api.url}/v1/plans`, {
        method: 'POST',
        headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
        body: JSON.stringify(scenario),
      });
      const { id } = (await res.json()) as { id: string };
      // The hub's pooled task has the largest share of the time limit: kill the worker while it runs.
      const victim = await until('a running pooled task', async () => {
        const active = await stack.api.planJobs.tasks.getJobs(['active']);
        return active.find((j) => {
          const p = j.progress as { percent?: number; phase?: string } | undefined;
          return (
            parseTaskJobId(j.id ?? '')?.planId === id &&
            (j.data as { task?: { kind?: string } }).task?.kind === 'pooled' &&
            typeof p?.percent === 'number' &&
            p.percent < 50
          );
        });
      });
      first.kill('SIGKILL');
      await first.exited;
      const killedAt = Date.now();
      expect(await stack.api.planJobs.plans.getJob(id).then((j) => j?.getState())).toBe('waiting-children');

      const second = await stack.startWorker();
      const plan = await until(
        'completion by the second worker',
        async () => {
          const j = await stack.api.planJobs.plans.getJob(id);
          // read again once completed: a job read just before it completed has no return value yet
          return (await j?.getState()) === 'completed' ? stack.api.planJobs.plans.getJob(id) : undefined;
        },
        40_000,
      );
      await new Promise((r) => setTimeout(r, 1500)); // a duplicate completion would show up by now
      expect(completions.filter((c) => c === id)).toEqual([id]);
      expect(completions.filter((c) => c === victim.id)).toEqual([victim.id]);
      const task = await stack.api.planJobs.tasks.getJob(victim.id!);
      expect(task?.stalledCounter).toBe(1);
      expect(task?.attemptsStarted).toBe(2);
      expect(task?.processedBy).not.toBe(victim.processedBy);
      const result = (await stack.api.planJobs.results.resolve(plan?.returnvalue)) as Plan;
      expect(result.schemaVersion).toBe(1);
      // taken over mid-solve, the plan is still feasible and every figure right
      expect(auditPlan(scenario, result)).toEqual([]);
      expect(Date.now() - killedAt).toBeLessThan(30_000);

      // SIGTERM closes the surviving worker gracefully.
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(second.output()).toContain('SIGTERM, finishing running jobs');
    } finally {
      await Promise.all([planEvents.close(), taskEvents.close()]);
      for (const c of connections) c.disconnect();
    }
  });
});
