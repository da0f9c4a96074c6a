import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solomonDir } from '../../support/benchmark-fixtures.ts';
import { BenchmarkFormatError } from '../../../src/io/benchmark/benchmark-instance.ts';
import { readSolomonFile } from '../../../src/io/benchmark/load-instance.ts';
import { parseSolomon } from '../../../src/io/benchmark/solomon.ts';
import { toRoutingProblem } from '../../../src/io/benchmark/to-routing-problem.ts';
import { TINY_SOLOMON } from './tiny-solomon.ts';

describe('parseSolomon on a hand-made instance', () => {
  it('reads fleet, capacity and every row', () => {
    const inst = parseSolomon(TINY_SOLOMON);
    expect(inst.name).toBe('TINY');
    expect(inst.kind).toBe('vrptw');
    expect(inst.fleetSize).toBe(3);
    expect(inst.capacity).toBe(10);
    expect(inst.rounding).toBe('exact');
    expect(inst.nodes.map((n) => n.id)).toEqual([0, 1, 2, 3, 4]);
    expect(inst.nodes[2]).toEqual({ id: 2, x: 6, y: 8, demand: 5, ready: 20, due: 30, service: 1 });
  });

  it('builds the routing problem: jobs, windows, fleet, costs', () => {
    const { problem, customerOfJob } = toRoutingProblem(parseSolomon(TINY_SOLOMON));
    expect(customerOfJob).toEqual([1, 2, 3, 4]);
    expect(problem.dimensions).toBe(1);
    expect(problem.jobs).toHaveLength(4);
    expect(problem.jobs[1]).toEqual({
      location: 2,
      delivery: [5],
      pickup: [0],
      serviceS: 1,
      windows: [[20, 30]],
    });
    expect(problem.vehicles).toHaveLength(3);
    expect(problem.vehicles[0]).toEqual({
      type: 0,
      depot: 0,
      shiftStartS: 0,
      shiftEndS: 100,
      maxTrips: 1,
      reloadS: 0,
    });
    expect(problem.vehicleTypes).toEqual([
      { capacity: [10], fixedCost: 0, costPerMetre: 1, costPerSecond: 0, profile: 0 },
    ]);
    expect(problem.travel.distance(0, 1)).toBe(5);
    expect(problem.travel.duration(1, 2, 0)).toBe(5);
    expect(problem.travel.distance(3, 4)).toBeCloseTo(Math.hypot(45, 10), 12);
  });

  it('rejects malformed files with the line number', () => {
    expect(() => parseSolomon('X\nVEHICLE\nNUMBER CAPACITY\n 3 10\n')).toThrow(/no CUSTOMER section/);
    const badRow = TINY_SOLOMON.replace('    2      6          8', '    2      6          eight');
    expect(() => parseSolomon(badRow, 'bad.txt')).toThrow(BenchmarkFormatError);
    expect(() => parseSolomon(badRow, 'bad.txt')).toThrow(/bad\.txt:\d+: expected 7 numbers/);
    expect(() => parseSolomon(TINY_SOLOMON.replace(' 3          10', ' 3'))).toThrow(/NUMBER CAPACITY/);
  });
});

describe('parseSolomon on C101', () => {
  it('reads 25 vehicles of capacity 200 and 100 customers', async () => {
    const inst = await readSolomonFile(join(solomonDir(), 'C101.txt'));
    expect(inst.name).toBe('C101');
    expect(inst.fleetSize).toBe(25);
    expect(inst.capacity).toBe(200);
    expect(inst.nodes).toHaveLength(101);
    expect(inst.nodes[0]).toEqual({ id: 0, x: 40, y: 50, demand: 0, ready: 0, due: 1236, service: 0 });
    expect(inst.nodes[1]).toEqual({ id: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
    expect(inst.nodes[100]?.id).toBe(100);
    const total = inst.nodes.reduce((s, n) => s + n.demand, 0);
    expect(total).toBe(1810);
    const { problem } = toRoutingProblem(inst);
    expect(problem.jobs).toHaveLength(100);
    expect(problem.vehicles).toHaveLength(25);
    expect(problem.vehicles[0]?.shiftEndS).toBe(1236);
    expect(problem.jobs[0]?.windows).toEqual([[912, 967]]);
    expect(problem.travel.distance(0, 1)).toBeCloseTo(Math.hypot(5, 18), 12);
  });
});
