import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { parseSolomon } from '../../../src/io/benchmark/solomon.ts';
import { toRoutingProblem } from '../../../src/io/benchmark/to-routing-problem.ts';
import { improveAtFixedFleet } from '../../../src/solver/fleet/fixed-fleet-phase.ts';
import { buildFleetModel } from '../../../src/solver/fleet/fleet-model.ts';
import { minimiseFleetByElimination } from '../../../src/solver/fleet/fleet-phase.ts';
import { FleetState } from '../../../src/solver/fleet/fleet-state.ts';
import { costDelta, evaluateMove, MOVE_KINDS, newOutcome } from '../../../src/solver/fleet/moves.ts';
import { penalisedLocalSearch, relocateInRoute } from '../../../src/solver/fleet/penalised-local-search.ts';
import { reverseInRoute } from '../../../src/solver/fleet/reverse-in-route.ts';
import { recreatePenalised } from '../../../src/solver/fleet/penalised-recreate.ts';
import {
  allFeasible,
  arcCost,
  penalisedCost,
  searchFixedFleet,
  STALL_RESTART,
} from '../../../src/solver/fleet/penalised-sisr.ts';
import type { PenaltyWeights } from '../../../src/solver/fleet/penalty-weights.ts';
import { prepareSearch } from '../../../src/solver/prepare-search.ts';
import { Rng } from '../../../src/solver/rng.ts';
import { solomonDir } from '../../support/benchmark-fixtures.ts';
import { params } from '../fixtures.ts';
import { expectCompleteAndChecked } from './checked-solution.ts';
import { randomState, replay } from './replay-oracle.ts';

/**
 * The fixed-fleet distance search through infeasible solutions: its penalised cost, insertion, local
 * search moves and the search's result, against an oracle that replays the routes (time warp, excess,
 * arc cost) and the solver's independent checker.
 */

const W: PenaltyWeights = { warp: 3, load: 2 };

const jobsOf = (seq: readonly number[]): number[] => seq.slice(1, -1).map((k) => k - 1);

/** Oracle penalised cost of a set of routes (node sequences). */
function oracleCost(p: RoutingProblem, seqs: readonly (readonly number[])[], w: PenaltyWeights): number {
  let c = 0;
  for (const s of seqs) {
    const o = replay(p, jobsOf(s));
    c += o.cost + w.warp * o.warp + w.load * o.excess;
  }
  return c;
}

