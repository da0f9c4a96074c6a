import type { Kpis } from '../../../src/contracts/index.ts';
import type { HubFigures } from './hubs.ts';
import type { RouteFigures } from './routes.ts';
import { close, DURATION_ROUNDING_MIN, ROUNDING_3_DECIMALS } from './tolerances.ts';
import type { TrunkFigures } from './trunk.ts';
import { fmt, type Violations } from './violations.ts';

/** A part's KPIs as the auditor recomputes them (unrounded), and how many printed figures each sums. */
export interface RecomputedKpis extends Omit<
  Kpis,
  'hubHandlingKWh' | 'trunkTrips' | 'trunkVehicles' | 'trunkTonneKm'
> {
  readonly hubHandlingKWh: number;
  readonly trunkTrips: number;
  readonly trunkVehicles: number;
  readonly trunkTonneKm: { road: number; barge: number; rail: number };
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
    name: Exclude<keyof RecomputedKpis, 'trunkTonneKm'>,
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
  if (expected.hubHandlingKWh > 0 || printed.hubHandlingKWh !== undefined) {
    if (!close(printed.hubHandlingKWh ?? 0, expected.hubHandlingKWh, ROUNDING_3_DECIMALS))
      v.add(
        'HUB_HANDLING_MISMATCH',
        at,
        `hubHandlingKWh ${printed.hubHandlingKWh ?? 'absent'}, recomputed ${fmt(expected.hubHandlingKWh)}`,
      );
  }
}
