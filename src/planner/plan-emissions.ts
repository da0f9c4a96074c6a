import type {
  AllocationCostRow,
  Plan,
  PlanRoute,
  PlanEmissionElement,
  PlanEmissionTotals,
  PlanEmissions,
  Scenario,
} from '../contracts/index.ts';
import {
  allocateEmissions,
  chainElementSummary,
  type EmissionAllocation,
  type EmissionTotals,
} from '../cooperation/index.ts';
import type { City } from '../domain/city.ts';
import { electricityFactor } from '../energy/index.ts';
import { EmissionPlaces, hubOperations, routeTrips, trunkTrips } from './emission-trips.ts';
import { emissionFactors } from './emission-factors.ts';
import { TtwShares } from './ttw-shares.ts';

/** A plan before its emissions are added: its allocation rows lack their carrier's CO2e and tonne-km. */
export type PlanWithoutEmissions = Omit<Plan, 'emissions' | 'allocation'> & {
  readonly allocation: readonly AllocationCostRow[];
};

export const EMISSION_METHOD: PlanEmissions['method'] = {
  standard: 'ISO 14083:2023, GLEC Framework v3: WTW and TTW CO2e per transport chain element',
  transportAllocation:
    "each trip's whole emissions (empty running and the return leg included) are shared between its " +
    "consignments (orders) in proportion to mass x distance from the trip's start to the consignment's drop " +
    '(delivery) or pick (pickup) point; by mass when every distance is 0',
  hubAllocation:
    "each hub's handling emissions are shared by throughput in handling units (at least one per order)",
  distanceBasis:
    "shortest feasible distance on the plan's travel model from the trip's start (the scenario's distance " +
    'matrix, else great-circle x circuity) to the receiver, or for trunk trips to the carrier depot; barge and ' +
    "rail: the leg's network length; no GLEC +5 % adjustment (picon's distances are already network-like)",
  rounding:
    "each element's total is rounded to the gram once and split by largest remainder: consignments add up to " +
    'carriers, carriers to the plan totals, to the gram',
};

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const kg = (grams: number): number => grams / 1000;
const intensity = (grams: number, tonneKm: number): number | null =>
  tonneKm > 0 ? round(grams / tonneKm) : null;

/**
 * Adds the ISO 14083 emissions to an assembled plan: both plans' trips and hub handling allocated to their
 * orders (src/cooperation/emission-shares.ts), summed per chain element, per carrier and per consignment, and
 * each allocation row's carrier CO2e and tonne-km. The consolidated total is the consolidated KPI's CO2e to the
 * gram (routes and trunk trips are printed to the gram; hubs are split from their rounded total).
 */
