import type { ComparisonVariant, Kpis, SavingsBreakdown } from '../contracts/index.ts';

/** One KPI as the comparison's table, CSV and page show it. */
export interface KpiRow {
  /** The KPI's field name in `kpis`. */
  readonly key: string;
  readonly label: string;
  /** The label without its qualifier, for lines that add their own (`Vehicle-km (km), consolidation`). */
  readonly short: string;
  readonly unit: string;
  readonly digits: number;
}

/** Every KPI of a plan, in the order `picon plan` prints them; optional ones only when a plan has them. */
export const KPI_ROWS: readonly KpiRow[] = [
  { key: 'vehicles', short: 'Vehicles', label: 'Vehicles in the centre', unit: 'vehicles', digits: 0 },
  { key: 'routes', short: 'Routes', label: 'Routes: trips in the centre', unit: 'trips', digits: 0 },
  {
    key: 'tripsIncludingTrunk',
    short: 'Trips',
    label: 'Trips including trunk trips',
    unit: 'trips',
    digits: 0,
  },
  { key: 'vehicleKm', short: 'Vehicle-km', label: 'Vehicle-km, trunk legs included', unit: 'km', digits: 1 },
  { key: 'vehicleHours', short: 'Vehicle-hours', label: 'Vehicle-hours', unit: 'h', digits: 1 },
  { key: 'energyKWh', short: 'Energy', label: 'Energy, hub handling included', unit: 'kWh', digits: 1 },
  { key: 'co2eKg', short: 'CO2e', label: 'CO2e well-to-wheel', unit: 'kg', digits: 1 },
  { key: 'stops', short: 'Stops', label: 'Stops', unit: 'stops', digits: 0 },
  {
    key: 'deliveriesPerReceiver',
    short: 'Deliveries per receiver',
    label: 'Deliveries per receiver',
    unit: 'visits',
    digits: 2,
  },
  { key: 'fillRate', short: 'Fill rate', label: 'Fill rate', unit: 'share', digits: 2 },
];

/** A KPI's value, or undefined when the plan does not report it (e.g. a field added after it was made). */
export function kpiValue(kpis: Kpis, key: string): number | undefined {
  const v = (kpis as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : undefined;
}

/** The KPI rows at least one variant reports. */
export function reportedKpiRows(variants: readonly ComparisonVariant[]): KpiRow[] {
  return KPI_ROWS.filter((row) =>
    variants.some(
      (v) =>
        kpiValue(v.kpis.baseline, row.key) !== undefined ||
        kpiValue(v.kpis.consolidated, row.key) !== undefined,
    ),
  );
}

/** Signed change consolidated − baseline in percent of the baseline; undefined when the baseline is 0. */
export function changePct(before: number, after: number): number | undefined {
  return before === 0 ? undefined : (100 * (after - before)) / before;
}

export const CAUSES: readonly { key: keyof SavingsBreakdown; label: string }[] = [
  { key: 'vehicleTechnology', label: 'vehicle technology' },
  { key: 'consolidation', label: 'consolidation' },
];

/** The KPIs the saving is split by cause for (`savingsBreakdown`), with their KPI row. */
export const BREAKDOWN_KPIS: readonly KpiRow[] = KPI_ROWS.filter(
  (r) => r.key === 'vehicleKm' || r.key === 'energyKWh' || r.key === 'co2eKg',
);

/** The saving of one cause on one of BREAKDOWN_KPIS (positive: the cause reduces it). */
export function causeSaving(v: ComparisonVariant, cause: keyof SavingsBreakdown, kpi: KpiRow): number {
  return v.savingsBreakdown[cause][kpi.key as keyof SavingsBreakdown['consolidation']];
}

/** The carriers of the allocation of any variant, in first-seen order. */
export function allocationCarriers(variants: readonly ComparisonVariant[]): string[] {
  return [...new Set(variants.flatMap((v) => v.allocation.map((a) => a.carrierId)))];
}

/** A trunk figure of the consolidated plan, as `picon compare` shows it (undefined: the plan has none). */
export interface TrunkRow {
  readonly label: string;
  readonly digits: number;
  readonly value: (kpis: Kpis) => number | undefined;
}

/**
 * The trunk's figures: road trips and vehicles, tonne-km by mode (barge and rail are not vehicle-km), and, when
 * some variant has two echelons, each echelon's road trips, sailings, vehicle-km, energy and CO2e.
 */
export function trunkRows(variants: readonly ComparisonVariant[]): TrunkRow[] {
  const rows: TrunkRow[] = [
    { label: 'road trunk trips', digits: 0, value: (k) => k.trunkTrips },
    { label: 'trunk vehicles', digits: 0, value: (k) => k.trunkVehicles },
    ...(['road', 'barge', 'rail'] as const).map((mode) => ({
      label: `tonne-km by ${mode}`,
      digits: 1,
      value: (k: Kpis) => k.trunkTonneKm?.[mode],
    })),
  ];
  if (!variants.some((v) => v.kpis.consolidated.echelons)) return rows;
  const figures = [
    ['road trips', 0, 'trips'],
    ['sailings', 0, 'sailings'],
    ['vehicle-km', 1, 'vehicleKm'],
    ['energy (kWh)', 1, 'energyKWh'],
    ['CO2e (kg)', 1, 'co2eKg'],
  ] as const;
  for (const e of [1, 2] as const)
    for (const [label, digits, key] of figures)
      rows.push({
        label: `echelon ${e}: ${label}`,
        digits,
        value: (k) => k.echelons?.find((x) => x.echelon === e)?.[key],
      });
  return rows;
}
