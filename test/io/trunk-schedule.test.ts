import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { planToTrunkScheduleCsv } from '../../src/io/trunk-schedule-csv.ts';
import { planScenario } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';
import { twoEchelonScenario } from '../support/audit-scenarios.ts';

type Column = 'carrier' | 'date' | 'to' | 'ready_at_depot' | 'leaves_depot' | 'dock_arrival' | 'load_kg';

// The carriers' trunk schedule: every carrier's goods recomputed from the scenario's orders (not read from
// the plan's own loads), one row per collection, the evening before, and nothing a spreadsheet would run.
describe('the carriers’ trunk schedule', () => {
  const scenario: Scenario = { ...smallScenario(), options: { effort: 'quick' } };
  scenario.carriers = scenario.carriers.map((c, i) => (i === 0 ? { ...c, id: '=cmd()' } : c));
  scenario.orders = scenario.orders.map((o) => (o.carrierId === 'A' ? { ...o, carrierId: '=cmd()' } : o));
  const plan = planScenario(scenario, { seed: 2, maxIterations: 200 });
  const rows = parse(planToTrunkScheduleCsv(plan), { columns: true, bom: true }) as Record<Column, string>[];

  it('gives each carrier the kg of its pooled deliveries, collected the day before, docking at the hub', () => {
    const pooled = new Set(
      plan.consolidated.routes
        .filter((r) => r.start === 'H')
        .flatMap((r) => r.stops.flatMap((s) => s.orderIds)),
    );
    for (const carrier of scenario.carriers) {
      const want = scenario.orders
        .filter((o) => o.carrierId === carrier.id && pooled.has(o.id) && o.kind !== 'pickup')
        .reduce((s, o) => s + o.size.kg, 0);
      const mine = rows.filter((r) => r.carrier === `'${carrier.id}` || r.carrier === carrier.id);
      expect(
        mine.reduce((s, r) => s + Number(r.load_kg), 0),
        carrier.id,
      ).toBeCloseTo(want, 3);
    }
    expect(rows.every((r) => r.date === '2026-11-23' && r.to === 'H')).toBe(true);
    expect(rows.every((r) => r.ready_at_depot <= r.leaves_depot && r.leaves_depot < r.dock_arrival)).toBe(
      true,
    );
  });

  it('neutralises a carrier id a spreadsheet would run as a formula', () => {
    expect(rows.some((r) => r.carrier === "'=cmd()")).toBe(true);
    expect(rows.some((r) => r.carrier.startsWith('='))).toBe(false);
  });

  it('writes the French dialect: semicolons, decimal commas, a BOM', () => {
    const fr = planToTrunkScheduleCsv(plan, 'fr');
    expect(fr.startsWith('\uFEFFcarrier;date;')).toBe(true);
    const frRows = parse(fr, { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
    expect(frRows.map((r) => Number(r.load_kg?.replace(',', '.')))).toEqual(
      rows.map((r) => Number(r.load_kg)),
    );
  });

  it('with two echelons, gives the carriers their trunk to the platform and none of the feeders onwards', () => {
    const two = planScenario(twoEchelonScenario('road'), { seed: 2, maxIterations: 200 });
    expect(two.consolidated.trunk.some((t) => t.echelon === 2)).toBe(true);
    const mine = parse(planToTrunkScheduleCsv(two), { columns: true, bom: true }) as Record<Column, string>[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.to === 'P' && (r.carrier === 'A' || r.carrier === 'B'))).toBe(true);
  });
});
