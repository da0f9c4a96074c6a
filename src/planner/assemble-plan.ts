import type {
  AllocationCostRow,
  Plan,
  PlanRoute,
  PlanTask,
  PlanTaskResult,
  Scenario,
  TaskBudget,
  Unassigned,
} from '../contracts/index.ts';
import { InternalError } from '../domain/errors.ts';
import { scenarioWarnings } from '../contracts/index.ts';
import {
  hubHandling,
  ordersByCarrier,
  planResidual,
  planTrunkNetwork,
  trunkSolutions,
  facilityChoice,
  type CarrierRounds,
  type SolveContext,
  type TrunkNetwork,
} from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { electricityFactor } from '../energy/index.ts';
import { ALLOCATION_METHOD, allocateByKg, PRO_RATA_BY_KG } from './allocation.ts';
import { coalitionPricer, type CoalitionPrice, type GrandPlanParts } from './coalition-pricing.ts';
import { routesCostEur, trunkCostEur } from './costs.ts';
import { allocateCosts } from './cost-allocation.ts';
import { computeKpis } from './kpis.ts';
import { reportRoutes } from './report-routes.ts';
import { reportTrunk } from './report-trunk.ts';
import { reportHubs } from './report-hubs.ts';
import { feederWarnings } from './feeder-warnings.ts';
import { computeSavings, savingsBreakdown } from './savings.ts';
import { ownRoundsCleanFleet } from './clean-fleet.ts';
import { runPlanTask } from './run-task.ts';
import { planTasks } from './plan-tasks.ts';
import { withEmissions } from './plan-emissions.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

function groupBy(routes: readonly PlanRoute[]): Map<string, PlanRoute[]> {
  const out = new Map<string, PlanRoute[]>();
  for (const r of routes) out.set(r.start, [...(out.get(r.start) ?? []), r]);
  return out;
}

/**
 * Merges solved tasks into the plan: routes the orders no hub could pool with their carriers (so they
 * still count), adds trunk legs and hub handling, then computes KPIs, savings and the allocation.
 * The same code runs in-process (planScenario) and in the service's flow parent job.
 */
