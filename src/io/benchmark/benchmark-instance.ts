import type { DistanceRounding } from '../../geo/euclidean-travel.ts';
import { InputError } from '../../domain/errors.ts';

/** One row of a benchmark file: the depot or a customer, in the file's own units. */
export interface BenchmarkNode {
  /** The number the file (and its solutions) use for this node: 0 = depot, 1..n customers. */
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  /** Earliest service start (depot: start of the horizon). */
  readonly ready: number;
  /** Latest service start (depot: latest return). */
  readonly due: number;
  readonly service: number;
}

/**
 * A classic benchmark instance as read from its file, before it becomes a `RoutingProblem`.
 * The independent checker in bench/support works from this shape only.
 */
export interface BenchmarkInstance {
  readonly name: string;
  readonly kind: 'vrptw' | 'cvrp';
  /** `nodes[0]` is the depot; customers follow in file order. */
  readonly nodes: readonly BenchmarkNode[];
  readonly capacity: number;
  /** Most vehicles a solution may use (Solomon: the file's VEHICLE NUMBER; CVRP: a generous bound). */
  readonly fleetSize: number;
  readonly rounding: DistanceRounding;
}

/** Thrown on a malformed instance, solution or BKS file; the message names the file and line. */
export class BenchmarkFormatError extends InputError {
  override readonly name = 'BenchmarkFormatError';

  constructor(message: string) {
    super('MALFORMED_FILE', message);
  }
}

/** The instance name from a path: `/x/C101.txt` -> `C101`. */
export function instanceNameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]*$/, '');
}
