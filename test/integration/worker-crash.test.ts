import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/queue/connection.ts';
import { QUEUES } from '../../src/queue/queue-names.ts';
import { bearer, KEYS, startStack, tinyScenario, until, type Stack } from './harness.ts';

let stack: Stack;

beforeAll(async () => {
  // Wall clock here: the job must still be running when its worker is killed.
  stack = await startStack('crash', {}, 0);
});
afterAll(async () => {
  await stack?.stop();
});

describe('a SIGKILLed worker', () => {
  it('loses its job to another worker after the lock expires, and the plan is produced once', async () => {
    const connection = createRedis(stack.redis.url, 'blocking');
    const events = new QueueEvents(QUEUES.plans, { connection, prefix: stack.config.queue.prefix });
    await events.waitUntilReady();
    const completions: string[] = [];
    events.on('completed', ({ jobId }) => completions.push(jobId));
    try {
      const first = await stack.startWorker();
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
      await until('first progress', async () => {
        const job = await stack.api.planJobs.plans.getJob(id);
        const p = job?.progress as { percent?: number } | undefined;
        return (await job?.getState()) === 'active' && typeof p?.percent === 'number' ? true : undefined;
      });
      first.kill('SIGKILL');
      await first.exited;
      const killedAt = Date.now();

      const second = await stack.startWorker();
      const job = await until(
        'completion by the second worker',
        async () => {
          const j = await stack.api.planJobs.plans.getJob(id);
          return (await j?.getState()) === 'completed' ? j : undefined;
        },
        40_000,
      );
      await new Promise((r) => setTimeout(r, 1500)); // a duplicate completion would show up by now
      expect(completions.filter((c) => c === id)).toEqual([id]);
      expect(job?.stalledCounter).toBe(1);
      expect(job?.attemptsStarted).toBe(2);
      expect((job?.returnvalue as { schemaVersion?: number }).schemaVersion).toBe(1);
      expect(Date.now() - killedAt).toBeLessThan(30_000);

      // SIGTERM closes the surviving worker gracefully.
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(second.output()).toContain('SIGTERM, finishing running jobs');
    } finally {
      await events.close();
      connection.disconnect();
    }
  });
});