describe('fixed-fleet search through infeasible solutions', () => {
  it('penalised cost equals the replayed arc cost + weighted time warp and excess', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { p, st } = randomState(seed);
      expect(penalisedCost(st, W)).toBeCloseTo(oracleCost(p, st.seqs, W), 6);
      expect(penalisedCost(st, { warp: 0, load: 0 })).toBeCloseTo(arcCost(st), 9);
    }
  });

  it('relocation inside a route takes the best position by the replayed penalised cost', () => {
    let applied = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { p, st, rng } = randomState(seed);
      for (let trial = 0; trial < 40; trial++) {
        const v = rng.int(1, st.model.n);
        const r = st.routeOf[v]!;
        const seq = st.seqs[r]!;
        const before = oracleCost(p, [seq], W);
        const rest = seq.filter((k) => k !== v);
        let best = before;
        for (let at = 1; at < rest.length; at++)
          best = Math.min(best, oracleCost(p, [[...rest.slice(0, at), v, ...rest.slice(at)]], W));
        const moved = relocateInRoute(st, v, W.warp);
        const after = oracleCost(p, [st.seqs[r]!], W);
        if (moved) applied++;
        expect(moved).toBe(best < before - 1e-6);
        expect(after).toBeCloseTo(best, 6);
      }
    }
    expect(applied).toBeGreaterThan(20);
  });

  it('reversal inside a route takes the best segment at the customer by the replayed penalised cost', () => {
    let applied = 0;
    // Asymmetric travel for half the seeds: a reversed segment is driven the other way round.
    for (let seed = 1; seed <= 8; seed++) {
      const { p, st, rng } = randomState(seed, seed % 2 === 0);
      for (let trial = 0; trial < 40; trial++) {
        const v = rng.int(1, st.model.n);
        const r = st.routeOf[v]!;
        const seq = st.seqs[r]!;
        const i = seq.indexOf(v);
        const before = oracleCost(p, [seq], W);
        const reversed = (from: number, to: number): number[] => [
          ...seq.slice(0, from),
          ...seq.slice(from, to + 1).reverse(),
          ...seq.slice(to + 1),
        ];
        let best = before;
        for (let j = 1; j < seq.length - 1; j++)
          if (j !== i) best = Math.min(best, oracleCost(p, [reversed(Math.min(i, j), Math.max(i, j))], W));
        const moved = reverseInRoute(st, v, W.warp);
        const after = oracleCost(p, [st.seqs[r]!], W);
        if (moved) applied++;
        expect(moved).toBe(best < before - 1e-6);
        expect(after).toBeCloseTo(best, 6);
        // The route's caches follow the new sequence.
        expect(st.timeWarp(r)).toBeCloseTo(replay(p, jobsOf(st.seqs[r]!)).warp, 6);
      }
    }
    expect(applied).toBeGreaterThan(20);
  });

  it('recreate places every node at a least penalised position (no blinks)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { p, st, rng } = randomState(seed);
      const k = st.seqs[2]![1]!;
      st.set(
        2,
        st.seqs[2]!.filter((x) => x !== k),
      );
      const base = oracleCost(p, st.seqs, W);
      let best = Infinity;
      for (let r = 0; r < st.count; r++) {
        const s = st.seqs[r]!;
        for (let at = 1; at < s.length; at++) {
          const trial = st.seqs.map((x) => x.slice());
          trial[r] = [...s.slice(0, at), k, ...s.slice(at)];
          best = Math.min(best, oracleCost(p, trial, W));
        }
      }
      recreatePenalised(st, [k], W, rng, 0);
      expect(st.routeOf[k]).toBeGreaterThanOrEqual(0);
      expect(oracleCost(p, st.seqs, W) - base).toBeCloseTo(best - base, 6);
    }
  });

  it('local search ends where no inter-route move lowers the replayed penalised cost', () => {
    const out = newOutcome();
    for (let seed = 1; seed <= 4; seed++) {
      const { p, st, rng } = randomState(seed);
      const before = oracleCost(p, st.seqs, W);
      const all = Array.from({ length: st.model.n }, (_, k) => k + 1);
      // Moves re-queue only the customers of the routes they change: repeat until none applies.
      let first = 0;
      for (let rounds = 0; ; rounds++) {
        const moves = penalisedLocalSearch(st, all, W, rng, 10, 100_000);
        if (rounds === 0) first = moves;
        if (moves === 0) break;
      }
      expect(first).toBeGreaterThan(0);
      expect(oracleCost(p, st.seqs, W)).toBeLessThan(before);
      // Local optimum: the predicted change of each move equals the oracle's and none is negative.
      for (let v = 1; v <= st.model.n; v++)
        for (const w of st.model.granular[v]!.subarray(0, 10)) {
          const ra = st.routeOf[v]!;
          const rb = st.routeOf[w]!;
          if (ra === rb) continue;
          for (let kind = 0; kind < MOVE_KINDS; kind++) {
            evaluateMove(st, kind, v, w, out);
            const predicted =
              costDelta(st, kind, v, w) +
              W.warp * (out.twA + out.twB - st.timeWarp(ra) - st.timeWarp(rb)) +
              W.load * (out.excessA + out.excessB - st.excess(ra) - st.excess(rb));
            expect(predicted).toBeGreaterThanOrEqual(-1e-6);
          }
        }
    }
  });

  it('the search returns a feasible solution no longer than its feasible start, deterministically', () => {
    const run = (): { seqs: number[][]; start: number; end: number } => {
      const { ctx } = r101(600);
      minimiseFleetByElimination(ctx, 0.3);
      const model = buildFleetModel(ctx.inst, ctx.neighbours);
      const seqs = fleetSeqs(ctx);
      const st = new FleetState(model, seqs);
      const start = arcCost(st);
      let steps = 0;
      const end = searchFixedFleet(st, {
        rng: new Rng(7),
        temperature: () => 5,
        phase: () => steps / 300,
        onStep: () => steps++,
      });
      for (let r = 0; r < st.count; r++) expect(st.feasible(r)).toBe(true);
      expect(st.count).toBeLessThanOrEqual(seqs.length);
      const visits = st.seqs.flatMap((s) => s.slice(1, -1)).sort((a, b) => a - b);
      expect(visits).toEqual(Array.from({ length: model.n }, (_, k) => k + 1));
      expect(arcCost(st)).toBeCloseTo(end, 6);
      return { seqs: st.seqs, start, end };
    };
    const a = run();
    expect(a.end).toBeLessThan(a.start);
    expect(run().seqs).toEqual(a.seqs);
  });

  it('from an infeasible start (a crossover child) keeps the first feasible solution it meets', () => {
    const { ctx, problem: bp } = r101(600);
    minimiseFleetByElimination(ctx, 0.3);
    const model = buildFleetModel(ctx.inst, ctx.neighbours);
    // Every route driven backwards: R101's windows make that infeasible.
    const seqs = fleetSeqs(ctx).map((seq) => seq.reverse());
    const st = new FleetState(model, seqs);
    expect(allFeasible(st)).toBe(false);
    let steps = 0;
    const end = searchFixedFleet(st, {
      rng: new Rng(5),
      temperature: () => 5,
      phase: () => steps / 300,
      onStep: () => steps++,
    });
    expect(end).toBeLessThan(Infinity);
    expect(st.count).toBe(seqs.length);
    const visits = st.seqs.flatMap((s) => s.slice(1, -1)).sort((a, b) => a - b);
    expect(visits).toEqual(Array.from({ length: model.n }, (_, k) => k + 1));
    let replayed = 0;
    for (const s of st.seqs) {
      const o = replay(bp.problem, jobsOf(s));
      expect(o.warp).toBeLessThanOrEqual(1e-6);
      expect(o.excess).toBeLessThanOrEqual(0);
      replayed += o.cost;
    }
    expect(replayed).toBeCloseTo(end, 6);
  });

  it('goes back to the best feasible solution when no candidate has been feasible for a while', () => {
    // One route per customer (feasible) and weights near zero: recreate then ignores windows and capacity,
    // so the search drifts into infeasible solutions and only the restart brings it back.
    const { st: dealt } = randomState(4);
    const st = new FleetState(
      dealt.model,
      Array.from({ length: dealt.model.n }, (_, k) => [0, k + 1, 0]),
    );
    expect(allFeasible(st)).toBe(true);
    let steps = 0;
    let infeasibleRun = 0;
    let longestRun = 0;
    let drifted = 0;
    searchFixedFleet(st, {
      rng: new Rng(11),
      temperature: () => 0.5,
      phase: () => {
        infeasibleRun = allFeasible(st) ? 0 : infeasibleRun + 1;
        if (infeasibleRun > 0) drifted++;
        longestRun = Math.max(longestRun, infeasibleRun);
        return steps / 2000;
      },
      onStep: () => steps++,
      weights: { warp: 1e-6, load: 1e-6 },
    });
    expect(drifted).toBeGreaterThan(1000);
    expect(longestRun).toBeLessThanOrEqual(STALL_RESTART + 1);
  });

  it('the solver phase keeps the fleet, lowers the distance and passes the independent checker', () => {
    const { ctx, problem: bp } = r101(1500);
    minimiseFleetByElimination(ctx, 0.3);
    const vehicles = ctx.sol.usedVehicles();
    const cost = ctx.sol.cost();
    expect(improveAtFixedFleet(ctx, 0.3, 1)).toBe(true);
    expect(ctx.sol.usedVehicles()).toBeLessThanOrEqual(vehicles);
    expect(ctx.sol.cost()).toBeLessThan(cost);
    expectCompleteAndChecked(ctx, bp.problem);
  });
});

/** The search's routes as the fleet search's sequences: depot 0, customers numbered from 1. */
function fleetSeqs(ctx: ReturnType<typeof prepareSearch>['ctx']): number[][] {
  return ctx.sol.routes.filter((r) => r.jobs > 0).map((r) => [0, ...r.jobList().map((j) => j + 1), 0]);
}

function r101(
  iterations: number,
): ReturnType<typeof prepareSearch> & { problem: ReturnType<typeof toRoutingProblem> } {
  const text = readFileSync(join(solomonDir(), 'R101.txt'), 'utf8');
  const bp = toRoutingProblem(parseSolomon(text, 'R101'));
  return { ...prepareSearch(bp.problem, params(iterations, { objective: 'vehicles' })), problem: bp };
}
