import type { Plan, PlanRoute, Scenario, TrunkLeg } from '../contracts/index.ts';
import { planBaseline, planConsolidated, type SolveContext } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { METRES_PER_KM } from '../domain/units.ts';
import { electricityFactor } from '../energy/index.ts';
import { ALLOCATION_METHOD, allocateByKg } from './allocation.ts';
import { buildCity } from './build-city.ts';
import { computeKpis } from './kpis.ts';
import type { PlanOptions, PlanProgress } from './plan-options.ts';
import { reportRoutes } from './report-routes.ts';
import { computeSavings } from './savings.ts';

/** Share of the time limit given to the baseline; the consolidated plan, the product, gets the rest. */
const BASELINE_SHARE = 0.4;

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/**
 * The main job: a validated scenario in, `{ baseline, consolidated, savings, allocation }` out, both plans
 * on the same inputs and distance model. Synchronous and CPU-bound: run it in a worker off any server's
 * event loop. Deterministic for a given seed when the solver stops by iterations rather than time.
 */
export function planScenario(scenario: Scenario, options: PlanOptions = {}): Plan {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const city = buildCity(scenario, { seed: options.seed, timeLimitSeconds: options.timeLimitSeconds });
  const limitMs = city.timeLimitS * 1000;
  const progress = progressReporter(options.onProgress, clock, started, limitMs);

  const context = (phase: PlanProgress['phase']): SolveContext => ({
    seed: city.seed,
    clock,
    onProgress: progress(phase),
    maxIterations: options.maxIterations,
  });
  const baselineRuns = planBaseline(city, BASELINE_SHARE * limitMs, context('baseline'));
  const consolidated = planConsolidated(city, (1 - BASELINE_SHARE) * limitMs, context('consolidated'));

  const idOfCarrier = (c: number): string => (city.carriers[c] as { id: string }).id;
  const idOfHub = (h: number): string => (city.hubs[h] as { id: string }).id;
  const baselineByCarrier = new Map(
    baselineRuns.map((r) => [
      idOfCarrier(r.carrier),
      reportRoutes(city, r.routing.problem, r.routing.bundles, r.solution, idOfCarrier(r.carrier)),
    ]),
  );
  const pooledByHub = new Map(
    consolidated.pooled.map((r) => [
      idOfHub(r.hub),
      reportRoutes(city, r.routing.problem, r.routing.bundles, r.solution, idOfHub(r.hub)),
    ]),
  );
  const residualByCarrier = new Map(
    consolidated.residual.map((r) => [
      idOfCarrier(r.carrier),
      reportRoutes(city, r.routing.problem, r.routing.bundles, r.solution, idOfCarrier(r.carrier)),
    ]),
  );
  const trunk: TrunkLeg[] = consolidated.trunk.map((t) => {
    const type = city.vehicleTypes[t.type] as { id: string; capacity: readonly number[] };
    return {
      carrierId: idOfCarrier(t.carrier),
      hubId: idOfHub(t.hub),
      vehicleType: type.id,
      trips: t.trips,
      distanceKm: round(t.distance / METRES_PER_KM),
      durationMin: round(t.durationS / 60, 1),
      energyKWh: round(t.energyKWh),
      co2eKg: round(t.co2eKg),
      load: { kg: round(t.delivery[0]), m3: round(t.delivery[1]), units: round(t.delivery[2]) },
    };
  });
  const hubKWh = consolidated.hubHandlingKWh.reduce((a, b) => a + b, 0);
  const hubHandling = {
    kWh: hubKWh,
    co2eKg: hubKWh * electricityFactor(scenario.options?.electricityCo2eKgPerKWh),
  };

  const baselineRoutes = [...baselineByCarrier.values()].flat();
  const consolidatedRoutes: PlanRoute[] = [
    ...[...pooledByHub.values()].flat(),
    ...[...residualByCarrier.values()].flat(),
  ];
  const baselineKpis = computeKpis(city, baselineRoutes);
  const consolidatedKpis = computeKpis(city, consolidatedRoutes, trunk, hubHandling);
  const orderId = (o: number): string => (city.orders[o] as { id: string }).id;

  return {
    schemaVersion: 1,
    scenario: { name: city.name, date: city.date, seed: city.seed, timeLimitSeconds: city.timeLimitS },
    depots: [
      ...scenario.hubs.map((h) => ({ id: h.id, kind: 'hub' as const, location: h.location })),
      ...scenario.carriers.map((c) => ({ id: c.id, kind: 'carrier' as const, location: c.depot })),
    ],
    baseline: {
      kpis: baselineKpis,
      routes: baselineRoutes,
      unassigned: baselineRuns.flatMap((r) =>
        r.solution.unassigned.flatMap((u) =>
          (r.routing.bundles[u.job]?.orders ?? []).map((o) => ({ orderId: orderId(o), reason: u.reason })),
        ),
      ),
    },
    consolidated: {
      kpis: consolidatedKpis,
      routes: consolidatedRoutes,
      trunk,
      unassigned: consolidated.unpooled.map((u) => ({
        orderId: orderId(u.order),
        reason: u.reason,
        detail: residualDetail(city, consolidated.residual, u.order),
      })),
    },
    savings: computeSavings(baselineKpis, consolidatedKpis),
    allocation: allocateByKg(city, baselineByCarrier, pooledByHub, residualByCarrier, trunk),
    meta: {
      allocationMethod: ALLOCATION_METHOD,
      solveSeconds: round((clock() - started) / 1000, 2),
      orders: city.orders.length,
      receivers: city.receivers.length,
    },
  };
}

/** Says whether an order the hub could not pool was then delivered by its carrier, or by nobody. */
function residualDetail(
  city: City,
  residual: ReturnType<typeof planConsolidated>['residual'],
  order: number,
): string {
  const carrier = city.orders[order]?.carrier;
  const run = residual.find((r) => r.carrier === carrier);
  const job = run?.routing.bundles.findIndex((b) => b.orders.includes(order)) ?? -1;
  const failed = run?.solution.unassigned.find((u) => u.job === job);
  return failed
    ? `not delivered by its carrier either (${failed.reason})`
    : 'delivered by its carrier directly';
}

/** Progress over the whole run is elapsed time over the time limit: the solves share one budget. */
function progressReporter(
  sink: PlanOptions['onProgress'],
  clock: () => number,
  started: number,
  limitMs: number,
): (phase: PlanProgress['phase']) => SolveContext['onProgress'] {
  return (phase) =>
    sink &&
    ((p) =>
      sink({
        phase,
        bestCost: p.bestCost,
        percent: Math.min(99, Math.round((100 * (clock() - started)) / limitMs)),
      }));
}
