import { recreate, type RecreateContext } from '../search/recreate.ts';
import type { Solution } from '../search/solution.ts';

/**
 * Initial solution: cheapest insertion of every servable job (no blinks), in one of the recreate
 * orders. Jobs that fit nowhere stay unassigned; the search keeps retrying them.
 */
export function constructInitial(
  sol: Solution,
  servable: number[],
  ctx: RecreateContext,
  openPenalty: number,
): void {
  sol.begin();
  recreate(sol, servable.slice(), ctx, { blinkRate: 0, allowOpen: true, openPenalty });
  sol.commit();
}
