import { dayCost } from '../../evaluation/day-cost.ts';
import { DEPOT } from '../../model/instance.ts';
import type { Solution } from '../solution.ts';
import type { MoveContext } from './operator.ts';

/** A route's proposed new node sequence, with the version of the route it was derived from. */
export interface RouteChange {
  readonly v: number;
  readonly nodes: number[];
  readonly fromVersion: number;
}

/**
 * A local-search move: the routes it rewrites and the exact change of the summed route cost (every
 * changed day fully re-scheduled). Operators return only feasible moves, so a Move is feasible by
 * construction.
 */
export interface Move {
  readonly operator: string;
  readonly changes: readonly RouteChange[];
  /** New cost minus old cost of the changed routes (negative = improvement). */
  readonly delta: number;
}

/** Proposes `nodes` as the new sequence of route v (not applied). */
export function routeChange(sol: Solution, v: number, nodes: number[]): RouteChange {
  return { v, nodes, fromVersion: sol.routes[v]!.version };
}

/** Collapses consecutive depots (trips left empty) in place; the empty day stays `[DEPOT, DEPOT]`. */
export function dropEmptyTrips(nodes: number[]): number[] {
  for (let p = nodes.length - 1; p > 0; p--)
    if (nodes[p]! === DEPOT && nodes[p - 1]! === DEPOT && nodes.length > 2) nodes.splice(p, 1);
  return nodes;
}

/**
 * Exact cost change of a screened candidate, or +Infinity if it is infeasible: every changed day is
 * fully re-scheduled (windows, shift, capacity, trip duration, range), and vehicle types and trip
 * counts are checked. Reads the solution only.
 */
export function changeDelta(ctx: MoveContext, changes: readonly RouteChange[]): number {
  const { inst, sol } = ctx;
  let delta = 0;
  for (const c of changes) {
    const vehicle = inst.vehicles[c.v]!;
    let trips = 0;
    for (const x of c.nodes) {
      if (x === DEPOT) trips++;
      else if (inst.typeOk[x * inst.nTypes + vehicle.type] === 0) return Infinity;
    }
    if (c.nodes.length > 2 && trips - 1 > vehicle.maxTrips) return Infinity;
    const cost = dayCost(inst, c.v, c.nodes);
    if (cost === Infinity) return Infinity;
    delta += cost - sol.routes[c.v]!.cost;
  }
  return delta;
}

/** The candidate as a Move if it is feasible and lowers the cost by more than `ctx.epsilon`. */
export function improvingMove(
  ctx: MoveContext,
  operator: string,
  changes: readonly RouteChange[],
): Move | undefined {
  const delta = changeDelta(ctx, changes);
  return delta < -ctx.epsilon ? { operator, changes, delta } : undefined;
}

/**
 * Applies a move (journaled with touch, so rollback undoes it). Refuses a move evaluated on a route that
 * has changed since: its delta would no longer be its cost change.
 */
export function applyMove(sol: Solution, move: Move): void {
  for (const c of move.changes)
    if (sol.routes[c.v]!.version !== c.fromVersion)
      throw new Error(`${move.operator} move is stale: route ${c.v} changed after the move was evaluated`);
  for (const c of move.changes) sol.touch(c.v);
  for (const c of move.changes) sol.setNodes(c.v, c.nodes);
}
