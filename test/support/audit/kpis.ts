import type { Kpis } from '../../../src/contracts/index.ts';
import type { HubFigures } from './hubs.ts';
import type { RouteFigures } from './routes.ts';
import { close, DURATION_ROUNDING_MIN, ROUNDING_3_DECIMALS } from './tolerances.ts';
import type { TrunkFigures } from './trunk.ts';
import { fmt, type Violations } from './violations.ts';

/** A part's KPIs as the auditor recomputes them (unrounded), and how many printed figures each sums. */
export interface RecomputedKpis extends Omit<
  Kpis,
  'hubHandlingKWh' | 'trunkTrips' | 'trunkVehicles' | 'trunkTonneKm' | 'echelons'
> {
  readonly hubHandlingKWh: number;
  readonly trunkTrips: number;
  readonly trunkVehicles: number;
  readonly trunkTonneKm: TonneKm;
  /** Per echelon (1, 2), from the auditor's own trunk figures; printed only by two-echelon plans. */
  readonly echelons: readonly RecomputedEchelon[];
}

type TonneKm = { road: number; barge: number; rail: number };
interface RecomputedEchelon {
  readonly echelon: 1 | 2;
  readonly trips: number;
  readonly vehicles: number;
  readonly sailings: number;
  readonly vehicleKm: number;
  readonly vehicleHours: number;
  readonly energyKWh: number;
  readonly co2eKg: number;
  readonly tonneKm: TonneKm;
}

/**
 * docs/model/consolidation.md, two echelons: an echelon's road trips and distinct road vehicles, its sailings,
 * road vehicle-km and hours, and every trip's energy, CO2e and tonne-km by mode (trips without `echelon`: 1).
 */
