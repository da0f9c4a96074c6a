import type { SandboxedJob } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { formatIssues } from '../src/contracts/index.ts';
import { priceCoalitions, solveContext } from '../src/planner/index.ts';
import { toJobFailure } from '../src/queue/job-errors.ts';
import type { CoalitionResult } from '../src/queue/job-payloads.ts';
import { coalitionJobSchema } from '../src/queue/job-payloads.ts';
import { gamePartsStore, loadCity, solveOptions, throttledProgress } from './sandbox-context.ts';

/**
 * A cost-game child of a plan flow (run in the task sandbox): prices a chunk of coalitions with the same
 * `coalitionPricer` the in-process plan uses, against the game's parts the parent stored. c(S) is a function of
 * the day, the seed, the effort and the parts (every coalition's solve starts from the same warm start with the
 * same seed), so a chunk priced here gives exactly the costs the plan would have priced itself.
 */
export async function processCoalitionJob(job: SandboxedJob): Promise<CoalitionResult> {
  const payload = coalitionJobSchema.safeParse(job.data);
  if (!payload.success)
    throw new UnrecoverableError(`invalid cost-game job payload:\n${formatIssues(payload.error)}`);
  const { scenarioHash, seed, timeLimitSeconds, partsHash, coalitions } = payload.data;
  try {
    const { city } = await loadCity(scenarioHash, seed, timeLimitSeconds);
    const parts = await gamePartsStore().get(partsHash);
    if (!parts) throw new UnrecoverableError(`cost-game parts ${partsHash} are no longer stored (expired?)`);
    const all = 2 ** city.carriers.length - 1;
    const stray = coalitions.find((c) => c >= all);
    if (stray !== undefined)
      throw new UnrecoverableError(
        `coalition ${stray} is not a proper coalition of ${city.carriers.length} carriers`,
      );
    const report = throttledProgress(job);
    return priceCoalitions(city, parts, solveContext(city, solveOptions()), coalitions, (done) =>
      report(() => ({
        percent: Math.round((100 * done) / coalitions.length),
        phase: 'cost-game',
        bestCost: null,
      })),
    );
  } catch (err) {
    throw toJobFailure(err, 'cannot price these coalitions');
  }
}
