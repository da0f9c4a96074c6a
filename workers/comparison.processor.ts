import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Plan } from '../src/contracts/index.ts';
import type { Comparison } from '../src/contracts/ports.ts';
import { comparisonJobSchema } from '../src/queue/job-payloads.ts';

/**
 * Parent of a comparison flow: runs once every variant child has completed, and only aggregates
 * (no solving), so it runs in the worker process itself. Children keys end with `-v{index}`.
 */
export async function processComparisonJob(job: Job): Promise<Comparison> {
  const payload = comparisonJobSchema.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError('invalid comparison job payload');
  const values = await job.getChildrenValues<Plan>();
  const byIndex = new Map<number, { planId: string; plan: Plan }>();
  for (const [key, plan] of Object.entries(values)) {
    const planId = key.slice(key.lastIndexOf(':') + 1);
    const match = /-v(\d+)$/.exec(planId);
    if (match) byIndex.set(Number(match[1]), { planId, plan });
  }
  const variants = payload.data.names.map((name, i) => {
    const child = byIndex.get(i);
    if (!child) throw new UnrecoverableError(`variant ${i} ("${name}") has no result`);
    const { plan, planId } = child;
    return {
      name,
      planId,
      kpis: { baseline: plan.baseline.kpis, consolidated: plan.consolidated.kpis },
      savings: plan.savings,
    };
  });
  return { variants };
}
