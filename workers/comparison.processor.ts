import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { comparisonVariant, type Plan } from '../src/contracts/index.ts';
import type { Comparison } from '../src/contracts/ports.ts';
import { comparisonJobSchema } from '../src/queue/job-payloads.ts';
import type { ResultStore } from '../src/queue/result-store.ts';

/**
 * Parent of a comparison flow: runs once every variant child has completed, and only aggregates
 * (no solving), so it runs in the worker process itself. Children keys end with `-v{index}`.
 */
export async function processComparisonJob(job: Job, results: ResultStore): Promise<Comparison> {
  const payload = comparisonJobSchema.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError('invalid comparison job payload');
  const returned = Object.entries(await job.getChildrenValues<unknown>());
  const byIndex = new Map<number, { planId: string; plan: Plan }>();
  for (const [key, value] of returned) {
    // each variant's plan, stored by reference by its plan job (workers are trusted, as for inline values)
    const plan = (await results.resolve(value)) as Plan;
    const planId = key.slice(key.lastIndexOf(':') + 1);
    const match = /-v(\d+)$/.exec(planId);
    if (match) byIndex.set(Number(match[1]), { planId, plan });
  }
  const variants = payload.data.names.map((name, i) => {
    const child = byIndex.get(i);
    if (!child) throw new UnrecoverableError(`variant ${i} ("${name}") has no result`);
    const description = payload.data.descriptions?.[i] ?? undefined;
    // the same row as `picon compare --json`, plus the variant's plan id
    return { ...comparisonVariant(name, child.plan, description), planId: child.planId };
  });
  return { variants };
}
