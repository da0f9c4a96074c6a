import { InputError } from '../domain/errors.ts';

/** A route as plain data: it leaves `start`, visits `stops` in order and returns to `end` (default `start`). */
export interface StopRoute {
  readonly start: string;
  readonly end?: string;
  readonly stops: readonly string[];
}

export interface WarmStartOptions {
  /** Travel cost between two stop or depot ids (distance, or any additive cost). */
  readonly distance: (from: string, to: string) => number;
  /** May a route visit these stops in this order? (capacity, windows, shift: the planner's checks). Default: yes. */
  readonly feasible?: (route: StopRoute) => boolean;
  /** Improving moves applied at most (bounds the work so c(S) stays cheap and a function of its input). */
  readonly maxMoves?: number;
}

export interface WarmStartResult {
  readonly routes: StopRoute[];
  readonly cost: number;
  /** Cost right after removing the other carriers' stops, before any move: what the repair saved. */
  readonly costAfterRemoval: number;
  readonly moves: number;
}

export const MAX_WARM_START_STOPS = 100_000;

/**
 * A coalition's routes warm-started from the grand coalition's (issue 9: c(S) cheap enough for 4,095
 * coalitions): drop the stops of carriers outside S (`keep` says which stay), drop emptied routes, then repair
 * by first-improvement local search in a fixed order: 2-opt inside each route, then moving one stop to its best
 * position in another route (which can empty and so remove a route). Every move must strictly lower the cost
 * and pass `feasible`; at most `maxMoves` moves. Deterministic: the same input gives the same routes.
 */
export function coalitionRoutesWarmStart(
  routes: readonly StopRoute[],
  keep: (stopId: string) => boolean,
  options: WarmStartOptions,
): WarmStartResult {
  const { distance } = options;
  const feasible = options.feasible ?? (() => true);
  const maxMoves = options.maxMoves ?? 1000;
  if (!Number.isInteger(maxMoves) || maxMoves < 0)
    throw new InputError('INVALID_OPTION', `maxMoves must be a non-negative integer, got ${maxMoves}`, {
      field: 'maxMoves',
    });
  const stopCount = routes.reduce((a, r) => a + r.stops.length, 0);
  if (stopCount > MAX_WARM_START_STOPS)
    throw new InputError('INVALID_VALUE', `at most ${MAX_WARM_START_STOPS} stops, got ${stopCount}`, {
      field: 'routes',
    });

  const current: StopRoute[] = routes
    .map((r) => ({ ...r, stops: r.stops.filter(keep) }))
    .filter((r) => r.stops.length > 0);
  const routeCost = (r: StopRoute): number => {
    if (r.stops.length === 0) return 0;
    let total = distance(r.start, r.stops[0]!);
    for (let k = 1; k < r.stops.length; k++) total += distance(r.stops[k - 1]!, r.stops[k]!);
    return total + distance(r.stops[r.stops.length - 1]!, r.end ?? r.start);
  };
  const costAfterRemoval = current.reduce((a, r) => a + routeCost(r), 0);
  const EPS = 1e-9;
  let moves = 0;

  const twoOpt = (ri: number): boolean => {
    const r = current[ri]!;
    const base = routeCost(r);
    for (let i = 0; i < r.stops.length - 1; i++)
      for (let j = i + 1; j < r.stops.length; j++) {
        const stops = [...r.stops.slice(0, i), ...r.stops.slice(i, j + 1).reverse(), ...r.stops.slice(j + 1)];
        const candidate = { ...r, stops };
        if (routeCost(candidate) < base - EPS && feasible(candidate)) {
          current[ri] = candidate;
          return true;
        }
      }
    return false;
  };

  const relocate = (from: number): boolean => {
    const source = current[from]!;
    for (let k = 0; k < source.stops.length; k++) {
      const stop = source.stops[k]!;
      const rest = { ...source, stops: source.stops.filter((_, i) => i !== k) };
      const removalGain = routeCost(source) - routeCost(rest);
      let best: { to: number; route: StopRoute; delta: number } | undefined;
      current.forEach((target, to) => {
        if (to === from) return;
        const base = routeCost(target);
        for (let p = 0; p <= target.stops.length; p++) {
          const route = { ...target, stops: [...target.stops.slice(0, p), stop, ...target.stops.slice(p)] };
          const delta = routeCost(route) - base - removalGain;
          if (delta < -EPS && (!best || delta < best.delta - EPS) && feasible(route))
            best = { to, route, delta };
        }
      });
      if (best && (rest.stops.length === 0 || feasible(rest))) {
        current[best.to] = best.route;
        current[from] = rest;
        return true;
      }
    }
    return false;
  };

  let improved = true;
  while (improved && moves < maxMoves) {
    improved = false;
    for (let ri = 0; ri < current.length && moves < maxMoves; ri++)
      while (moves < maxMoves && twoOpt(ri)) {
        moves++;
        improved = true;
      }
    for (let ri = 0; ri < current.length && moves < maxMoves; ri++)
      if (relocate(ri)) {
        moves++;
        improved = true;
      }
  }
  const kept = current.filter((r) => r.stops.length > 0);
  return { routes: kept, cost: kept.reduce((a, r) => a + routeCost(r), 0), costAfterRemoval, moves };
}
