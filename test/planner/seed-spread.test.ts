import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  areSeedsOfOneScenario,
  comparisonVariant,
  planSchema,
  seedSpread,
  seedSpreadSchema,
  spread,
} from '../../src/contracts/index.ts';
import { InternalError } from '../../src/domain/errors.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/picon.mjs');

describe('spread of a figure over seeds', () => {
  it('gives the median of an odd and of an even count, and the range', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(spread([7])).toEqual({ median: 7, min: 7, max: 7 });
    expect(spread([])).toEqual({ median: 0, min: 0, max: 0 });
  });
});

describe('seed spread of comparison rows', () => {
  const scenario = { ...smallScenario(), options: { effort: 'quick' as const } };
  const rows = [1, 2].map((seed) => comparisonVariant(`seed ${seed}`, planScenario(scenario, { seed })));

  it("quotes savings in percent of each seed's own baseline, and 0 % where a baseline figure is 0", () => {
    const zero = rows.map((r) => ({
      ...r,
      kpis: { ...r.kpis, baseline: { ...r.kpis.baseline, vehicleKm: 0 } },
    }));
    expect(seedSpread(zero).savingsPct.vehicleKm).toEqual({ median: 0, min: 0, max: 0 });
    const pct = rows.map(
      (r) => (100 * (r.kpis.baseline.co2eKg - r.kpis.consolidated.co2eKg)) / r.kpis.baseline.co2eKg,
    );
    expect(seedSpread(rows).savingsPct.co2eKg?.median).toBeCloseTo((pct[0]! + pct[1]!) / 2, 2);
    expect(seedSpread(rows).seeds).toEqual([1, 2]);
  });

  it('joins warnings once and says when any plan was cut short', () => {
    const warned = rows.map((r, i) => ({ ...r, warnings: ['w'], timeCapped: i === 1 }));
    expect(seedSpread(warned).warnings).toEqual(['w']);
    expect(seedSpread(warned).timeCapped).toBe(true);
    expect(seedSpread(rows).timeCapped).toBe(false);
  });

  it('tells seeds of one scenario from other comparisons', () => {
    expect(areSeedsOfOneScenario(rows)).toBe(true);
    expect(areSeedsOfOneScenario([])).toBe(false);
    expect(areSeedsOfOneScenario([rows[0]!, rows[0]!])).toBe(false); // the same seed twice
    for (const field of ['name', 'date', 'effort'] as const) {
      const other = {
        ...rows[1]!,
        scenario: { ...rows[1]!.scenario, [field]: field === 'effort' ? 'thorough' : 'x' },
      };
      expect(areSeedsOfOneScenario([rows[0]!, other]), field).toBe(false);
    }
  });

  it('refuses an empty list as a bug, not a spread of nothing', () => {
    expect(() => seedSpread([])).toThrow(InternalError);
  });
});

describe('picon plan --seeds', () => {
  it('plans each seed and reports every KPI as median [min–max] of the per-seed plans', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'picon-seeds-'));
    const scenario = { ...smallScenario(), options: { effort: 'quick' as const } };
    await writeFile(join(dir, 's.json'), JSON.stringify(scenario));
    const out = join(dir, 'out');
    const { stdout } = await run(
      process.execPath,
      [BIN, 'plan', join(dir, 's.json'), '--seeds', '3', '--seed', '7', '--json', '--out', out],
      { timeout: 120_000 },
    );
    const result = seedSpreadSchema.parse(JSON.parse(stdout));
    expect(result.seeds).toEqual([7, 8, 9]);
    const plans = await Promise.all(
      [7, 8, 9].map(async (s) =>
        planSchema.parse(JSON.parse(await readFile(join(out, `plan-seed-${s}.json`), 'utf8'))),
      ),
    );
    for (const p of plans) expect(auditPlan(scenario, p)).toEqual([]);
    for (const part of ['baseline', 'ownRoundsCleanFleet', 'consolidated'] as const)
      for (const kpi of ['vehicleKm', 'energyKWh', 'co2eKg', 'tripsIncludingTrunk'] as const) {
        const values = plans.map((p) => p[part].kpis[kpi]).sort((a, b) => a - b);
        expect(result.kpis[part][kpi], `${part}.${kpi}`).toEqual({
          median: values[1],
          min: values[0],
          max: values[2],
        });
      }
    const pct = plans
      .map((p) => (100 * (p.baseline.kpis.co2eKg - p.consolidated.kpis.co2eKg)) / p.baseline.kpis.co2eKg)
      .sort((a, b) => a - b);
    expect(result.savingsPct.co2eKg?.median).toBeCloseTo(pct[1] as number, 2);
    expect(JSON.parse(await readFile(join(out, 'spread.json'), 'utf8'))).toEqual(result);
  });

  it('refuses a seed count out of bounds', async () => {
    const err = await run(process.execPath, [
      BIN,
      'plan',
      'fixtures/tiny/two-shops.json',
      '--seeds',
      '500',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toMatch(/--seeds must be an integer from 1 to 50, got "500"/);
  });
});
