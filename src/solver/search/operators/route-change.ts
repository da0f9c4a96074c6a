import { dayCost } from '../../evaluation/day-cost.ts';
import { DEPOT } from '../../model/instance.ts';
import type { MoveContext } from './operator.ts';

/** A route's proposed new node sequence. */
export interface RouteChange {
  readonly v: number;
  readonly nodes: number[];
}

/** Collapses consecutive depots (trips left empty) in place; the empty day stays `[DEPOT, DEPOT]`. */
export function dropEmptyTrips(nodes: number[]): number[] {
  for (let p = nodes.length - 1; p > 0; p--)
    if (nodes[p]! === DEPOT && nodes[p - 1]! === DEPOT && nodes.length > 2) nodes.splice(p, 1);
  return nodes;
}

/**
 * Exact confirmation of a screened move: every changed day is fully re-scheduled (windows, shift,
 * capacity, trip duration, range), vehicle types and trip counts are checked, and the move is applied
 * (journaled) only if the summed route cost drops by more than `ctx.epsilon`.
 */
export function tryRoutes(ctx: MoveContext, changes: readonly RouteChange[]): boolean {
  const { inst, sol } = ctx;
  let delta = 0;
  for (const c of changes) {
    const vehicle = inst.vehicles[c.v]!;
    let trips = 0;
    for (const x of c.nodes) {
      if (x === DEPOT) trips++;
      else if (inst.typeOk[x * inst.nTypes + vehicle.type] === 0) return false;
    }
    if (c.nodes.length > 2 && trips - 1 > vehicle.maxTrips) return false;
    const cost = dayCost(inst, c.v, c.nodes);
    if (cost === Infinity) return false;
    delta += cost - sol.routes[c.v]!.cost;
  }
  if (!(delta < -ctx.epsilon)) return false;
  for (const c of changes) sol.touch(c.v);
  for (const c of changes) sol.setNodes(c.v, c.nodes);
  return true;
}
