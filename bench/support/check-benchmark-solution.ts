/**
 * Independent feasibility checker for benchmark solutions. It shares no code with the solver or the travel
 * model: distances, loads and times are recomputed here from the instance's coordinates, so a bug in the
 * engine (or its evaluation caches) cannot hide itself.
 */
import type { BenchmarkInstance, BenchmarkNode } from '../../src/io/benchmark/benchmark-instance.ts';

export type ViolationKind =
  | 'unknown-customer'
  | 'duplicate-customer'
  | 'missing-customer'
  | 'capacity'
  | 'time-window'
  | 'depot-return'
  | 'fleet-size';

export interface Violation {
  readonly kind: ViolationKind;
  /** 0-based index of the route concerned, when there is one. */
  readonly route?: number;
  readonly customer?: number;
  readonly message: string;
}

export interface CheckResult {
  readonly feasible: boolean;
  readonly violations: readonly Violation[];
  /** Sum of route lengths (instance rounding applied per arc), counted even when infeasible. */
  readonly distance: number;
  /** Non-empty routes. */
  readonly vehicles: number;
}

/** Float slack for time comparisons: real-valued sums drift by ~1e-13, far below any true violation. */
const TIME_EPS = 1e-6;

/**
 * Checks routes given as lists of the instance's customer numbers (depot omitted at both ends):
 * every customer exactly once, load <= capacity, service starts by the due date (waiting allowed),
 * the vehicle is back at the depot by its due date, and no more routes than the fleet.
 */
export function checkBenchmarkSolution(
  instance: BenchmarkInstance,
  routes: readonly (readonly number[])[],
): CheckResult {
  const depot = instance.nodes[0] as BenchmarkNode;
  const customers = new Map<number, BenchmarkNode>();
  for (const n of instance.nodes.slice(1)) customers.set(n.id, n);
  const arc = (a: BenchmarkNode, b: BenchmarkNode): number => {
    const d = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
    return instance.rounding === 'nearest-integer' ? Math.round(d) : d;
  };

  const violations: Violation[] = [];
  const visits = new Map<number, number>();
  let distance = 0;
  let vehicles = 0;

  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    let load = 0;
    let time = depot.ready;
    let prev = depot;
    for (const id of route) {
      const node = customers.get(id);
      if (node === undefined) {
        violations.push({
          kind: 'unknown-customer',
          route: r,
          customer: id,
          message: `route ${r}: ${id} is not a customer of ${instance.name}`,
        });
        continue;
      }
      visits.set(id, (visits.get(id) ?? 0) + 1);
      const d = arc(prev, node);
      distance += d;
      const start = Math.max(time + d, node.ready);
      if (start > node.due + TIME_EPS) {
        violations.push({
          kind: 'time-window',
          route: r,
          customer: id,
          message: `route ${r}: service at customer ${id} starts at ${fmt(start)}, after its due date ${node.due}`,
        });
      }
      time = start + node.service;
      load += node.demand;
      prev = node;
    }
    const back = arc(prev, depot);
    distance += back;
    if (time + back > depot.due + TIME_EPS) {
      violations.push({
        kind: 'depot-return',
        route: r,
        message: `route ${r}: back at the depot at ${fmt(time + back)}, after its due date ${depot.due}`,
      });
    }
    if (load > instance.capacity) {
      violations.push({
        kind: 'capacity',
        route: r,
        message: `route ${r}: load ${load} exceeds capacity ${instance.capacity}`,
      });
    }
  });

  for (const [id, count] of visits) {
    if (count > 1)
      violations.push({
        kind: 'duplicate-customer',
        customer: id,
        message: `customer ${id} is visited ${count} times`,
      });
  }
  for (const id of customers.keys()) {
    if (!visits.has(id))
      violations.push({ kind: 'missing-customer', customer: id, message: `customer ${id} is not visited` });
  }
  if (vehicles > instance.fleetSize) {
    violations.push({
      kind: 'fleet-size',
      message: `${vehicles} routes but the fleet has ${instance.fleetSize} vehicles`,
    });
  }
  return { feasible: violations.length === 0, violations, distance, vehicles };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}
