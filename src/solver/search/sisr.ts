import { Annealing, better } from './acceptance.ts';
import { recreate } from './recreate.ts';
import { DEFAULT_STRING_RUIN, ruinStrings } from './ruin-strings.ts';
import { BestKeeper, ProgressReporter, scoreOf, type SearchContext } from './search-context.ts';

/** SISR temperatures as multiples of the typical arc cost (paper: T0 = 100, Tf = 1 on Solomon). */
export const T0_PER_ARC = 10;
export const TEND_PER_ARC = 0.1;
/** Probability to skip a position during greedy insertion (SISR: 0.01). */
export const BLINK_RATE = 0.01;
/** Cost of opening a vehicle under objective 'vehicles': larger than any route cost change. */
const VEHICLE_PENALTY_PER_ARC = 1e6;

/**
 * Ruin (adjacent strings) and recreate (greedy with blinks) under simulated annealing, from the
 * budget share `fromFraction` to the end. Leaves the best solution found in `ctx.sol`.
 */
export function runSisr(ctx: SearchContext, fromFraction: number): void {
  const { sol, rng, budget } = ctx;
  const t = ctx.params.temperature ?? { start: T0_PER_ARC, end: TEND_PER_ARC };
  const annealing = new Annealing(t.start * ctx.arcScale, t.end * ctx.arcScale);
  const reporter = new ProgressReporter(ctx);
  const openPenalty = ctx.byVehicles ? VEHICLE_PENALTY_PER_ARC * ctx.arcScale : 0;
  let current = scoreOf(ctx);
  const best = new BestKeeper(sol, current);
  for (;;) {
    const progress = budget.progress(best.score.cost);
    if (budget.done(progress)) break;
    const phase = fromFraction >= 1 ? 1 : (progress.fraction - fromFraction) / (1 - fromFraction);
    sol.begin();
    const removed = ruinStrings(sol, ctx.neighbours, rng, DEFAULT_STRING_RUIN);
    const toInsert = removed.concat(sol.unassigned);
    sol.unassigned = [];
    recreate(sol, toInsert, ctx.recreate, { blinkRate: BLINK_RATE, allowOpen: true, openPenalty });
    const candidate = scoreOf(ctx);
    budget.iteration++;
    if (annealing.accept(candidate, current, phase, rng)) {
      sol.commit();
      current = candidate;
      if (better(candidate, best.score)) {
        best.save(candidate);
        reporter.report(candidate.cost, true);
        continue;
      }
    } else sol.rollback();
    reporter.report(best.score.cost, false);
  }
  best.restoreInto();
}
