import type { AllocationCostRow, Plan, PlanTaskResult, Scenario } from '../contracts/index.ts';
import type { EmissionAllocation } from '../cooperation/index.ts';
import { scenarioWarnings } from '../contracts/index.ts';
import {
  trunkSolutions,
  type CarrierRounds,
  type SolveContext,
  type TrunkNetwork,
} from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { ALLOCATION_METHOD, allocateByKg, PRO_RATA_BY_KG } from './allocation.ts';
import { allocationChoice } from './allocation-rule.ts';
import { coalitionPricer, type CoalitionPrice } from './coalition-pricing.ts';
import { assembleConsolidated, groupByStart, type ConsolidatedParts } from './consolidated-parts.ts';
import { allocateCosts } from './cost-allocation.ts';
import { gameParts } from './game-parts.ts';
import { computeKpis } from './kpis.ts';
import { feederWarnings } from './feeder-warnings.ts';
import { computeSavings, savingsBreakdown } from './savings.ts';
import { ownRoundsCleanFleet } from './clean-fleet.ts';
import { runPlanTask } from './run-task.ts';
import { planTasks } from './plan-tasks.ts';
import { baselineBudgetOf, solvedTask } from './clean-fleet-tasks.ts';
import { withEmissions, type PlanWithoutEmissions } from './plan-emissions.ts';
import { maxOf } from '../domain/arrays.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** What a caller may have computed before the assembly, so it is not done twice or on one thread. */
export interface PreparedParts {
  /** The physical plan, assembled already (to price the game elsewhere first). */
  readonly consolidated?: ConsolidatedParts;
  /** The clean-fleet counterfactual's re-routes (cleanFleetTasks), solved already; the others are solved here. */
  readonly rerouted?: readonly PlanTaskResult[];
  /** The baseline's emissions (baselineEmissions of the baseline results' routes, in their order). */
  readonly baselineEmissions?: EmissionAllocation;
}

/**
 * Merges solved tasks into the plan: routes the orders no hub could pool with their carriers (so they
 * still count), adds trunk legs and hub handling, then computes KPIs, savings and the allocation.
 * The same code runs in-process (planScenario) and in the service's flow parent job.
 */
/**
 * A draft's baseline (carriers' long multi-trip rounds) is further from what search makes of it than the
 * pooled runs are, so its savings read high: on the generated 2,000-receiver day 51.8 % of vehicle-km against
 * quick's 47.5 % (docs/BENCHMARKS.md, "A first plan fast"). The plan says so where its figures are read.
 */
export const DRAFT_WARNING =
  'effort draft: no search, every run is its first greedy construction; fit to dispatch from and to check ' +
  "the day's data with, but its savings read high (the carriers' own rounds gain most from search): plan " +
  'at quick or more before quoting them';

