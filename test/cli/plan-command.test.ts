import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../../src/contracts/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { picon } from '../support/run-picon.ts';
import { smallScenario } from '../support/small-scenario.ts';

describe('picon plan', () => {
  let dir: string;
  const s = smallScenario();
  s.options = { effort: 'quick' };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-cli-'));
    await writeFile(join(dir, 'small.json'), JSON.stringify(s));
    const bad = smallScenario();
    (bad.orders[12 % bad.orders.length] as { size: { kg: number } }).size.kg = -1;
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    await writeFile(join(dir, 'broken.json'), '{ "name": ');
  });

  it('prints the before/after table', async () => {
    const { code, stdout } = await picon('plan', join(dir, 'small.json'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/KPI\s+Baseline\s+Consolidated\s+Change/);
    expect(stdout).toMatch(/Vehicle-km/);
    expect(stdout).toMatch(/Deliveries per receiver\s+2\.00\s+1\.00/);
  });

  it('prints the plan as JSON matching the contract, every figure passing the audit', async () => {
    const { code, stdout } = await picon('plan', join(dir, 'small.json'), '--json');
    expect(code).toBe(0);
    const plan = planSchema.parse(JSON.parse(stdout));
    expect(auditPlan(s, plan)).toEqual([]);
  });

  it('writes plan.json, plan.geojson and runsheets.csv with --out', async () => {
    const out = join(dir, 'out');
    const { code } = await picon('plan', join(dir, 'small.json'), '--out', out);
    expect(code).toBe(0);
    const plan = planSchema.parse(JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')));
    expect(auditPlan(s, plan)).toEqual([]);
    const geo = JSON.parse(await readFile(join(out, 'plan.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    const lines = geo.features.filter(
      (f: { geometry: { type: string } }) => f.geometry.type === 'LineString',
    );
    expect(lines.length).toBe(plan.baseline.routes.length + plan.consolidated.routes.length);
    const csv = (await readFile(join(out, 'runsheets.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toMatch(
      /^date,timezone,vehicle,vehicle_type,trip,step,type,place,receiver_id,address,arrival/,
    );
    // a loading row and a return row around each trip's stops
    const rows = plan.consolidated.routes.reduce((s, r) => s + r.stops.length + 2, 0);
    expect(csv.length - 1).toBe(rows);
    const xlsx = await readFile(join(out, 'runsheets.xlsx'));
    expect(xlsx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const pdf = (await readFile(join(out, 'runsheets.pdf'))).toString('latin1');
    const vehicles = new Set(plan.consolidated.routes.map((r) => r.vehicle)).size;
    expect((pdf.match(/\/Type \/Page\b/g) ?? []).length).toBe(vehicles);
  });

  it('writes the French dialect of runsheets.csv with --csv-dialect fr', async () => {
    const out = join(dir, 'out-fr');
    const { code } = await picon('plan', join(dir, 'small.json'), '--out', out, '--csv-dialect', 'fr');
    expect(code).toBe(0);
    const csv = await readFile(join(out, 'runsheets.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFdate;timezone;vehicle;')).toBe(true);
    const bad = await picon('plan', join(dir, 'small.json'), '--csv-dialect', 'de');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--csv-dialect must be one of en, fr, got "de"');
  });

  it('refuses an --out that is a file before solving, with exit code 2', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'keep me');
    const { code, stderr, stdout } = await picon(
      'plan',
      join(dir, 'small.json'),
      '--out',
      file,
      '--effort',
      'thorough',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`picon: --out ${file} is a file: give a folder to write into\n`);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    // a folder that cannot be made fails at once (Node's own recursive mkdir loops forever on this one)
    const proc = await picon(
      'plan',
      join(dir, 'small.json'),
      '--out',
      '/proc/picon-out',
      '--effort',
      'thorough',
    );
    expect([proc.code, proc.stderr]).toEqual([
      2,
      'picon: --out /proc/picon-out: cannot create the folder (ENOENT)\n',
    ]);
  });

  it('creates the --out folder and its missing parents', async () => {
    const out = join(dir, 'deep', 'er', 'out');
    expect((await picon('plan', join(dir, 'small.json'), '--out', out)).code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('names the bad field and exits 2 without a stack trace', async () => {
    const { code, stderr, stdout } = await picon('plan', join(dir, 'bad.json'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('orders[0].size.kg: expected number ≥ 0');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('explains unreadable files and broken JSON', async () => {
    const missing = await picon('plan', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: ENOENT/);
    const broken = await picon('plan', join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);
  });

  it('rejects a bad option value', async () => {
    const { code, stderr } = await picon('plan', join(dir, 'small.json'), '--time-limit', 'soon');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--time-limit must be a positive number/);
    const effort = await picon('plan', join(dir, 'small.json'), '--effort', 'hard');
    expect(effort.code).not.toBe(0);
    expect(effort.stderr).toMatch(/--effort must be one of draft, quick, normal, thorough, got "hard"/);
  });

  it('prints the same JSON twice for the same scenario, seed and effort (timing aside)', async () => {
    const args = ['plan', join(dir, 'small.json'), '--json', '--seed', '4', '--effort', 'normal'];
    const [a, b] = await Promise.all([picon(...args), picon(...args)]); // concurrently: a busy machine
    const plans = [a, b].map((r) => planSchema.parse(JSON.parse(r.stdout)));
    for (const p of plans) expect(p.meta.timeCapped).toBe(false);
    const strip = (p: (typeof plans)[number]) => ({ ...p, meta: { ...p.meta, solveSeconds: 0 } });
    expect(strip(plans[1]!)).toEqual(strip(plans[0]!));
    expect(plans[0]!.scenario).toMatchObject({ seed: 4, effort: 'normal' });
  });
});