function recomputeEchelon(echelon: 1 | 2, trunk: readonly TrunkFigures[]): RecomputedEchelon {
  const mine = trunk.filter((t) => (t.trip.echelon ?? 1) === echelon);
  const road = mine.filter((t) => t.trip.mode === 'road');
  const tonneKm = (mode: string): number =>
    sum(mine.filter((t) => t.trip.mode === mode).map((t) => t.tonneKm));
  return {
    echelon,
    trips: road.length,
    vehicles: new Set(road.map((t) => t.trip.vehicle)).size,
    sailings: mine.length - road.length,
    vehicleKm: sum(road.map((t) => t.distanceKm)),
    vehicleHours: sum(road.map((t) => t.durationS)) / 3600,
    energyKWh: sum(mine.map((t) => t.energyKWh)),
    co2eKg: sum(mine.map((t) => t.co2eKg)),
    tonneKm: { road: tonneKm('road'), barge: tonneKm('barge'), rail: tonneKm('rail') },
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * DESIGN.md, plan output: vehicles = distinct vehicles driving in the centre (trunk excluded);
 * tripsIncludingTrunk = routes (one per trip) + road trunk trips;
 * vehicleKm and vehicleHours sum routes and road trunk trips (barge and rail are not vehicle-km);
 * energy and CO2e sum routes, every trunk trip and sailing, and hub handling;
 * trunkTrips, trunkVehicles and trunkTonneKm by mode describe the trunk alone; deliveriesPerReceiver = stops / receivers served; fillRate = mean over routes of the peak
 * load's share of the binding capacity dimension.
 */
export function recomputeKpis(
  routes: readonly RouteFigures[],
  trunk: readonly TrunkFigures[],
  hubs: readonly HubFigures[],
): RecomputedKpis {
  const stops = sum(routes.map((r) => r.route.stops.length));
  const receivers = new Set(routes.flatMap((r) => r.route.stops.map((s) => s.receiverId))).size;
  const hubKWh = sum(hubs.map((h) => h.kWh));
  const road = trunk.filter((t) => t.trip.mode === 'road');
  const tonneKm = (mode: string): number =>
    sum(trunk.filter((t) => t.trip.mode === mode).map((t) => t.tonneKm));
  return {
    vehicles: new Set(routes.map((r) => r.route.vehicle)).size,
    routes: routes.length,
    vehicleKm: sum(routes.map((r) => r.distanceKm)) + sum(road.map((t) => t.distanceKm)),
    vehicleHours: (sum(routes.map((r) => r.durationS)) + sum(road.map((t) => t.durationS))) / 3600,
    energyKWh: sum(routes.map((r) => r.energyKWh)) + sum(trunk.map((t) => t.energyKWh)) + hubKWh,
    co2eKg:
      sum(routes.map((r) => r.co2eKg)) + sum(trunk.map((t) => t.co2eKg)) + sum(hubs.map((h) => h.co2eKg)),
    stops,
    deliveriesPerReceiver: receivers === 0 ? 0 : stops / receivers,
    fillRate: routes.length === 0 ? 0 : sum(routes.map((r) => r.fill)) / routes.length,
    hubHandlingKWh: hubKWh,
    tripsIncludingTrunk: routes.length + road.length,
    trunkTrips: road.length,
    trunkVehicles: new Set(road.map((t) => t.trip.vehicle)).size,
    trunkTonneKm: { road: tonneKm('road'), barge: tonneKm('barge'), rail: tonneKm('rail') },
    echelons: [recomputeEchelon(1, trunk), recomputeEchelon(2, trunk)],
  };
}

/**
 * Printed KPIs against the recomputed ones. The plan sums figures it printed rounded (3 decimals, or
 * 0.1 min for durations) and rounds the sum to 3 decimals: the slack is half a step per summed figure.
 */
export function auditKpis(
  v: Violations,
  label: string,
  printed: Kpis,
  expected: RecomputedKpis,
  summed: number,
): void {
  const at = `${label} kpis`;
  const exact = (name: 'vehicles' | 'routes' | 'stops' | 'tripsIncludingTrunk'): void => {
    if (printed[name] !== expected[name])
      v.add('KPI_MISMATCH', at, `${name} ${printed[name]}, recomputed ${expected[name]}`);
  };
  const near = (
    name: Exclude<keyof RecomputedKpis, 'trunkTonneKm' | 'echelons'>,
    printedValue: number | undefined,
    slack: number,
  ): void => {
    if (!close(printedValue ?? 0, expected[name], slack))
      v.add('KPI_MISMATCH', at, `${name} ${printedValue ?? 'absent'}, recomputed ${fmt(expected[name])}`);
  };
  const perFigure = (summed + 1) * ROUNDING_3_DECIMALS;
  exact('vehicles');
  exact('routes');
  exact('stops');
  exact('tripsIncludingTrunk');
  near('vehicleKm', printed.vehicleKm, perFigure);
  near('vehicleHours', printed.vehicleHours, (summed * DURATION_ROUNDING_MIN) / 60 + ROUNDING_3_DECIMALS);
  near('energyKWh', printed.energyKWh, perFigure);
  near('co2eKg', printed.co2eKg, perFigure);
  near('deliveriesPerReceiver', printed.deliveriesPerReceiver, ROUNDING_3_DECIMALS);
  // loads are printed to 3 decimals: a peak share moves by at most 0.0005 / the smallest capacity
  near('fillRate', printed.fillRate, 2 * ROUNDING_3_DECIMALS);
  if (printed.trunkTrips !== undefined || expected.trunkTrips > 0) {
    if (printed.trunkTrips !== expected.trunkTrips || printed.trunkVehicles !== expected.trunkVehicles)
      v.add(
        'KPI_MISMATCH',
        at,
        `trunkTrips ${printed.trunkTrips} / trunkVehicles ${printed.trunkVehicles}, recomputed ` +
          `${expected.trunkTrips} / ${expected.trunkVehicles}`,
      );
    for (const mode of ['road', 'barge', 'rail'] as const)
      if (!close(printed.trunkTonneKm?.[mode] ?? 0, expected.trunkTonneKm[mode], perFigure))
        v.add(
          'KPI_MISMATCH',
          at,
          `trunkTonneKm.${mode} ${printed.trunkTonneKm?.[mode] ?? 'absent'}, recomputed ${fmt(expected.trunkTonneKm[mode])}`,
        );
  }
  auditEchelons(v, at, printed, expected);
  if (expected.hubHandlingKWh > 0 || printed.hubHandlingKWh !== undefined) {
    if (!close(printed.hubHandlingKWh ?? 0, expected.hubHandlingKWh, ROUNDING_3_DECIMALS))
      v.add(
        'HUB_HANDLING_MISMATCH',
        at,
        `hubHandlingKWh ${printed.hubHandlingKWh ?? 'absent'}, recomputed ${fmt(expected.hubHandlingKWh)}`,
      );
  }
}

/**
 * `kpis.echelons`: printed exactly when the trunk has a second echelon, one row per echelon in order, each
 * figure as recomputed (sums of 3-decimal figures, half a step of slack per trip; hours from 0.1-min durations).
 */
function auditEchelons(v: Violations, at: string, printed: Kpis, expected: RecomputedKpis): void {
  const twoEchelons = (expected.echelons[1]?.trips ?? 0) + (expected.echelons[1]?.sailings ?? 0) > 0;
  if (!twoEchelons && printed.echelons === undefined) return;
  const rows = printed.echelons ?? [];
  if (!twoEchelons || rows.length !== 2 || rows.some((r, i) => r.echelon !== i + 1)) {
    v.add(
      'ECHELON_SUMMARY_MISMATCH',
      at,
      `echelons [${rows.map((r) => r.echelon)}], the trunk has ${twoEchelons ? 'two echelons' : 'one'}`,
    );
    return;
  }
  rows.forEach((row, i) => {
    const want = expected.echelons[i] as RecomputedEchelon;
    const n = want.trips + want.sailings;
    const slack = (n + 1) * ROUNDING_3_DECIMALS;
    const off = [
      row.trips !== want.trips && `trips ${row.trips} (recomputed ${want.trips})`,
      row.vehicles !== want.vehicles && `vehicles ${row.vehicles} (recomputed ${want.vehicles})`,
      row.sailings !== want.sailings && `sailings ${row.sailings} (recomputed ${want.sailings})`,
      ...(['vehicleKm', 'energyKWh', 'co2eKg'] as const).map(
        (k) => !close(row[k], want[k], slack) && `${k} ${row[k]} (recomputed ${fmt(want[k])})`,
      ),
      !close(row.vehicleHours, want.vehicleHours, (n * DURATION_ROUNDING_MIN) / 60 + ROUNDING_3_DECIMALS) &&
        `vehicleHours ${row.vehicleHours} (recomputed ${fmt(want.vehicleHours)})`,
      ...(['road', 'barge', 'rail'] as const).map(
        (m) =>
          !close(row.tonneKm[m], want.tonneKm[m], slack) &&
          `tonneKm.${m} ${row.tonneKm[m]} (recomputed ${fmt(want.tonneKm[m])})`,
      ),
    ].filter((x): x is string => typeof x === 'string');
    if (off.length > 0) v.add('ECHELON_SUMMARY_MISMATCH', `${at} echelon ${row.echelon}`, off.join(', '));
  });
}