export function assemblePlan(
  city: City,
  scenario: Scenario,
  results: readonly PlanTaskResult[],
  ctx: SolveContext,
  game: CostGameOptions = {},
  prepared: PreparedParts = {},
): Plan {
  const consolidated = prepared.consolidated ?? assembleConsolidated(city, scenario, results, ctx);
  const started = ctx.clock();
  const { baselineRoutes, pooledRoutes, residualRoutes, residualRuns, network, trunk, hubs } = consolidated;
  const { keptUndelivered, unpooled, orderIndex, hub } = consolidated;
  const consolidatedRoutes = [...pooledRoutes, ...residualRoutes];
  const baselineKpis = computeKpis(city, baselineRoutes);
  let tasks: ReturnType<typeof planTasks> | undefined;
  const clean = ownRoundsCleanFleet(
    city,
    results.filter((r) => r.task.kind === 'baseline'),
    (task) => {
      const solved = solvedTask(prepared.rerouted ?? [], task);
      if (solved) return solved;
      tasks ??= planTasks(city, 'baseline'); // listed once, only when some carrier must be re-routed
      return runPlanTask(city, task, baselineBudgetOf(tasks, task), ctx);
    },
  );
  const cleanRoutes = clean.results.flatMap((r) => r.routes);
  const cleanKpis = computeKpis(city, cleanRoutes);
  const consolidatedKpis = computeKpis(city, consolidatedRoutes, trunk, hub, { trunkFigures: true });

  const baselineUnassigned = results.filter((r) => r.task.kind === 'baseline').flatMap((r) => r.unassigned);
  const undelivered =
    residualRuns.reduce(
      (n, r) =>
        n + r.solution.unassigned.reduce((k, u) => k + (r.routing.bundles[u.job]?.orders.length ?? 0), 0),
      0,
    ) + keptUndelivered.size;
  const { rule, warning: allocationWarning } = allocationChoice(scenario);
  const byKg = () =>
    allocateByKg(
      city,
      groupByStart(baselineRoutes),
      groupByStart(pooledRoutes),
      groupByStart(residualRoutes),
      trunk,
      hubs,
    );
  const parts = gameParts(city, results, consolidated);
  // the game's own iterations stay out of meta.iterations (the routing's work), but a cut-short coalition
  // solve makes the plan machine-dependent like any other, and says so
  const gameStats = { timeCapped: false };
  const shares =
    rule === PRO_RATA_BY_KG
      ? undefined
      : allocateCosts(
          city,
          rule,
          parts,
          countingPrice(
            coalitionPricer(city, parts, ctx, (stats) => {
              gameStats.timeCapped ||= stats.timeCapped;
            }),
            city,
            game,
          ),
          game.known,
        );
  const allocation = shares?.rows ?? byKg();
  // the cost game included: in-process it is most of a 10-carrier plan's time
  const solveSeconds = results.reduce((s, r) => s + r.solveSeconds, 0) + (ctx.clock() - started) / 1000;
  const warnings = [
    ...scenarioWarnings(scenario),
    ...(city.effort === 'draft' ? [DRAFT_WARNING] : []),
    ...(allocationWarning ? [allocationWarning] : []),
    ...(shares?.warnings ?? []),
    ...losersWarning(allocation),
    ...(baselineUnassigned.length > 0
      ? [
          `the baseline leaves ${baselineUnassigned.length} order(s) undelivered (see baseline.unassigned): ` +
            'the savings compare plans that do not deliver the same orders',
        ]
      : []),
    ...trunkWarnings(network),
    ...feederWarnings(city, network),
    ...(undelivered > 0
      ? [`the consolidated plan leaves ${undelivered} order(s) undelivered by hub and carrier alike`]
      : []),
  ];

  const plan: PlanWithoutEmissions = {
    schemaVersion: 1,
    scenario: {
      name: city.name,
      date: city.date,
      seed: city.seed,
      effort: city.effort,
      timeLimitSeconds: city.timeLimitS,
    },
    depots: [
      ...scenario.hubs.map((h) => ({ id: h.id, kind: 'hub' as const, location: h.location })),
      ...scenario.carriers.map((c) => ({ id: c.id, kind: 'carrier' as const, location: c.depot })),
    ],
    baseline: {
      kpis: baselineKpis,
      routes: baselineRoutes,
      unassigned: baselineUnassigned,
    },
    consolidated: {
      kpis: consolidatedKpis,
      routes: consolidatedRoutes,
      trunk,
      hubs,
      unassigned: unpooled.map((u) => ({
        ...u,
        detail: keptUndelivered.has(u.orderId)
          ? `not delivered by its carrier either (${keptUndelivered.get(u.orderId)})`
          : residualDetail(city, residualRuns, orderIndex.get(u.orderId) as number),
      })),
    },
    ownRoundsCleanFleet: {
      kpis: cleanKpis,
      routes: cleanRoutes,
      unassigned: clean.results.flatMap((r) => r.unassigned),
      carriers: clean.carriers,
    },
    savingsBreakdown: savingsBreakdown(baselineKpis, cleanKpis, consolidatedKpis),
    savings: computeSavings(baselineKpis, consolidatedKpis),
    allocation,
    ...(shares ? { allocationCore: shares.core, allocationGame: shares.game } : {}),
    meta: {
      allocationMethod: shares?.method ?? ALLOCATION_METHOD,
      iterations:
        results.reduce((s, r) => s + r.iterations, 0) +
        residualRuns.reduce((s, r) => s + r.solution.stats.iterations, 0) +
        trunkSolutions(network).reduce((s, r) => s + r.stats.iterations, 0),
      warnings,
      timeCapped:
        results.some((r) => r.timeCapped) ||
        residualRuns.some((r) => r.solution.stats.timeCapped) ||
        trunkSolutions(network).some((r) => r.stats.timeCapped) ||
        gameStats.timeCapped ||
        game.knownTimeCapped === true,
      solveSeconds: round(solveSeconds, 2),
      orders: city.orders.length,
      receivers: city.receivers.length,
    },
  };
  return withEmissions(city, scenario, plan, prepared.baselineEmissions);
}

