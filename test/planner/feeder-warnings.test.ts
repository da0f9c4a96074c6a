import { describe, expect, it } from 'vitest';
import type { FeederRun, TrunkNetwork } from '../../src/consolidation/index.ts';
import type { CityHub } from '../../src/domain/city.ts';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { feederWarnings } from '../../src/planner/feeder-warnings.ts';
import { unitCity } from './unit-city.ts';

const hub = (id: string, location: number): CityHub => ({
  id,
  location,
  openS: 5 * 3600,
  closeS: 20 * 3600,
  handlingKWhPerUnit: 0.05,
  fixedCostEurPerDay: 0,
  handlingCostEurPerUnit: 0.5,
});
// platform P (hub 0) feeds M1, M2 by road and M3, M4 by barge
const CITY = unitCity({ hubs: [hub('P', 0), hub('M1', 1), hub('M2', 2), hub('M3', 3), hub('M4', 4)] });

/** Loads of `orders[k]` orders each; the jobs in `stranded` left unassigned by the solver. */
function road(
  at: number,
  orders: readonly number[],
  stranded: readonly number[],
  lateS: readonly number[],
): FeederRun {
  return {
    kind: 'road',
    hub: at,
    platform: 0,
    loads: orders.map((n) => ({
      carrier: 0,
      hub: at,
      orders: Array.from({ length: n }, (_, i) => i),
      goods: [n, 0, 0],
      returns: [0, 0, 0],
      deadlineS: 9 * 3600,
    })),
    problem: {} as RoutingProblem, // not read by the warnings
    solution: {
      routes: [],
      unassigned: stranded.map((job) => ({ job, reason: 'fleet-exhausted' })),
      cost: 0,
      stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
    },
    lateS,
  };
}

function sailing(at: number, lateS: number): FeederRun {
  return {
    kind: 'sailing',
    hub: at,
    platform: 0,
    loads: [],
    trips: 1,
    departureS: 6 * 3600,
    arrivalS: 8 * 3600,
    handlingS: 3600,
    goods: [100, 1, 10],
    returns: [0, 0, 0],
    lateS,
  };
}

const network = (feeders: FeederRun[]): TrunkNetwork => ({
  runs: [],
  intermodal: [],
  feeders,
  dayBefore: true,
});

describe('the warnings about the second echelon (docs/model/consolidation.md, two echelons)', () => {
  it('none for a day without feeders, nor for feeders that carry everything on time', () => {
    expect(feederWarnings(CITY, network([]))).toEqual([]);
    expect(feederWarnings(CITY, network([road(1, [2, 3], [], [0, 0]), sailing(3, 0)]))).toEqual([]);
  });

  it('counts the loads no feeder vehicle took, and their orders, over every road feeder', () => {
    // M1: loads 0 (3 orders) and 2 (4 orders) stranded; M2: load 1 (5 orders): 3 loads, 3 + 4 + 5 = 12 orders
    const feeders = [road(1, [3, 2, 4], [0, 2], [0, 0, 0]), road(2, [1, 5], [1], [0, 0]), sailing(3, 0)];
    expect(feederWarnings(CITY, network(feeders))).toEqual([
      '3 feeder load(s) (12 orders) fit no feeder vehicle or schedule: they do not reach their micro-hub in this plan',
    ]);
  });

  it('names the micro-hubs reached late, once each, with the worst lateness rounded up to the minute', () => {
    // late loads: M1's second (61 s) and third (30 s), M3's sailing (601 s); M2 and M4 on time
    const feeders = [
      road(1, [1, 1, 1], [], [0, 61, 30]),
      road(2, [1], [], [0]),
      sailing(3, 601),
      sailing(4, 0),
    ];
    expect(feederWarnings(CITY, network(feeders))).toEqual([
      '3 feeder load(s) reach their micro-hub (M1, M3) after the pooled trip that carries them should leave ' +
        '(up to 11 min late, see consolidated.trunk[].stops[].lateMin)', // ⌈601 / 60⌉ = ⌈10.02⌉ = 11
    ]);
  });

  it('gives both warnings, stranded loads first', () => {
    const warnings = feederWarnings(CITY, network([road(2, [2, 2], [1], [0, 0]), sailing(4, 120)]));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^1 feeder load\(s\) \(2 orders\) fit no feeder vehicle/);
    expect(warnings[1]).toMatch(/^1 feeder load\(s\) reach their micro-hub \(M4\) .*\(up to 2 min late/);
  });
});
