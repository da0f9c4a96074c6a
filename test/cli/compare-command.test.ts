import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readComparisonFile } from '../../src/cli/read-comparison.ts';
import { runComparison } from '../../src/cli/run-comparison.ts';
import { comparisonSchema, type Plan } from '../../src/contracts/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { picon } from '../support/run-picon.ts';
import { smallScenario } from '../support/small-scenario.ts';

// A tiny base and the kinds of variant a planner writes: the fleet, the trunk vehicles, receivers' windows.
const SPEC = {
  name: 'small day',
  base: { $ref: 'small.json' },
  variants: [
    { name: 'no hub', each: [{ in: 'fleet', patch: { count: 0 } }] },
    { name: 'as is', description: 'the base' },
    { name: 'truck trunks', each: [{ in: 'carriers', patch: { trunkVehicleType: 'rigid-truck' } }] },
    { name: 'late windows', patchFiles: ['late-windows.json'] },
  ],
};

describe('picon compare', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-compare-'));
    const base = smallScenario();
    base.options = { effort: 'quick', seed: 3 };
    await writeFile(join(dir, 'small.json'), JSON.stringify(base));
    await writeFile(
      join(dir, 'late-windows.json'),
      JSON.stringify({
        receivers: base.receivers.map((r) => ({ ...r, windows: [{ start: '06:00', end: '19:00' }] })),
      }),
    );
    await writeFile(join(dir, 'scenarios.json'), JSON.stringify(SPEC));
  });

  it('plans every variant feasibly; variants with equal baseline inputs share one baseline solve', async () => {
    const { variants } = await readComparisonFile(join(dir, 'scenarios.json'));
    const result = runComparison(variants);
    variants.forEach((v, i) => expect(auditPlan(v.scenario, result.plans[i] as Plan), v.name).toEqual([]));
    const [noHub, asIs, trucks, late] = result.plans;
    // fleet and trunk vehicles are no part of the carriers' own rounds: one solve for the three
    expect(asIs?.baseline).toEqual(noHub?.baseline);
    expect(trucks?.baseline).toEqual(noHub?.baseline);
    // two carriers: 2 own-rounds tasks solved for the first variant, reused by the next two; new windows, new solve
    expect(result.baselineTasks).toEqual({ solved: 4, reused: 4 });
    expect(late?.baseline).not.toEqual(noHub?.baseline);
    // without a pooled fleet nothing is pooled and the consolidated plan is the carriers' own rounds
    expect(noHub?.consolidated.kpis).toEqual(noHub?.baseline.kpis);
    expect(result.variants[0]).toMatchObject({ ordersNotPooled: 6, savings: { vehicleKm: { pct: 0 } } });
    expect(trucks?.consolidated.trunk.every((t) => t.vehicleType === 'rigid-truck')).toBe(true);
  });

  it('--json prints the comparison contract, the same as a run in-process (plans are reproducible)', async () => {
    const { code, stdout, stderr } = await picon('compare', join(dir, 'scenarios.json'), '--json');
    expect(code, stderr).toBe(0);
    const printed = comparisonSchema.parse(JSON.parse(stdout));
    const { variants } = await readComparisonFile(join(dir, 'scenarios.json'));
    expect(printed.variants).toEqual(runComparison(variants).variants);
    expect(printed.variants.map((v) => v.name)).toEqual(['no hub', 'as is', 'truck trunks', 'late windows']);
    // progress and the shared baseline on stderr, the result alone on stdout
    expect(stderr).toContain('[4/4] late windows');
    expect(stderr).toContain("carriers' own rounds: 4 solved, 4 shared");
  });

  it('prints the side-by-side table and writes comparison.json, .csv and .html with --out', async () => {
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await picon(
      'compare',
      join(dir, 'scenarios.json'),
      '--out',
      out,
      '--seed',
      '5',
    );
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n')[0]).toBe('small day (seed 5, effort quick)');
    expect(stdout).toMatch(/^\s+1\s+no hub$/m);
    expect(stdout).toMatch(/^Deliveries per receiver \(visits\)$/m);
    expect(stdout).toContain('Wrote comparison.json, comparison.csv and comparison.html');
    const json = comparisonSchema.parse(JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8')));
    expect(json.variants.every((v) => v.scenario.seed === 5)).toBe(true);
    const csv = (await readFile(join(out, 'comparison.csv'), 'utf8')).trim().split('\n');
    // header + per variant: 10 KPIs, orders not pooled, 2 carriers
    expect(csv).toHaveLength(1 + 4 * (10 + 1 + 2));
    const html = await readFile(join(out, 'comparison.html'), 'utf8');
    expect(html.match(/<svg class="chart"/g)).toHaveLength(5);
  });

  it('rejects a bad variant with exit code 2, naming the file, the variant and the field', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({
        base: { $ref: 'small.json' },
        variants: [
          { name: 'fine' },
          {
            name: 'minus one van',
            each: [{ in: 'fleet', where: { vehicleType: 'e-van' }, patch: { count: -1 } }],
          },
          { name: 'missing file', patchFiles: ['nowhere.json'] },
        ],
      }),
    );
    const { code, stdout, stderr } = await picon('compare', join(dir, 'bad.json'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`invalid comparison ${join(dir, 'bad.json')}`);
    expect(stderr).toContain(`variants[2].patchFiles[0]: cannot read ${join(dir, 'nowhere.json')}: ENOENT`);
    const typo = await picon('compare', join(dir, 'scenarios.json'), '--effort', 'fast');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--effort must be one of draft, quick, normal, thorough, got "fast"');
  });

  it('names the variant and the scenario field a patch breaks', async () => {
    await writeFile(
      join(dir, 'bad-count.json'),
      JSON.stringify({
        base: { $ref: 'small.json' },
        variants: [
          {
            name: 'minus one van',
            each: [{ in: 'fleet', where: { vehicleType: 'e-van' }, patch: { count: -1 } }],
          },
        ],
      }),
    );
    const { code, stderr } = await picon('compare', join(dir, 'bad-count.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /variants\[0\]: variant "minus one van": the patched scenario is invalid at fleet\[0\]\.count: /,
    );
  });
});