export function withEmissions(
  city: City,
  scenario: Scenario,
  plan: PlanWithoutEmissions,
  baselineAllocation?: EmissionAllocation,
): Plan {
  const ttw = new TtwShares(city, scenario);
  const places = new EmissionPlaces(city, ttw);
  const orders = city.carriers.map(() => 0);
  for (const o of city.orders) orders[o.carrier] = (orders[o.carrier] ?? 0) + 1;
  const baseline = baselineAllocation ?? ownRoundEmissions(places, plan.baseline.routes);
  const pooled = plan.consolidated.routes.filter((r) => places.isHub(r.start));
  const consolidated = allocateEmissions(
    [
      ...trunkTrips(places, plan.consolidated.trunk),
      ...routeTrips(places, plan.consolidated.routes, (r) =>
        places.isHub(r.start) ? 'pooled-run' : 'residual-round',
      ),
    ],
    hubOperations(city, places, pooled, electricityFactor(scenario.options?.electricityCo2eKgPerKWh)),
  );
  const carriers = city.carriers.map((c, i) => {
    const before = totals(baseline.byCarrier.get(c.id));
    const after = totals(consolidated.byCarrier.get(c.id));
    return {
      carrierId: c.id,
      orders: orders[i] ?? 0,
      baseline: before,
      consolidated: after,
      wtwSavedKg: round(before.wtwCo2eKg - after.wtwCo2eKg),
    };
  });
  const emissions: PlanEmissions = {
    method: EMISSION_METHOD,
    factors: emissionFactors(city, scenario, ttw, plan),
    totals: { baseline: planTotals(baseline), consolidated: planTotals(consolidated) },
    elements: [...elements('baseline', baseline), ...elements('consolidated', consolidated)],
    carriers,
    consignments: city.orders.flatMap((o) => {
      const [b, a] = [baseline.byConsignment.get(o.id), consolidated.byConsignment.get(o.id)];
      if (!b && !a) return [];
      return [
        {
          orderId: o.id,
          carrierId: (city.carriers[o.carrier] as { id: string }).id,
          baseline: b ? totals(b) : null,
          consolidated: a ? totals(a) : null,
        },
      ];
    }),
  };
  const byCarrier = new Map(carriers.map((c) => [c.carrierId, c.consolidated]));
  const { meta, ...rest } = plan;
  return {
    ...rest,
    allocation: plan.allocation.map((row) => ({
      ...row,
      co2eKg: byCarrier.get(row.carrierId)?.wtwCo2eKg ?? 0,
      tonneKm: byCarrier.get(row.carrierId)?.tonneKm ?? 0,
    })),
    emissions,
    meta,
  };
}

/**
 * The baseline's emissions allocated to its orders: its own rounds only, so a caller that has them before the
 * rest of the plan (`picon plan`, while its threads route the pooled runs) computes this then, and gives it to
 * `withEmissions` with a plan of exactly these baseline routes.
 */
export function baselineEmissions(
  city: City,
  scenario: Scenario,
  routes: readonly PlanRoute[],
): EmissionAllocation {
  return ownRoundEmissions(new EmissionPlaces(city, new TtwShares(city, scenario)), routes);
}

function ownRoundEmissions(places: EmissionPlaces, routes: readonly PlanRoute[]): EmissionAllocation {
  return allocateEmissions(routeTrips(places, routes, () => 'own-round'));
}

const NONE: EmissionTotals = { wtwCo2eG: 0, ttwCo2eG: 0, tonneKm: 0, wtwIntensityGPerTkm: undefined };

function totals(t: EmissionTotals = NONE): PlanEmissionTotals {
  return {
    wtwCo2eKg: kg(t.wtwCo2eG),
    ttwCo2eKg: kg(t.ttwCo2eG),
    tonneKm: round(t.tonneKm),
    wtwGPerTkm: intensity(t.wtwCo2eG, t.tonneKm),
  };
}

function planTotals(a: EmissionAllocation): PlanEmissionTotals {
  return totals({ ...a.total, wtwIntensityGPerTkm: undefined });
}

function elements(plan: 'baseline' | 'consolidated', a: EmissionAllocation): PlanEmissionElement[] {
  const sources = new Map<string, Set<string>>();
  for (const s of a.shares) {
    const set = sources.get(s.element) ?? new Set<string>();
    set.add(s.sourceId);
    sources.set(s.element, set);
  }
  return chainElementSummary(a).map((e) => ({
    plan,
    element: e.element,
    kind: e.kind,
    count: sources.get(e.element)?.size ?? 0,
    wtwCo2eKg: kg(e.wtwCo2eG),
    ttwCo2eKg: kg(e.ttwCo2eG),
    tonneKm: round(e.tonneKm),
    tonnes: round(e.tonnes),
    wtwGPerTkm: e.kind === 'transport' ? intensity(e.wtwCo2eG, e.tonneKm) : null,
    ttwGPerTkm: e.kind === 'transport' ? intensity(e.ttwCo2eG, e.tonneKm) : null,
    wtwGPerTonne: e.kind === 'hub' && e.tonnes > 0 ? round(e.wtwCo2eG / e.tonnes) : null,
  }));
}
