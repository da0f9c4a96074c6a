import { describe, expect, it } from 'vitest';
import { gameThreadCount, threadGamePricer } from '../../src/cli/game-threads.ts';
import { planScenario, planScenarioWith } from '../../src/planner/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';

// `picon plan` prices the cost game's coalitions on one worker thread per core: c(S) is a function of the day
// and the game's parts, so the plan must be the one planScenario makes alone, to the cent and the metre
describe('the cost game on worker threads', () => {
  const day = generateCityDay({ city: 'lille', receivers: 30, seed: 12, carriers: 5 });
  const scenario = { ...day, options: { ...day.options, seed: 12, effort: 'quick' as const } };
  const options = { maxIterations: 200 };

  it('gives planScenario’s plan, priced by two threads taking chunks as they finish', async () => {
    const chunksSeen: number[] = [];
    const threaded = await planScenarioWith(
      scenario,
      async (parts, chunks, onChunk) => {
        const price = threadGamePricer(scenario, options, 2);
        return price(parts, chunks, (done) => {
          chunksSeen.push(done);
          onChunk(done);
        });
      },
      options,
    );
    const alone = planScenario(scenario, options);
    const strip = (p: typeof alone) => ({ ...p, meta: { ...p.meta, solveSeconds: 0 } });
    expect(strip(threaded)).toEqual(strip(alone));
    expect(threaded.allocationGame?.coalitions).toHaveLength(2 ** 5 - 1);
    // 30 coalitions to price: 2 chunks of 15, one per thread
    expect(chunksSeen).toEqual([15, 30]);
    expect(auditPlan(scenario, threaded)).toEqual([]);
  });

  it('never starts a lone thread: on one core the main thread prices the game itself', () => {
    expect(gameThreadCount()).not.toBe(1);
  });
});
