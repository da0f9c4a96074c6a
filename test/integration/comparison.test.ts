import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComparison } from '../../src/cli/run-comparison.ts';
import { comparisonSchema, parseComparison } from '../../src/contracts/index.ts';
import type { Plan } from '../../src/contracts/index.ts';
import { jobOptions } from '../../src/queue/bull-plan-jobs.ts';
import type { TaskJobData } from '../../src/queue/job-payloads.ts';
import { JOB_NAMES } from '../../src/queue/queue-names.ts';
import { auditPlan } from '../support/audit/index.ts';
import { bearer, KEYS, startStack, tinyScenario, until, type Stack } from './harness.ts';

let stack: Stack;
/** Two variants' plans, each a flow of children: about 30 s at a load of 19 on 2 cores, 5 s when quiet. */
const PLANNED_WITHIN_MS = 120_000;

beforeAll(async () => {
  // a cap the plans below never reach, even on a loaded machine: they stop on their effort's iteration budget
  stack = await startStack('comparison', {
    PICON_WORKER_CONCURRENCY: '2',
    PICON_MAX_TIME_LIMIT_SECONDS: '60',
    PICON_LOCK_DURATION_MS: '90000',
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe(
  'comparison flow (BullMQ parent + one plan flow per variant)',
  { timeout: 2 * PLANNED_WITHIN_MS },
  () => {
    it("aggregates each variant's KPIs and savings; each variant is also a readable plan", async () => {
      const base = tinyScenario();
      const variants = [
        { name: 'as is', scenario: { ...base, options: { ...base.options, timeLimitSeconds: 1, seed: 1 } } },
        {
          name: 'e-vans',
          scenario: {
            ...base,
            fleet: base.fleet.map((f) => ({ ...f, vehicleType: 'e-van' })),
            options: { ...base.options, timeLimitSeconds: 1, seed: 1 },
          },
        },
      ];
      const res = await fetch(`${stack.api.url}/v1/comparisons`, {
        method: 'POST',
        headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
        body: JSON.stringify({ variants }),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      type View = {
        status: string;
        progress: { variantsDone: number; variants: number };
        result?: {
          variants: {
            name: string;
            planId: string;
            kpis: { baseline: { vehicleKm: number } };
            savings: unknown;
            allocation: { carrierId: string }[];
          }[];
        };
        error?: string;
      };
      const view = await until(
        'comparison',
        async () => {
          const v = (await (
            await fetch(`${stack.api.url}/v1/comparisons/${id}`, { headers: bearer(KEYS.planner) })
          ).json()) as View;
          return v.status === 'completed' || v.status === 'failed' ? v : undefined;
        },
        PLANNED_WITHIN_MS,
      );
      expect(view.error).toBeUndefined();
      expect(view.status).toBe('completed');
      expect(view.progress).toEqual({ variantsDone: 2, variants: 2 });
      expect(view.result?.variants.map((v) => v.name)).toEqual(['as is', 'e-vans']);
      for (const v of view.result?.variants ?? []) {
        expect(v.allocation.map((a) => a.carrierId).sort()).toEqual(base.carriers.map((c) => c.id).sort());
        const plan = await fetch(`${stack.api.url}/v1/plans/${v.planId}`, { headers: bearer(KEYS.planner) });
        const body = (await plan.json()) as { status: string; result: Plan };
        expect(body.status).toBe('completed');
        const scenario = variants.find((x) => x.name === v.name)?.scenario;
        expect(auditPlan(scenario!, body.result)).toEqual([]);
        // the comparison shows the variant plan's own figures
        expect(v.kpis.baseline).toEqual(body.result.baseline.kpis);
        expect(v.savings).toEqual(body.result.savings);
        // A flow of flows: each variant plan was itself split into task children.
        const variantJob = await stack.api.planJobs.plans.getJob(v.planId);
        expect((await variantJob!.getDependenciesCount()).processed).toBeGreaterThan(0);
      }
      const again = await fetch(`${stack.api.url}/v1/comparisons`, {
        method: 'POST',
        headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
        body: JSON.stringify({ variants }),
      });
      expect(((await again.json()) as { id: string }).id).toBe(id);
    });

    it('takes a base and merge patches, and returns what picon compare computes in-process', async () => {
      const tiny = tinyScenario();
      // a cap neither the workers nor the in-process run reach (a capped plan stops early and differs)
      const base = { ...tiny, options: { ...tiny.options, seed: 11, effort: 'quick', timeLimitSeconds: 60 } };
      const body = {
        base,
        variants: [
          { name: 'as is', description: 'the tiny day' },
          { name: 'truck trunks', each: [{ in: 'carriers', patch: { trunkVehicleType: 'rigid-truck' } }] },
        ],
      };
      const res = await fetch(`${stack.api.url}/v1/comparisons`, {
        method: 'POST',
        headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      const view = await until(
        'comparison',
        async () => {
          const v = (await (
            await fetch(`${stack.api.url}/v1/comparisons/${id}`, { headers: bearer(KEYS.planner) })
          ).json()) as { status: string; result?: unknown; error?: string };
          return v.status === 'completed' || v.status === 'failed' ? v : undefined;
        },
        PLANNED_WITHIN_MS,
      );
      expect(view.error).toBeUndefined();
      expect(comparisonSchema.safeParse(view.result).success).toBe(true);
      const served = (view.result as { variants: { timeCapped: boolean }[] }).variants;
      const local = runComparison(parseComparison(body, () => [])).variants;
      expect(served.map((v) => v.timeCapped)).toEqual([false, false]);
      expect(served).toEqual(local.map((v) => ({ ...v, planId: expect.stringMatching(/-v\d$/) })));
    });

    it('fails an invalid job payload at once (UnrecoverableError), without retries', async () => {
      const job = await stack.api.planJobs.plans.add(
        'plan',
        { schemaVersion: 1, scenario: { name: 'broken' } },
        { ...jobOptions(stack.config), jobId: 'broken-payload' },
      );
      const failed = await until('failure', async () =>
        (await job.getState()) === 'failed' ? true : undefined,
      );
      expect(failed).toBe(true);
      const after = await stack.api.planJobs.plans.getJob('broken-payload');
      expect(stack.config.queue.attempts).toBeGreaterThan(1);
      expect(after?.attemptsMade).toBe(1);
      expect(after?.failedReason).toContain('invalid plan job payload');
    });
  },
);

describe('retry decisions of the sandboxed processors', () => {
  it('fails a task whose input the planner rejects (an InputError) at once, naming the reference', async () => {
    const scenarioHash = await stack.api.planJobs.scenarios.put(tinyScenario());
    const data: TaskJobData = {
      schemaVersion: 2,
      scenarioHash,
      seed: 1,
      timeLimitSeconds: 1,
      task: { kind: 'baseline', carrierId: 'no-such-carrier', zone: 0, zones: 1 },
      budget: { iterations: 100, timeLimitMs: 500 },
    };
    const job = await stack.api.planJobs.tasks.add(JOB_NAMES.task, data, {
      ...jobOptions(stack.config),
      jobId: 'unknown-carrier-task',
    });
    await until('failure', async () => ((await job.getState()) === 'failed' ? true : undefined));
    const after = await stack.api.planJobs.tasks.getJob('unknown-carrier-task');
    expect(stack.config.queue.attempts).toBeGreaterThan(1);
    expect(after?.attemptsMade).toBe(1);
    expect(after?.failedReason).toBe(
      'cannot solve this task: task refers to carrier "no-such-carrier", which the scenario does not have',
    );
  });
});