export function assemblePlan(
  city: City,
  scenario: Scenario,
  results: readonly PlanTaskResult[],
  ctx: SolveContext,
  game: CostGameOptions = {},
): Plan {
  const started = ctx.clock();
  const baselineRoutes = results.filter((r) => r.task.kind === 'baseline').flatMap((r) => r.routes);
  const pooledRoutes = results.filter((r) => r.task.kind === 'pooled').flatMap((r) => r.routes);
  const orderIndex = new Map(city.orders.map((o, i) => [o.id, i]));
  const facilities = facilityChoice(city);
  const hubOf = facilities.hubOf;

  const unpooled: Unassigned[] = [
    ...city.orders.flatMap((o) =>
      (hubOf[o.receiver] ?? -1) < 0
        ? [{ orderId: o.id, reason: facilities.reasonOf[o.receiver] ?? ('no-vehicle-allowed' as const) }]
        : [],
    ),
    ...results.filter((r) => r.task.kind === 'pooled').flatMap((r) => r.unassigned),
  ];
  const pooledOrders = pooledRoutes.flatMap((r) =>
    r.stops.flatMap((s) => s.orderIds.map((id) => orderIndex.get(id) as number)),
  );
  // a carrier none of whose orders a hub took keeps its baseline rounds as they are: solving them again
  // would only add search noise to a saving that is zero by construction
  const unpooledByCarrier = ordersByCarrier(
    city,
    unpooled.map((u) => orderIndex.get(u.orderId) as number),
  );
  const allByCarrier = ordersByCarrier(city);
  const whole = new Set(
    city.carriers
      .map((c) => c.id)
      .filter((_, c) => {
        const n = unpooledByCarrier[c]?.length ?? 0;
        return n > 0 && n === allByCarrier[c]?.length;
      }),
  );
  const keptRounds = results.filter((r) => r.task.kind === 'baseline' && whole.has(r.task.carrierId));
  const residualRuns = planResidual(
    city,
    unpooledByCarrier.flatMap((orders, c) => (whole.has(city.carriers[c]?.id ?? '') ? [] : orders)),
    ctx,
  );
  const residualRoutes = [
    ...keptRounds.flatMap((r) => r.routes),
    ...residualRuns.flatMap((r) => {
      const id = (city.carriers[r.carrier] as { id: string }).id;
      return reportRoutes(city, r.routing.problem, r.routing.bundles, r.solution, id, `${id}/unpooled`);
    }),
  ];
  const keptUndelivered = new Map(
    keptRounds.flatMap((r) => r.unassigned.map((u) => [u.orderId, u.reason] as const)),
  );

  const hubIndex = new Map(city.hubs.map((h, i) => [h.id, i]));
  const network = planTrunkNetwork(
    city,
    pooledRoutes.flatMap((r) =>
      r.stops.flatMap((st) =>
        st.orderIds.map((id) => ({
          order: orderIndex.get(id) as number,
          hub: hubIndex.get(r.start) as number,
          departureS: r.departureSec ?? 0,
        })),
      ),
    ),
    ctx,
  );
  const trunk = reportTrunk(city, network);
  const hubs = reportHubs(city, pooledRoutes, trunk, network, facilities);
  const hubKWh = hubHandling(city, pooledOrders, hubOf).reduce((a, b) => a + b, 0);
  const hub = { kWh: hubKWh, co2eKg: hubKWh * electricityFactor(scenario.options?.electricityCo2eKgPerKWh) };

  const consolidatedRoutes = [...pooledRoutes, ...residualRoutes];
  const baselineKpis = computeKpis(city, baselineRoutes);
  let tasks: ReturnType<typeof planTasks> | undefined;
  const clean = ownRoundsCleanFleet(
    city,
    results.filter((r) => r.task.kind === 'baseline'),
    (task) => {
      tasks ??= planTasks(city); // listed once, only when some carrier must be re-routed
      return runPlanTask(city, task, budgetOf(tasks, task), ctx);
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
  const rule = scenario.options?.allocation ?? 'shapley';
  const byKg = () =>
    allocateByKg(city, groupBy(baselineRoutes), groupBy(pooledRoutes), groupBy(residualRoutes), trunk, hubs);
  const parts = gameParts(city, results, baselineRoutes, pooledRoutes, residualRoutes, trunk, hubs);
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

  return withEmissions(city, scenario, {
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
  });
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

/**
 * What pricing coalitions needs from this plan (coalition-pricing.ts): each carrier's stand-alone cost (its
 * baseline rounds) and own rounds for unpooled orders, the plan's whole cost, and the pooled tasks' results.
 */
export function gameParts(
  city: City,
  results: readonly PlanTaskResult[],
  baselineRoutes: readonly PlanRoute[],
  pooledRoutes: readonly PlanRoute[],
  residualRoutes: readonly PlanRoute[],
  trunk: Plan['consolidated']['trunk'],
  hubs: Plan['consolidated']['hubs'],
): GrandPlanParts {
  const baseline = groupBy(baselineRoutes);
  const residual = groupBy(residualRoutes);
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

/** The budget of a carrier's baseline task (same carrier and zone): a rerouted counterfactual gets the same. */
function budgetOf(tasks: ReturnType<typeof planTasks>, task: PlanTask): TaskBudget {
  const same = tasks.find(
    (t) =>
      t.task.kind === 'baseline' &&
      task.kind === 'baseline' &&
      t.task.carrierId === task.carrierId &&
      t.task.zone === task.zone,
  );
  if (!same)
    throw new InternalError('BROKEN_INVARIANT', `no baseline task for carrier ${JSON.stringify(task)}`);
  return same.budget;
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
            `(up to ${Math.ceil(Math.max(...late) / 60)} min late, see consolidated.trunk[].stops[].lateMin): ` +
            'consider night-before trunking (options.trunking.schedule) or later pooled shifts',
        ]
      : []),
  ];
}
