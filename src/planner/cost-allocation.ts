import type { AllocationCostRow, Plan } from '../contracts/index.ts';
import {
  allocate,
  allocationCore,
  coalitionCosts,
  grandCoalition,
  MAX_EXACT_PLAYERS,
  membersOf,
  rowsFromCosts,
  sampledCoreCheck,
  sampledShapley,
  type AllocationRule,
} from '../cooperation/index.ts';
import type { City } from '../domain/city.ts';
import { Rng } from '../solver/rng.ts';
import type { CoalitionPrice, GrandPlanParts } from './coalition-pricing.ts';
import { maxOf } from '../domain/arrays.ts';

/** Sampled Shapley (above MAX_EXACT_PLAYERS carriers): stop when every share's standard error is this share of the mean stand-alone cost... */
export const SAMPLING_TOLERANCE_SHARE = 0.01;
/** ...after at least this many orders of the carriers, and never after more (each order prices n coalitions). */
export const SAMPLING_MIN_PERMUTATIONS = 30;
export const SAMPLING_MAX_PERMUTATIONS = 100;

export interface CostAllocation {
  readonly rows: AllocationCostRow[];
  readonly core: NonNullable<Plan['allocationCore']>;
  readonly game: NonNullable<Plan['allocationGame']>;
  readonly method: string;
  readonly warnings: string[];
}

/**
 * Shares the consolidated plan's cost between carriers by a cooperative game (docs/model/cooperation.md): c(S)
 * for every coalition (`known` first, e.g. priced by the service's workers, else `price`), the rule's
 * allocation with the core policy of `allocate` (least core when the core is empty, nucleolus when the rule
 * would charge someone more than alone), the core check, and the table itself so that anyone can recompute the
 * shares. Above MAX_EXACT_PLAYERS carriers: Shapley by permutation sampling, whatever rule was asked for, with
 * its standard error and the sampled coalitions' core check.
 */
export function allocateCosts(
  city: City,
  rule: AllocationRule,
  parts: GrandPlanParts,
  price: CoalitionPrice,
  known: ReadonlyMap<number, number> = new Map(),
): CostAllocation {
  const ids = city.carriers.map((c) => c.id);
  const n = ids.length;
  if (n > MAX_EXACT_PLAYERS) return sampledAllocation(city, rule, parts, price);
  const all = grandCoalition(n);
  const table = coalitionCosts(n, (members, s) => (s === all ? parts.grandEur : price(members)), known);
  const chosen = allocate(table, rule);
  const rows = rowsFromCosts(
    {
      totalEur: parts.grandEur,
      standaloneEur: parts.standaloneEur,
      withoutEur: ids.map((_, i) => table.costsEur[all & ~(1 << i)] as number),
    },
    chosen.allocation,
    ids,
  );
  return {
    rows,
    core: {
      rule,
      ...allocationCore(chosen.core, ids),
      coreEmpty: chosen.coreEmpty,
      leastCoreEpsilonEur: round2(chosen.leastCoreEpsilonEur),
      ...(chosen.fallback ? { fallback: chosen.fallback } : {}),
    },
    game: {
      carrierIds: ids,
      exact: true,
      coalitions: Array.from({ length: all }, (_, k) => ({
        members: membersOf(k + 1),
        costEur: round2(table.costsEur[k + 1] as number),
      })),
    },
    method: methodText(chosen.allocation.method),
    warnings: chosen.fallback ? [`cost allocation: ${chosen.fallback}`] : [],
  };
}

function sampledAllocation(
  city: City,
  rule: AllocationRule,
  parts: GrandPlanParts,
  price: CoalitionPrice,
): CostAllocation {
  const ids = city.carriers.map((c) => c.id);
  const n = ids.length;
  const everyone = ids.map((_, i) => i);
  const cost = (members: readonly number[]): number =>
    members.length === n ? parts.grandEur : price(members);
  const meanStandalone = parts.standaloneEur.reduce((a, b) => a + b, 0) / n;
  const sampled = sampledShapley(n, cost, {
    random: randomOf(new Rng(city.seed)),
    toleranceEur: Math.max(0.01, SAMPLING_TOLERANCE_SHARE * meanStandalone),
    minPermutations: SAMPLING_MIN_PERMUTATIONS,
    maxPermutations: SAMPLING_MAX_PERMUTATIONS,
  });
  const priced = new Map(sampled.sampledCoalitions.map((c) => [c.members.join(','), c.costEur]));
  // c(N \ {i}) behind each marginal cost, priced here when no sampled order did, and listed with the sampled
  // coalitions so that every printed figure can be recomputed from the plan
  const unsampled: { members: number[]; costEur: number }[] = [];
  const without = everyone.map((i) => {
    const members = everyone.filter((j) => j !== i);
    const known = priced.get(members.join(','));
    if (known !== undefined) return known;
    const costEur = cost(members);
    unsampled.push({ members, costEur });
    return costEur;
  });
  const listed = [...sampled.sampledCoalitions, ...unsampled];
  const rows = rowsFromCosts(
    { totalEur: parts.grandEur, standaloneEur: parts.standaloneEur, withoutEur: without },
    sampled.allocation,
    ids,
  );
  const check = sampledCoreCheck(listed, sampled.allocation);
  const se = maxOf(sampled.standardErrorEur);
  return {
    rows,
    core: { rule, ...allocationCore(check, ids) },
    game: {
      carrierIds: ids,
      exact: false,
      coalitions: listed.map((c) => ({
        members: [...c.members],
        costEur: round2(c.costEur),
      })),
      permutations: sampled.permutations,
      maxStandardErrorEur: round2(se),
    },
    method: methodText('shapley-sampled'),
    warnings: [
      `cost allocation: ${n} carriers are more than ${MAX_EXACT_PLAYERS}, so the Shapley value is estimated from ` +
        `${sampled.permutations} random orders of the carriers (largest standard error ${round2(se)} EUR) and the ` +
        `core is checked on the ${listed.length} coalitions priced` +
        (rule === 'shapley' ? '' : `; ${rule} needs every coalition and was not applied`),
    ],
  };
}

const METHOD_TEXT: Record<string, string> = {
  shapley: 'the Shapley value (exact, every coalition priced)',
  'shapley-sampled': 'the Shapley value estimated by sampling orders of the carriers (Castro et al. 2009)',
  proportional: 'shares in proportion to stand-alone costs',
  scrb: 'separable costs, remaining benefits (SCRB)',
  nucleolus: 'the nucleolus',
  'least-core': 'the least core (the core is empty)',
};

function methodText(method: string): string {
  return (
    `${method}: ${METHOD_TEXT[method] ?? method} of a cost game whose c(S) is the cost of coalition S pooling ` +
    'its orders, the others absent (pooled runs warm-started from the plan, its own trunk, the hubs it uses, ' +
    "its members' own rounds for unpooled orders), never above its members' stand-alone costs; c(N) is the " +
    "plan's cost (docs/model/cooperation.md)"
  );
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The solver's seeded generator as a plain function, so sampling is reproducible by the plan's seed. */
const randomOf =
  (rng: Rng): (() => number) =>
  () =>
    rng.next();
