import { describe, expect, it } from 'vitest';
import type { Kpis } from '../../src/contracts/index.ts';
import { comparisonToCsv, textCell } from '../../src/io/comparison-csv.ts';
import { kpis, variant } from './comparison-fixtures.ts';

/** An RFC 4180 reader written for the test: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const records = (text: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? ''])));
};

describe('comparison.csv', () => {
  const variants = [variant('no hub', kpis(1), kpis(1)), variant('hub, "bikes"', kpis(1), kpis(0.6))];
  const rows = records(comparisonToCsv(variants));

  it('has one row per variant and KPI, the change recomputed from its own baseline and consolidated cells', () => {
    const kpiRows = rows.filter((r) => r.carrier === '' && r.metric !== 'ordersNotPooled');
    expect(kpiRows).toHaveLength(2 * 10);
    for (const r of kpiRows) {
      const v = variants.find((x) => x.name === r.variant);
      const key = r.metric as keyof Kpis;
      expect(Number(r.baseline)).toBeCloseTo(v?.kpis.baseline[key] as number, 3);
      expect(Number(r.consolidated)).toBeCloseTo(v?.kpis.consolidated[key] as number, 3);
      expect(Number(r.change)).toBeCloseTo(Number(r.consolidated) - Number(r.baseline), 2);
      expect(Number(r.change_pct)).toBeCloseTo((100 * Number(r.change)) / Number(r.baseline), 1);
    }
    const km = kpiRows.find((r) => r.variant === 'hub, "bikes"' && r.metric === 'vehicleKm');
    expect(km).toMatchObject({ unit: 'km', baseline: '2000.123', change_pct: '-40' });
  });

  it('splits the saving by cause on the vehicle-km, energy and CO2e rows only', () => {
    for (const r of rows) {
      const v = variants.find((x) => x.name === r.variant);
      const split = ['vehicleKm', 'energyKWh', 'co2eKg'].includes(r.metric as string)
        ? v?.savingsBreakdown
        : undefined;
      const tech = split?.vehicleTechnology[r.metric as 'vehicleKm'];
      const cons = split?.consolidation[r.metric as 'vehicleKm'];
      expect(r.saved_by_vehicle_technology).toBe(tech === undefined ? '' : String(Number(tech.toFixed(3))));
      expect(r.saved_by_consolidation).toBe(cons === undefined ? '' : String(Number(cons.toFixed(3))));
    }
    const energy = rows.find((r) => r.variant === 'hub, "bikes"' && r.metric === 'energyKWh');
    // the two causes add up to the saving (baseline − consolidated)
    expect(Number(energy?.saved_by_vehicle_technology) + Number(energy?.saved_by_consolidation)).toBeCloseTo(
      -Number(energy?.change),
      2,
    );
  });

  it("gives each carrier's cost alone (baseline) and pooled (consolidated) per variant", () => {
    const costs = rows.filter((r) => r.metric === 'carrierCost');
    expect(costs.map((r) => [r.variant, r.carrier, r.baseline, r.consolidated, r.change])).toEqual([
      ['no hub', 'alpha', '500', '420.5', '-79.5'],
      ['no hub', 'beta', '600', '510.5', '-89.5'],
      ['hub, "bikes"', 'alpha', '500', '420.5', '-79.5'],
      ['hub, "bikes"', 'beta', '600', '510.5', '-89.5'],
    ]);
  });

  it('neutralises formulas in text cells (names and ids from the user), never in numbers', () => {
    expect(textCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(textCell(`${lead}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(textCell('plain, with comma')).toBe('"plain, with comma"');
    expect(textCell('e-vans')).toBe('e-vans');
    const csv = comparisonToCsv([variant('=1+2', kpis(1), kpis(0.5), { carriers: ['@carrier', '-minus'] })]);
    const parsed = records(csv);
    expect(new Set(parsed.map((r) => r.variant))).toEqual(new Set(["'=1+2"]));
    expect(parsed.filter((r) => r.carrier !== '').map((r) => r.carrier)).toEqual(["'@carrier", "'-minus"]);
    // a negative change stays a number a spreadsheet can add up
    expect(parsed.find((r) => r.metric === 'vehicleKm')?.change).toMatch(/^-\d/);
  });
});
