import { recreate } from './recreate.ts';
import { DEFAULT_STRING_RUIN, ruinStrings } from './ruin-strings.ts';
import { removeRange } from './removal.ts';
import { BLINK_RATE } from './sisr.ts';
import type { SearchContext } from './search-context.ts';

/**
 * SISR fleet minimisation: take the best complete solution, empty one route, and ruin-and-recreate
 * without opening vehicles; a candidate is kept when it leaves fewer jobs out, or as many with a lower
 * sum of absences (how often each left-out job was left out before), which steers the search towards
 * placing the hard jobs. When every job is placed again, one vehicle fewer is the new best.
 * Runs until the budget share `untilFraction`; leaves the best complete solution in `ctx.sol`.
 */
export function minimiseFleet(ctx: SearchContext, untilFraction: number): void {
  const { sol, rng, budget, inst } = ctx;
  if (sol.unassigned.length > 0) return;
  const absences = new Float64Array(inst.n);
  const absenceSum = (): number => sol.unassigned.reduce((s, j) => s + absences[j]!, 0);
  let best = sol.snapshot();
  const stop = (): boolean => {
    const p = budget.progress(sol.cost());
    return budget.done(p) || p.fraction >= untilFraction;
  };
  while (!stop()) {
    const used = sol.routes.filter((r) => r.jobs > 0);
    if (used.length <= 1) break;
    const victim = used.reduce((a, b) =>
      b.jobs < a.jobs || (b.jobs === a.jobs && rng.next() < 0.5) ? b : a,
    );
    sol.begin();
    sol.unassigned = removeRange(sol, victim.v, 1, victim.nodes.length - 1);
    sol.commit();
    let current = { u: sol.unassigned.length, abs: absenceSum() };
    while (sol.unassigned.length > 0 && !stop()) {
      sol.begin();
      const removed = ruinStrings(sol, ctx.neighbours, rng, DEFAULT_STRING_RUIN);
      const toInsert = removed.concat(sol.unassigned);
      sol.unassigned = [];
      recreate(sol, toInsert, ctx.recreate, { blinkRate: BLINK_RATE, allowOpen: false, openPenalty: 0 });
      budget.iteration++;
      for (const j of sol.unassigned) absences[j]!++;
      const cand = { u: sol.unassigned.length, abs: absenceSum() };
      if (cand.u < current.u || (cand.u === current.u && cand.abs < current.abs)) {
        sol.commit();
        current = cand;
      } else sol.rollback();
    }
    if (sol.unassigned.length > 0) break;
    best = sol.snapshot();
    ctx.params.onProgress?.(budget.progress(sol.cost()));
  }
  sol.restore(best, []);
}
