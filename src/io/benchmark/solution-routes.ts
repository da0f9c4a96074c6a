import type { RoutingSolution } from '../../domain/routing-solution.ts';
import type { BenchmarkInstance } from './benchmark-instance.ts';

/** Routes of a solver solution as lists of the file's customer numbers (one list per trip, depot omitted). */
export function customerRoutes(solution: RoutingSolution, customerOfJob: readonly number[]): number[][] {
  const routes: number[][] = [];
  for (const route of solution.routes) {
    for (const trip of route.trips) {
      const stops = trip.visits.map((v) => customerNumber(customerOfJob, v.job));
      if (stops.length > 0) routes.push(stops);
    }
  }
  return routes;
}

export function unassignedCustomers(solution: RoutingSolution, customerOfJob: readonly number[]): number[] {
  return solution.unassigned.map((u) => customerNumber(customerOfJob, u.job));
}

/**
 * Total length of depot -> customers -> depot routes, recomputed from coordinates with the instance's rounding
 * (real-valued for Solomon, integer arcs for CVRPLIB).
 */
export function routesDistance(instance: BenchmarkInstance, routes: readonly (readonly number[])[]): number {
  const byId = new Map(instance.nodes.map((n) => [n.id, n]));
  const depot = instance.nodes[0];
  if (depot === undefined) throw new Error(`${instance.name}: no depot`);
  let total = 0;
  for (const route of routes) {
    let prev = depot;
    for (const id of [...route, depot.id]) {
      const node = id === depot.id ? depot : byId.get(id);
      if (node === undefined) throw new Error(`${instance.name}: unknown customer ${id}`);
      const d = Math.hypot(prev.x - node.x, prev.y - node.y);
      total += instance.rounding === 'nearest-integer' ? Math.round(d) : d;
      prev = node;
    }
  }
  return total;
}

function customerNumber(customerOfJob: readonly number[], job: number): number {
  const c = customerOfJob[job];
  if (c === undefined) throw new Error(`solution refers to job ${job}, which the problem does not have`);
  return c;
}
