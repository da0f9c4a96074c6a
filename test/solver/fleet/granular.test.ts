import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { buildFleetModel } from '../../../src/solver/fleet/fleet-model.ts';
import { granularLists } from '../../../src/solver/fleet/granular.ts';
import { buildInstance } from '../../../src/solver/model/instance.ts';
import { buildNeighbours } from '../../../src/solver/model/neighbours.ts';
import { Rng } from '../../../src/solver/rng.ts';
import { asymmetric, problem } from './replay-oracle.ts';

/**
 * Oracle, from the problem itself (not the model's arrays): HGS-TW's proximity of job a to job b is the arc
 * cost, plus 0.2 × the least wait at b (b opens after a's close, a's service and the drive) and 1 × the
 * least time warp (a's open, service and drive pass b's close), both turned into cost at the mean cost per
 * second of driving between jobs; a pair's proximity is the smaller direction; each job's list is the other
 * jobs by proximity, ties by job index.
 */
function expectedLists(p: RoutingProblem, k: number): number[][] {
  const type = p.vehicleTypes[0]!;
  const n = p.jobs.length;
  const loc = (j: number): number => p.jobs[j]!.location;
  const drive = (a: number, b: number): number => p.travel.duration(loc(a), loc(b), 0);
  const arc = (a: number, b: number): number =>
    type.costPerMetre * p.travel.distance(loc(a), loc(b)) + type.costPerSecond * drive(a, b);
  let cost = 0;
  let time = 0;
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++)
      if (a !== b) {
        cost += arc(a, b);
        time += drive(a, b);
      }
  const perSecond = cost / time;
  const directed = (a: number, b: number): number => {
    const [openA, closeA] = p.jobs[a]!.windows[0]!;
    const [openB, closeB] = p.jobs[b]!.windows[0]!;
    const leaveLatest = closeA + p.jobs[a]!.serviceS + drive(a, b);
    const arriveEarliest = openA + p.jobs[a]!.serviceS + drive(a, b);
    return (
      arc(a, b) + perSecond * (0.2 * Math.max(0, openB - leaveLatest) + Math.max(0, arriveEarliest - closeB))
    );
  };
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => b)
      .filter((b) => b !== a)
      .map((b) => ({ b, prox: Math.min(directed(a, b), directed(b, a)) }))
      .sort((x, y) => x.prox - y.prox || x.b - y.b)
      .slice(0, k)
      .map((x) => x.b),
  );
}

function modelOf(p: RoutingProblem): ReturnType<typeof buildFleetModel> {
  const inst = buildInstance(p);
  return buildFleetModel(inst, buildNeighbours(inst, new Rng(1)));
}

describe('granular lists (time-window-aware proximity)', () => {
  it.each([1, 2, 3, 4])(
    'match the proximity computed from the problem (seed %i, both travel kinds)',
    (seed) => {
      for (const p of [problem(seed), asymmetric(problem(seed))]) {
        const model = modelOf(p);
        for (const k of [6, 40]) {
          const lists = granularLists(model, k)
            .slice(1)
            .map((l) => Array.from(l, (node) => node - 1));
          expect(lists).toEqual(expectedLists(p, k));
        }
      }
    },
  );

  it('rank a neighbour with a matching window before a nearer one with a window long past', () => {
    const p = problem(5);
    const far = p.jobs.findIndex((j, i) => i > 0 && j.windows[0]![0] > 200);
    // job 0 with a window that closes before the far one's opens, at the far job's own location
    const early: RoutingProblem = {
      ...p,
      jobs: p.jobs.map((j, i) =>
        i === 0 ? { ...j, location: p.jobs[far]!.location, windows: [[0, 5]] as [number, number][] } : j,
      ),
    };
    const model = modelOf(early);
    const spatial = model.near[1]!;
    const granular = granularLists(model, 40)[1]!;
    // spatially the far job is the nearest (distance 0); by proximity it comes later, behind the waiting
    expect(spatial[0]).toBe(far + 1);
    expect(granular.indexOf(far + 1)).toBeGreaterThan(0);
    expect(Array.from(granular).sort((a, b) => a - b)).toEqual(Array.from({ length: 29 }, (_, i) => i + 2));
  });
});
