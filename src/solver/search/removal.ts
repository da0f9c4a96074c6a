import { DEPOT } from '../model/instance.ts';
import type { Solution } from './solution.ts';

/**
 * Removes positions [from, to) of route v (journaled) and returns the removed jobs. If the shorter day
 * became infeasible (travel times that break the triangle inequality), jobs at the violation are
 * removed too, so the solution stays feasible.
 */
export function removeRange(sol: Solution, v: number, from: number, to: number): number[] {
  sol.touch(v);
  const route = sol.routes[v]!;
  const removed = route.nodes.slice(from, to).filter((j) => j !== DEPOT);
  route.removeRange(from, to);
  route.recompute();
  while (!route.feasible && route.jobs > 0) {
    let p = route.violationAt;
    if (route.nodes[p]! === DEPOT) p--;
    removed.push(route.nodes[p]!);
    route.removeRange(p, p + 1);
    route.recompute();
  }
  for (const j of removed) sol.jobRoute[j] = -1;
  return removed;
}
