import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { carrierShareSchema, planSchema, type Plan } from '../../src/contracts/index.ts';
import { picon } from '../support/run-picon.ts';
import { smallScenario } from '../support/small-scenario.ts';

// `picon report PLAN.json --carrier ID`: one carrier's GLEC-style statement, and nothing of the other carrier.
describe('picon report --carrier', () => {
  let dir: string;
  let planFile: string;
  let plan: Plan;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-report-'));
    const s = smallScenario();
    s.options = { effort: 'quick' };
    await writeFile(join(dir, 'small.json'), JSON.stringify(s));
    const { code } = await picon('plan', join(dir, 'small.json'), '--out', join(dir, 'out'));
    expect(code).toBe(0);
    planFile = join(dir, 'out', 'plan.json');
    plan = planSchema.parse(JSON.parse(await readFile(planFile, 'utf8')));
    await writeFile(join(dir, 'not-a-plan.json'), JSON.stringify({ schemaVersion: 1 }));
  }, 120_000);

  it("prints the carrier's orders, tonne-km, CO2e and intensity alone and pooled, and its cost row", async () => {
    const { code, stdout } = await picon('report', planFile, '--carrier', 'A');
    expect(code).toBe(0);
    const a = plan.emissions.carriers.find((c) => c.carrierId === 'A');
    const row = plan.allocation.find((r) => r.carrierId === 'A');
    expect(stdout).toMatch(/^Carrier statement: A — small/);
    expect(stdout).toMatch(
      new RegExp(
        `Alone \\(baseline\\)\\s+${a?.baseline.tonneKm.toFixed(3)}\\s+${a?.baseline.wtwCo2eKg.toFixed(3)}`,
      ),
    );
    expect(stdout).toMatch(
      new RegExp(
        `Pooled\\s+${a?.consolidated.tonneKm.toFixed(3)}\\s+${a?.consolidated.wtwCo2eKg.toFixed(3)}`,
      ),
    );
    expect(stdout).toContain(`alone ${row?.standaloneCost.toFixed(2)} EUR`);
    expect(stdout).toContain(`pooled ${row?.allocatedCost.toFixed(2)} EUR`);
    for (const id of ['A1', 'A2', 'A3']) expect(stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
    expect(stdout).toMatch(/Distance basis: shortest feasible distance/);
    // nothing of carrier B: no order, no cost, no emissions
    expect(stdout).not.toMatch(/\bB\d\b/);
    const b = plan.allocation.find((r) => r.carrierId === 'B');
    expect(stdout).not.toContain(b?.standaloneCost.toFixed(2));
  });

  it('prints the same statement as JSON, with no trace of the other carrier', async () => {
    const { code, stdout } = await picon('report', planFile, '--carrier', 'B', '--json');
    expect(code).toBe(0);
    const share = carrierShareSchema.parse(JSON.parse(stdout));
    expect(share.carrierId).toBe('B');
    expect(share.cost).toEqual(plan.allocation.find((r) => r.carrierId === 'B'));
    expect(share.emissions.consignments.map((c) => c.orderId)).toEqual(['B1', 'B2', 'B3']);
    const own = plan.emissions.carriers.find((c) => c.carrierId === 'B');
    expect(share.emissions.consolidated).toEqual(own?.consolidated);
    expect(share.emissions.baseline).toEqual(own?.baseline);
    expect(stdout).not.toMatch(/"A\d?"/);
  });

  it('names the nearest carrier id when the id is unknown, and refuses a file that is not a plan', async () => {
    const typo = await picon('report', planFile, '--carrier', 'a');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown carrier "a" in this plan; the nearest is "A"/);
    const far = await picon('report', planFile, '--carrier', 'zzzzzz');
    expect(far.stderr).toMatch(/the nearest is "[AB]"/);
    const bad = await picon('report', join(dir, 'not-a-plan.json'), '--carrier', 'A');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid plan .*not-a-plan\.json/);
    const none = await picon('report', planFile);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/--carrier/);
  });
});
