import type { BenchmarkInstance, BenchmarkNode } from './benchmark-instance.ts';
import { BenchmarkFormatError } from './benchmark-instance.ts';

const COLUMNS = 7;

/**
 * Parses a Solomon / Gehring-Homberger VRPTW text instance:
 * a name line, `VEHICLE` / `NUMBER CAPACITY` / two integers, `CUSTOMER`, a header line, then one row per node
 * `CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME`, the depot (number 0) first.
 * Distances are real-valued Euclidean and travel time equals distance.
 */
export function parseSolomon(text: string, source = 'instance'): BenchmarkInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const fail = (line: number, why: string): never => {
    throw new BenchmarkFormatError(`${source}:${line + 1}: ${why}`);
  };

  const name = lines.find((l) => l.length > 0) ?? fail(0, 'empty file');
  const vehicleAt = lines.findIndex((l) => /^VEHICLE\b/i.test(l));
  if (vehicleAt < 0) fail(0, 'no VEHICLE section');
  let fleetLine = -1;
  for (let i = vehicleAt + 1; i < lines.length; i++) {
    if (/^\d/.test(lines[i] as string)) {
      fleetLine = i;
      break;
    }
  }
  if (fleetLine < 0) fail(vehicleAt, 'no NUMBER CAPACITY values after VEHICLE');
  const fleet = (lines[fleetLine] as string).split(/\s+/).map(Number);
  const [fleetSize, capacity] = fleet;
  if (fleet.length !== 2 || !isPositiveInteger(fleetSize) || !isPositive(capacity)) {
    fail(fleetLine, `expected "NUMBER CAPACITY" as two positive numbers, got "${lines[fleetLine]}"`);
  }

  const customerAt = lines.findIndex((l, i) => i > fleetLine && /^CUSTOMER\b/i.test(l));
  if (customerAt < 0) fail(fleetLine, 'no CUSTOMER section');
  const nodes: BenchmarkNode[] = [];
  for (let i = customerAt + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || /^[A-Z]/i.test(line)) continue; // blank lines and the column header
    const v = line.split(/\s+/).map(Number);
    if (v.length !== COLUMNS || v.some((x) => !Number.isFinite(x))) {
      fail(i, `expected ${COLUMNS} numbers (no, x, y, demand, ready, due, service), got "${line}"`);
    }
    const [id, x, y, demand, ready, due, service] = v as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (ready > due) fail(i, `customer ${id}: ready time ${ready} after due date ${due}`);
    if (demand < 0 || service < 0) fail(i, `customer ${id}: negative demand or service time`);
    nodes.push({ id, x, y, demand, ready, due, service });
  }
  if (nodes.length < 2) fail(customerAt, 'need a depot and at least one customer');
  if (nodes[0]?.id !== 0) fail(customerAt, 'the first row must be the depot, number 0');
  const seen = new Set<number>();
  for (const n of nodes) {
    if (seen.has(n.id)) throw new BenchmarkFormatError(`${source}: customer number ${n.id} appears twice`);
    seen.add(n.id);
  }
  return {
    name,
    kind: 'vrptw',
    nodes,
    capacity: capacity as number,
    fleetSize: fleetSize as number,
    rounding: 'exact',
  };
}

function isPositive(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x) && x > 0;
}

function isPositiveInteger(x: number | undefined): x is number {
  return isPositive(x) && Number.isInteger(x);
}
