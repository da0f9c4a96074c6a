import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { bearer, KEYS, startStack, until, type Stack } from '../integration/harness.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

// Finding 1 of issue 11: a day too large for a worker aborted its sandboxed solver at the heap limit, again at
// every retry, the plan stuck "active". With a (deliberately tiny) heap cap the job must fail once, clearly.
const CAP_MB = 48;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack('oom', {
    PICON_WORKER_MAX_OLD_SPACE_MB: String(CAP_MB),
    PICON_JOB_ATTEMPTS: '3',
    PICON_BODY_LIMIT: '50mb',
    // a long lock: under a loaded machine a stalled-job check must not retry the job for another reason
    PICON_LOCK_DURATION_MS: '120000',
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('a sandboxed solver over its heap cap', () => {
  // generous timeouts: under a full suite on a shared 2-core machine the solver child takes minutes to grow
  it(
    'fails the plan once with an out-of-memory error naming the cap, without retrying',
    { timeout: 300_000 },
    async () => {
      const scenario = withoutCostGame(generateCityDay({ city: 'lille', receivers: 4000, seed: 11 }));
      const res = await fetch(`${stack.api.url}/v1/plans`, {
        method: 'POST',
        headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
        body: JSON.stringify(scenario),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      const view = await until(
        'the plan to fail',
        async () => {
          const r = await fetch(`${stack.api.url}/v1/plans/${id}`, { headers: bearer(KEYS.planner) });
          const body = (await r.json()) as { status: string; error?: string };
          return body.status === 'failed' || body.status === 'completed' ? body : undefined;
        },
        240_000,
      );
      expect(view.status).toBe('failed');
      expect(view.error).toContain(`exceeded its ${CAP_MB} MB heap`);
      // not retried after running out of memory: the worker logged that failure once. The worker logs on
      // BullMQ's 'failed' event, after the job is failed in Redis, so the API can report it first: wait for
      // the line (an earlier attempt's line would have been logged before the retry that followed it)
      const failures = await until('the worker to log the failure', async () => {
        const lines = stack.workers[0]!.output().match(/failed \(attempt \d+\): out of memory/g) ?? [];
        return lines.length > 0 ? lines : undefined;
      });
      expect(failures).toHaveLength(1);
    },
  );
});
