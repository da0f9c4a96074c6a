import { describe, expect, it } from 'vitest';
import { formatComparison } from '../../src/io/comparison-table.ts';
import { kpis, variant } from './comparison-fixtures.ts';

/** The table's row that starts with `label` after the section `section`, split into its cells. */
function row(table: string, section: string, label: string): string[] {
  const lines = table.split('\n');
  const from = lines.findIndex((l) => l.startsWith(section));
  const line = lines.slice(from + 1).find((l) => l.trimStart().startsWith(label));
  if (from < 0 || !line) throw new Error(`no row ${section} / ${label}`);
  return line
    .slice(line.indexOf(label) + label.length)
    .trim()
    .split(/\s{2,}/);
}

describe('the comparison table', () => {
  const variants = [
    variant('no hub', kpis(1), kpis(1)),
    variant('hub with e-vans', kpis(1), kpis(0.6)),
    variant('off-peak', kpis(0.9), kpis(0.5)),
  ];
  const table = formatComparison(variants, 'Lille');

  it('names the variants in a legend with their description, seed and effort', () => {
    expect(table.split('\n')[0]).toBe('Lille (seed 7, effort quick)');
    expect(table).toContain(' 2  hub with e-vans — hub with e-vans, described');
  });

  it('shows every KPI side by side: baseline, consolidated and the change recomputed here', () => {
    for (const [section, key, digits] of [
      ['Vehicle-km', 'vehicleKm', 1],
      ['CO2e', 'co2eKg', 1],
      ['Deliveries per receiver', 'deliveriesPerReceiver', 2],
      ['Vehicles in the centre', 'vehicles', 0],
    ] as const) {
      const before = variants.map((v) => v.kpis.baseline[key]);
      const after = variants.map((v) => v.kpis.consolidated[key]);
      expect(row(table, section, 'baseline')).toEqual(before.map((x) => x.toFixed(digits)));
      expect(row(table, section, 'consolidated')).toEqual(after.map((x) => x.toFixed(digits)));
      expect(row(table, section, 'change')).toEqual(
        before.map((b, i) => {
          const pct = (100 * ((after[i] as number) - b)) / b;
          return `${pct > 0 ? '+' : ''}${pct.toFixed(1)} %`;
        }),
      );
    }
  });

  it("splits the saving by cause, and shows each carrier's saving and the orders not pooled", () => {
    expect(row(table, 'Saving by cause', 'CO2e (kg), vehicle technology')).toEqual(
      variants.map((v) => v.savingsBreakdown.vehicleTechnology.co2eKg.toFixed(1)),
    );
    expect(row(table, 'Saving by cause', 'Energy (kWh), consolidation')).toEqual(
      variants.map((v) => v.savingsBreakdown.consolidation.energyKWh.toFixed(1)),
    );
    expect(row(table, 'Saving by cause', 'Vehicle-km (km), consolidation')).toEqual(
      variants.map((v) => (v.kpis.baseline.vehicleKm - v.kpis.consolidated.vehicleKm).toFixed(1)),
    );
    expect(row(table, 'Carrier saving', 'beta')).toEqual(['90', '90', '90']);
    expect(row(table, 'Vehicles in the centre', 'Orders not pooled')).toEqual(['3', '3', '3']);
    expect(row(table, 'Trips including trunk trips', 'consolidated')).toEqual(
      variants.map((v) => String(v.kpis.consolidated.tripsIncludingTrunk)),
    );
  });

  it("shows the consolidated trunk: trips, tonne-km by mode and, with two echelons, each echelon's figures", () => {
    const echelon = (e: 1 | 2, trips: number, km: number) => ({
      echelon: e,
      trips,
      vehicles: 2,
      sailings: e === 2 ? 1 : 0,
      vehicleKm: km,
      vehicleHours: 3,
      energyKWh: 40,
      co2eKg: 12.5,
      tonneKm: { road: 10, barge: e === 2 ? 5 : 0, rail: 0 },
    });
    const one = {
      ...kpis(0.6),
      trunkTrips: 20,
      trunkVehicles: 5,
      trunkTonneKm: { road: 1046.6, barge: 0, rail: 0 },
    };
    const two = {
      ...kpis(0.7),
      trunkTrips: 39,
      trunkVehicles: 12,
      trunkTonneKm: { road: 1718.5, barge: 657.1, rail: 0 },
      echelons: [echelon(1, 20, 794.2), echelon(2, 19, 359.2)],
    };
    const trunk = formatComparison([
      variant('no hub', kpis(1), kpis(1)),
      variant('one hub', kpis(1), one),
      variant('two echelons', kpis(1), two),
    ]);
    const section = 'Trunk of the consolidated plan';
    expect(row(trunk, section, 'road trunk trips')).toEqual(['–', '20', '39']);
    expect(row(trunk, section, 'tonne-km by barge')).toEqual(['–', '0.0', '657.1']);
    expect(row(trunk, section, 'echelon 1: road trips')).toEqual(['–', '–', '20']);
    expect(row(trunk, section, 'echelon 2: vehicle-km')).toEqual(['–', '–', '359.2']);
    expect(row(trunk, section, 'echelon 2: sailings')).toEqual(['–', '–', '1']);
    expect(table).not.toContain(section);
  });
});
