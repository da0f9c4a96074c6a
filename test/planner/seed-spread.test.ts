import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { planSchema, seedSpreadSchema, spread } from '../../src/contracts/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/picon.mjs');

describe('spread of a figure over seeds', () => {
  it('gives the median of an odd and of an even count, and the range', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(spread([7])).toEqual({ median: 7, min: 7, max: 7 });
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
