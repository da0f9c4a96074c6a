import type { Rng } from '../rng.ts';
import type { LocalSearchOperator, MoveContext } from './operators/operator.ts';
import { exchange } from './operators/exchange.ts';
import { relocate } from './operators/relocate.ts';
import { relocatePair } from './operators/relocate-pair.ts';
import { swapStar } from './operators/swap-star.ts';
import { twoOpt } from './operators/two-opt.ts';
import { twoOptStar } from './operators/two-opt-star.ts';

/** The neighbourhoods, tried in this order for each job. */
export const OPERATORS: readonly LocalSearchOperator[] = [
  relocate,
  twoOptStar,
  twoOpt,
  exchange,
  relocatePair,
];

/**
 * Without binding windows (the X set), SWAP* after the others: it is the costliest, so it runs on a job only
 * once the cheap neighbourhoods found nothing for it. It costs 1.4-1.8x the CPU per iteration and wins per
 * CPU second where it matters (2026-12-05, docs/BENCHMARKS.md): X-n1001 at about 35-38 s user, base at
 * 45,000 iterations 1.46 / 1.56 % (seeds 1 / 2), with SWAP* at 23,700 iterations 1.23 / 1.30 %; X-n401 at
 * 51,000 against 30,000 iterations 0.76 / 0.52 % against 0.35 / 0.43 %. Run only on candidates within one
 * temperature of the current solution (1.15x the CPU) it lost on X-n1001: 1.66 % (seed 1).
 */
export const NO_WINDOWS_OPERATORS: readonly LocalSearchOperator[] = [...OPERATORS, swapStar];

/**
 * Under objective 'vehicles' SISR keeps the three original neighbourhoods. Measured on 2026-12-04 (seed 1,
 * docs/BENCHMARKS.md): with exchange and relocate pair in SISR's phases, Solomon at 20,000 iterations ended
 * 53 / 56 at the best-known fleet with 0.59 % distance at that fleet, against 55 / 56 and 0.33 % without them,
 * and Gehring-Homberger 200 at 2.01 % against 1.63 %. One seed: to be revisited with several.
 */
export const FLEET_OPERATORS: readonly LocalSearchOperator[] = [relocate, twoOptStar, twoOpt];

/**
 * Which jobs the search revisits after a move: the ends of the arcs it created (a long multi-trip day is not
 * searched again whole for one changed arc: 60–75 % of a city plan's CPU went there), or every job of the
 * days it changed (kept under objective 'vehicles', whose CPU is in the fleet phases and whose fleet targets
 * were measured with it; docs/BENCHMARKS.md, "Local search from the changed arcs").
 */
export type RevisitScope = 'changed-arcs' | 'changed-routes';

/**
 * First-improvement local search around the given jobs (granular: every move creates an arc between a
 * job and one of its neighbours). Jobs are visited in random order; after a move, the jobs `revisit` says are
 * queued again (the moved job among them), until no operator improves
 * or `maxMoves` moves were applied, or `stop()` (polled every 64 jobs) says so. Returns the number of moves applied. Deterministic for the rng.
 */
export function localSearch(
  ctx: MoveContext,
  jobs: readonly number[],
  rng: Rng,
  maxMoves: number,
  stop: () => boolean = () => false,
  operators: readonly LocalSearchOperator[] = OPERATORS,
  revisit: RevisitScope = 'changed-arcs',
): number {
  const { sol } = ctx;
  const queued = new Uint8Array(ctx.inst.n);
  const queue: number[] = rng.shuffle(jobs.slice());
  for (const j of queue) queued[j] = 1;
  const enqueue = (x: number): void => {
    if (queued[x] === 0) {
      queued[x] = 1;
      queue.push(x);
    }
  };
  let moves = 0;
  for (let i = 0; i < queue.length && moves < maxMoves; i++) {
    if ((i & 63) === 63 && stop()) break;
    const j = queue[i]!;
    queued[j] = 0;
    for (let o = 0; o < operators.length; o++) {
      const op = operators[o]!;
      const move = op.evaluate(ctx, j);
      if (move === undefined) continue;
      // apply replaces each changed day's node array, so these stay the days as they were
      const before = revisit === 'changed-arcs' ? move.changes.map((c) => sol.routes[c.v]!.nodes) : undefined;
      const from = sol.jobRoute[j]!;
      op.apply(sol, move);
      moves++;
      if (before !== undefined) {
        const after = move.changes.map((c) => sol.routes[c.v]!.nodes);
        sol.changedArcs.forEachChanged(before, after, enqueue);
      } else {
        // the days j left and joined (a 2-opt* partner's day is not revisited: as tuned)
        for (const x of sol.routes[from]!.nodes) if (x >= 0) enqueue(x);
        for (const x of sol.routes[sol.jobRoute[j]!]!.nodes) if (x >= 0) enqueue(x);
      }
      break;
    }
  }
  return moves;
}
