import type { BenchmarkInstance, BenchmarkNode } from './benchmark-instance.ts';
import { BenchmarkFormatError } from './benchmark-instance.ts';

/** Time windows of CVRP nodes, which have none: [0, NO_DEADLINE] (large, finite, safe in float arithmetic). */
export const NO_DEADLINE = 1e9;

export interface CvrplibOptions {
  /** Vehicles available; default: twice the lower bound ceil(total demand / capacity) plus 5, at most one per customer. */
  readonly fleetSize?: number;
}

/**
 * Parses a TSPLIB / CVRPLIB `.vrp` file (TYPE CVRP, EDGE_WEIGHT_TYPE EUC_2D, one depot listed first, as in the
 * X set of Uchoa et al.). Node `i` of the file (1-based) gets the number `i - 1`, the numbering of CVRPLIB `.sol`
 * files (depot 0). Distances are Euclidean rounded to the nearest integer, the convention of the published BKS.
 */
export function parseCvrplib(
  text: string,
  source = 'instance',
  options: CvrplibOptions = {},
): BenchmarkInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const fail = (line: number, why: string): never => {
    throw new BenchmarkFormatError(`${source}:${line + 1}: ${why}`);
  };
  const spec = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section: 'spec' | 'coords' | 'demand' | 'depot' | 'other' = 'spec';

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || line === 'EOF') continue;
    const keyword = /^([A-Z_]+)\s*(?::\s*(.*))?$/.exec(line);
    if (keyword !== null) {
      const [, key, value] = keyword as unknown as [string, string, string | undefined];
      if (key.endsWith('_SECTION')) {
        section =
          key === 'NODE_COORD_SECTION'
            ? 'coords'
            : key === 'DEMAND_SECTION'
              ? 'demand'
              : key === 'DEPOT_SECTION'
                ? 'depot'
                : 'other';
      } else {
        spec.set(key, (value ?? '').replace(/^"|"$/g, '').trim());
        section = 'spec';
      }
      continue;
    }
    const v = line.split(/\s+/).map(Number);
    if (v.some((x) => !Number.isFinite(x))) fail(i, `expected numbers, got "${line}"`);
    if (section === 'coords') {
      if (v.length !== 3) fail(i, `expected "node x y", got "${line}"`);
      coords.set(v[0] as number, [v[1] as number, v[2] as number]);
    } else if (section === 'demand') {
      if (v.length !== 2) fail(i, `expected "node demand", got "${line}"`);
      demands.set(v[0] as number, v[1] as number);
    } else if (section === 'depot') {
      for (const d of v) if (d !== -1) depots.push(d);
    } else if (section === 'spec') {
      fail(i, `unexpected data line "${line}"`);
    }
  }

  const type = spec.get('TYPE');
  if (type !== undefined && type !== 'CVRP')
    throw new BenchmarkFormatError(`${source}: TYPE ${type} not supported (CVRP only)`);
  const weightType = spec.get('EDGE_WEIGHT_TYPE');
  if (weightType !== 'EUC_2D')
    throw new BenchmarkFormatError(
      `${source}: EDGE_WEIGHT_TYPE ${weightType ?? '(missing)'} not supported (EUC_2D only)`,
    );
  const capacity = Number(spec.get('CAPACITY'));
  if (!(capacity > 0)) throw new BenchmarkFormatError(`${source}: CAPACITY missing or not positive`);
  const dimension = Number(spec.get('DIMENSION') ?? coords.size);
  if (coords.size !== dimension)
    throw new BenchmarkFormatError(`${source}: DIMENSION ${dimension} but ${coords.size} coordinates`);
  if (depots.length !== 1 || depots[0] !== 1) {
    throw new BenchmarkFormatError(
      `${source}: exactly one depot, node 1, is supported (got ${depots.join(', ') || 'none'})`,
    );
  }

  const nodes: BenchmarkNode[] = [];
  for (let id = 1; id <= dimension; id++) {
    const xy = coords.get(id);
    if (xy === undefined) throw new BenchmarkFormatError(`${source}: no coordinates for node ${id}`);
    const demand = id === 1 ? 0 : demands.get(id);
    if (demand === undefined || demand < 0)
      throw new BenchmarkFormatError(`${source}: no valid demand for node ${id}`);
    nodes.push({ id: id - 1, x: xy[0], y: xy[1], demand, ready: 0, due: NO_DEADLINE, service: 0 });
  }
  const total = nodes.reduce((s, n) => s + n.demand, 0);
  const customers = nodes.length - 1;
  const fleetSize = options.fleetSize ?? Math.min(customers, 2 * Math.ceil(total / capacity) + 5);
  const name = spec.get('NAME') ?? source;
  return { name, kind: 'cvrp', nodes, capacity, fleetSize, rounding: 'nearest-integer' };
}

/** A solution in CVRPLIB `.sol` form: `Route #k: c1 c2 ...` lines (customer numbers, depot 0 omitted) and `Cost C`. */
export interface CvrplibSolution {
  readonly routes: readonly (readonly number[])[];
  readonly cost: number | undefined;
}

export function parseCvrplibSolution(text: string, source = 'solution'): CvrplibSolution {
  const routes: number[][] = [];
  let cost: number | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const route = /^Route\s*#\s*\d+\s*:(.*)$/i.exec(line);
    const costLine = /^Cost\s+(\S+)$/i.exec(line);
    if (route !== null) {
      const body = (route[1] as string).trim();
      const stops = body === '' ? [] : body.split(/\s+/).map(Number);
      if (stops.some((s) => !Number.isInteger(s) || s < 0))
        throw new BenchmarkFormatError(`${source}:${i + 1}: bad customer number in "${line}"`);
      if (stops.length > 0) routes.push(stops);
    } else if (costLine !== null) {
      cost = Number(costLine[1]);
      if (!Number.isFinite(cost))
        throw new BenchmarkFormatError(`${source}:${i + 1}: bad cost "${costLine[1]}"`);
    } else {
      throw new BenchmarkFormatError(`${source}:${i + 1}: unexpected line "${line}"`);
    }
  });
  return { routes, cost };
}
