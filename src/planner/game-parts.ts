import type { PlanTaskResult, Scenario } from '../contracts/index.ts';
import type { SolveContext } from '../consolidation/index.ts';
import { grandCoalition, MAX_EXACT_PLAYERS } from '../cooperation/index.ts';
import type { City } from '../domain/city.ts';
import { PRO_RATA_BY_KG } from './allocation.ts';
import { allocationChoice } from './allocation-rule.ts';
import type { GrandPlanParts } from './coalition-pricing.ts';
import { assembleConsolidated, groupByStart, type ConsolidatedParts } from './consolidated-parts.ts';
import { routesCostEur, trunkCostEur } from './costs.ts';

/**
 * What pricing coalitions needs from this plan (coalition-pricing.ts): each carrier's stand-alone cost (its
 * baseline rounds) and own rounds for unpooled orders, the plan's whole cost, and the pooled tasks' results.
 */
export function gameParts(
  city: City,
  results: readonly PlanTaskResult[],
  consolidated: Pick<
    ConsolidatedParts,
    'baselineRoutes' | 'pooledRoutes' | 'residualRoutes' | 'trunk' | 'hubs'
  >,
): GrandPlanParts {
  const { baselineRoutes, pooledRoutes, residualRoutes, trunk, hubs } = consolidated;
  const baseline = groupByStart(baselineRoutes);
  const residual = groupByStart(residualRoutes);
  return {
    standaloneEur: city.carriers.map((c) => routesCostEur(city, baseline.get(c.id) ?? [])),
    residualEur: city.carriers.map((c) => routesCostEur(city, residual.get(c.id) ?? [])),
    grandEur:
      routesCostEur(city, pooledRoutes) +
      routesCostEur(city, residualRoutes) +
      trunkCostEur(city, trunk) +
      hubs.reduce((s, h) => s + h.costEur, 0),
    pooled: results.filter((r) => r.task.kind === 'pooled'),
  };
}

/** The game's parts straight from the solved tasks (the service's flow parent, before it prices coalitions). */
export function planGameParts(
  city: City,
  scenario: Scenario,
  results: readonly PlanTaskResult[],
  ctx: SolveContext,
): GrandPlanParts {
  return gameParts(city, results, assembleConsolidated(city, scenario, results, ctx));
}

/**
 * The coalitions (bitmasks over the scenario's carriers) an exact cost game prices: every one but the grand
 * coalition, whose cost is the plan's. None when the allocation needs no game (pro rata by kg, asked for or
 * instead of a default game too large: allocation-rule.ts), when there are
 * fewer than two carriers, or above MAX_EXACT_PLAYERS (the Shapley value is then sampled, in one process: each
 * permutation's coalitions depend on the previous draws).
 */
export function exactGameCoalitions(city: City, scenario: Scenario): number[] {
  const n = city.carriers.length;
  if (allocationChoice(scenario).rule === PRO_RATA_BY_KG || n < 2 || n > MAX_EXACT_PLAYERS) return [];
  return Array.from({ length: grandCoalition(n) - 1 }, (_, k) => k + 1);
}

/**
 * A cost game's coalitions are priced in at most this many children of the plan flow, each of at least
 * MIN_COALITIONS_PER_CHUNK coalitions: on the 10-carrier Lille day 64 chunks of 16 (≈ 3 s of work each), enough
 * to keep any number of workers busy while the per-job overhead (a Redis round trip, the sandbox's cached day)
 * stays small. The service's children and `picon plan`'s threads use the same chunks.
 */
export const MAX_GAME_CHUNKS = 64;
export const MIN_COALITIONS_PER_CHUNK = 16;

/**
 * The coalitions split into chunks round-robin: coalition k goes to chunk k mod count, so every chunk holds
 * coalitions of every size (big coalitions cost more to price) and the chunks take about the same time.
 */
export function gameChunks(coalitions: readonly number[]): number[][] {
  if (coalitions.length === 0) return [];
  const count = Math.min(MAX_GAME_CHUNKS, Math.ceil(coalitions.length / MIN_COALITIONS_PER_CHUNK));
  return Array.from({ length: count }, (_, k) => coalitions.filter((_, i) => i % count === k));
}
