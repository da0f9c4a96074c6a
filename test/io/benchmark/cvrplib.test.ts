import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBenchmarkSolution } from '../../../bench/support/check-benchmark-solution.ts';
import { cvrpDir } from '../../support/benchmark-fixtures.ts';
import { parseCvrplib, parseCvrplibSolution, NO_DEADLINE } from '../../../src/io/benchmark/cvrplib.ts';
import { readCvrplibFile, readCvrplibSolutionFile } from '../../../src/io/benchmark/load-instance.ts';
import { routesDistance } from '../../../src/io/benchmark/solution-routes.ts';
import { toRoutingProblem } from '../../../src/io/benchmark/to-routing-problem.ts';

const TINY_VRP = `NAME : tiny
COMMENT : "hand-made"
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 3 4
3 0 2.6
4 -1 0
DEMAND_SECTION
1 0
2 6
3 5
4 4
DEPOT_SECTION
 1
 -1
EOF
`;

describe('parseCvrplib', () => {
  it('numbers nodes like .sol files (depot 0), rounds distances, no windows', () => {
    const inst = parseCvrplib(TINY_VRP);
    expect(inst.name).toBe('tiny');
    expect(inst.kind).toBe('cvrp');
    expect(inst.capacity).toBe(10);
    expect(inst.nodes.map((n) => n.id)).toEqual([0, 1, 2, 3]);
    expect(inst.nodes[2]).toEqual({ id: 2, x: 0, y: 2.6, demand: 5, ready: 0, due: NO_DEADLINE, service: 0 });
    expect(inst.fleetSize).toBe(3); // min(3 customers, 2 * ceil(15 / 10) + 5)
    const { problem } = toRoutingProblem(inst);
    expect(problem.travel.distance(0, 2)).toBe(3);
    expect(problem.jobs[0]?.windows).toEqual([[0, NO_DEADLINE]]);
    expect(problem.vehicles[0]?.shiftEndS).toBe(NO_DEADLINE);
  });

  it('rejects what it does not support, naming the source', () => {
    expect(() => parseCvrplib(TINY_VRP.replace('EUC_2D', 'GEO'), 'x.vrp')).toThrow(
      /x\.vrp: EDGE_WEIGHT_TYPE GEO not supported/,
    );
    expect(() => parseCvrplib(TINY_VRP.replace('DIMENSION : 4', 'DIMENSION : 5'))).toThrow(/DIMENSION 5/);
    expect(() => parseCvrplib(TINY_VRP.replace('3 5\n', '3 x\n'), 'y.vrp')).toThrow(
      /y\.vrp:\d+: expected numbers/,
    );
  });

  it('reads .sol routes and cost', () => {
    const sol = parseCvrplibSolution('Route #1: 1 3\nRoute #2: 2\nCost 17\n');
    expect(sol).toEqual({ routes: [[1, 3], [2]], cost: 17 });
    expect(() => parseCvrplibSolution('Route #1: 1 a\n', 's.sol')).toThrow(/s\.sol:1/);
  });
});

describe('X-n101-k25 with its best known solution', () => {
  it('reads the instance', async () => {
    const inst = await readCvrplibFile(join(cvrpDir(), 'X-n101-k25.vrp'));
    expect(inst.name).toBe('X-n101-k25');
    expect(inst.nodes).toHaveLength(101);
    expect(inst.capacity).toBe(206);
    expect(inst.nodes[0]).toMatchObject({ id: 0, x: 365, y: 689, demand: 0 });
    expect(inst.nodes[1]).toMatchObject({ id: 1, x: 146, y: 180, demand: 38 });
    expect(inst.nodes[100]?.demand).toBe(35);
  });

  it('the .sol checks feasible with exactly the published cost 27591', async () => {
    const inst = await readCvrplibFile(join(cvrpDir(), 'X-n101-k25.vrp'));
    const sol = await readCvrplibSolutionFile(join(cvrpDir(), 'X-n101-k25.sol'));
    expect(sol.cost).toBe(27591);
    expect(sol.routes).toHaveLength(26);
    const check = checkBenchmarkSolution(inst, sol.routes);
    expect(check.violations).toEqual([]);
    expect(check.feasible).toBe(true);
    expect(check.vehicles).toBe(26);
    expect(check.distance).toBe(27591);
    expect(routesDistance(inst, sol.routes)).toBe(27591);
    // and through the solver-facing travel model too
    const { travel } = toRoutingProblem(inst);
    let viaTravel = 0;
    for (const route of sol.routes) {
      const path = [0, ...route, 0];
      for (let i = 1; i < path.length; i++)
        viaTravel += travel.distance(path[i - 1] as number, path[i] as number);
    }
    expect(viaTravel).toBe(27591);
  });
});