/** How the assembly gets the cost game's coalition costs. */
export interface CostGameOptions {
  /** Coalition costs already priced (the service's workers), by bitmask: see gameParts and coalitionPricer. */
  readonly known?: ReadonlyMap<number, number>;
  /** True when a solve that priced a `known` coalition was cut short by the wall-clock cap. */
  readonly knownTimeCapped?: boolean;
  /** Called after each coalition priced here, with the count priced and the count of the whole game. */
  readonly onPriced?: (done: number, total: number) => void;
}

/** The pricer, reporting each coalition it prices (an exact game prices 2^n - 2; the grand one is the plan). */
function countingPrice(price: CoalitionPrice, city: City, game: CostGameOptions): CoalitionPrice {
  const { onPriced } = game;
  if (!onPriced) return price;
  const total = Math.max(0, 2 ** city.carriers.length - 2 - (game.known?.size ?? 0));
  let done = 0;
  return (members) => {
    const cost = price(members);
    onPriced(++done, total);
    return cost;
  };
}

/** Carriers the allocation charges more than alone: a pooling they would not accept, said out loud. */
function losersWarning(allocation: readonly AllocationCostRow[]): string[] {
  const losers = allocation.filter((r) => r.saving < 0);
  return losers.length === 0
    ? []
    : [
        `the cost allocation charges ${losers.map((r) => `${r.carrierId} ${(-r.saving).toFixed(2)} EUR`).join(', ')} ` +
          'more than alone: those carriers would not join this pooling (see allocationCore)',
      ];
}

/** Says whether an order the hub could not pool was then delivered by its carrier, or by nobody. */
function residualDetail(city: City, residual: readonly CarrierRounds[], order: number): string {
  const carrier = city.orders[order]?.carrier;
  const run = residual.find((r) => r.carrier === carrier);
  const job = run?.routing.bundles.findIndex((b) => b.orders.includes(order)) ?? -1;
  const failed = run?.solution.unassigned.find((u) => u.job === job);
  return failed
    ? `not delivered by its carrier either (${failed.reason})`
    : 'delivered by its carrier directly';
}

/** Trunk consignments no trunk vehicle could carry, and same-day consignments that reach the hub late. */
function trunkWarnings(network: TrunkNetwork): string[] {
  const stranded = network.runs.flatMap((r) =>
    r.solution.unassigned.map((u) => r.consignments[u.job]?.orders.length ?? 0),
  );
  const late = network.runs.flatMap((r) => r.lateS.filter((s) => s > 0));
  return [
    ...(stranded.length > 0
      ? [
          `${stranded.length} trunk consignment(s) (${stranded.reduce((a, b) => a + b, 0)} orders) fit no trunk ` +
            'vehicle or schedule: they do not reach the hub in this plan',
        ]
      : []),
    ...(late.length > 0
      ? [
          `${late.length} trunk consignment(s) reach the hub after the pooled trip that carries them should leave ` +
            `(up to ${Math.ceil(maxOf(late) / 60)} min late, see consolidated.trunk[].stops[].lateMin): ` +
            'consider night-before trunking (options.trunking.schedule) or later pooled shifts',
        ]
      : []),
  ];
}
