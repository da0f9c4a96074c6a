import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSchema, scenarioSchema, type Order } from '../../src/contracts/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { picon } from '../support/run-picon.ts';

const DAY = 'fixtures/tiny/two-shops.json';
const FRENCH_CSV = 'fixtures/tiny/orders-fr.csv';

/** The French file's rows, written out by hand: the test does not trust the reader to tell what it holds. */
const EXPECTED: Order[] = [
  {
    id: 'ORD-colis-1',
    carrierId: 'colis',
    receiverId: 'R1',
    kind: 'delivery',
    size: { kg: 12, m3: 0.07, units: 2 },
  },
  {
    id: 'ORD-boissons-1',
    carrierId: 'boissons',
    receiverId: 'R1',
    kind: 'delivery',
    size: { kg: 40, m3: 0.16, units: 2 },
  },
  {
    id: 'ORD-colis-2',
    carrierId: 'colis',
    receiverId: 'R2',
    kind: 'delivery',
    size: { kg: 8.5, m3: 0.05, units: 1 },
  },
  {
    id: 'ORD-boissons-2',
    carrierId: 'boissons',
    receiverId: 'R2',
    kind: 'delivery',
    size: { kg: 30, m3: 0.12, units: 2 },
    window: { start: '08:00', end: '10:30' },
  },
  {
    id: 'ORD-colis-3',
    carrierId: 'colis',
    receiverId: 'R3',
    kind: 'delivery',
    size: { kg: 5, m3: 0.03, units: 1 },
  },
  {
    id: 'ORD-boissons-3',
    carrierId: 'boissons',
    receiverId: 'R3',
    kind: 'delivery',
    size: { kg: 90, m3: 0.36, units: 4 },
  },
  {
    id: 'RET-boissons-3',
    carrierId: 'boissons',
    receiverId: 'R3',
    kind: 'pickup',
    size: { kg: 15.5, m3: 0.2, units: 3 },
  },
];

describe('picon plan --orders: carriers’ spreadsheets in', () => {
  let dir: string;
  let expectedScenario: ReturnType<typeof scenarioSchema.parse>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-orders-'));
    const day = JSON.parse(await readFile(DAY, 'utf8'));
    expectedScenario = scenarioSchema.parse({ ...day, orders: EXPECTED });
  });

  it('plans a French export (; and decimal commas, BOM, CRLF) end to end, every order placed and audited', async () => {
    const { code, stdout, stderr } = await picon(
      'plan',
      DAY,
      '--orders',
      FRENCH_CSV,
      '--json',
      '--effort',
      'quick',
    );
    // progress lines may appear on a slow machine; on this tiny day pooling costs more than the carriers
    // alone, and the cost allocation says so (two warnings): nothing else may warn
    const other = stderr.split('\n').filter((l) => /warning|error/.test(l) && !/cost allocation/.test(l));
    expect(other).toEqual([]);
    expect(code).toBe(0);
    const plan = planSchema.parse(JSON.parse(stdout));
    expect(plan.meta.orders).toBe(EXPECTED.length);
    const served = plan.consolidated.routes.flatMap((r) => r.stops.flatMap((s) => s.orderIds));
    const unassigned = plan.consolidated.unassigned.map((u) => u.orderId);
    expect([...served, ...unassigned].sort()).toEqual(EXPECTED.map((o) => o.id).sort());
    expect(auditPlan(expectedScenario, plan)).toEqual([]);
  });

  it('plans the same orders from an XLSX workbook (numbers, time cells) as from the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Commandes');
    sheet.addRow(['id', 'carrierId', 'receiverId', 'kind', 'kg', 'm3', 'units', 'windowStart', 'windowEnd']);
    for (const o of EXPECTED) {
      const row = sheet.addRow([o.id, o.carrierId, o.receiverId, o.kind, o.size.kg, o.size.m3, o.size.units]);
      if (o.window) {
        // Time cells as a spreadsheet stores them: a fraction of a day, formatted hh:mm
        row.getCell(8).value = 8 / 24;
        row.getCell(9).value = 10.5 / 24;
        row.getCell(8).numFmt = row.getCell(9).numFmt = 'hh:mm';
      }
    }
    const file = join(dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(file);
    const args = ['plan', DAY, '--json', '--effort', 'quick', '--orders'];
    const [fromXlsx, fromCsv] = await Promise.all([picon(...args, file), picon(...args, FRENCH_CSV)]);
    expect(fromXlsx.code).toBe(0);
    const strip = (s: string) => ({ ...planSchema.parse(JSON.parse(s)).consolidated, meta: undefined });
    expect(strip(fromXlsx.stdout)).toEqual(strip(fromCsv.stdout));
  });

  it('names file, line and column of unknown receivers and carriers, and of ids repeated across files; exits 2', async () => {
    await writeFile(
      join(dir, 'a.csv'),
      'id,carrierId,receiverId,kg\nORD-colis-1,colis,R1,3\nX1,colis,R404,2\nX2,nobody,R2,2\n',
    );
    await writeFile(
      join(dir, 'b.csv'),
      'id;carrierId;receiverId;kg\nZ1;colis;R2;1,5\nORD-colis-1;colis;R3;4\n',
    );
    const bad = await picon('plan', DAY, '--orders', join(dir, 'a.csv'), join(dir, 'b.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(
      `${join(dir, 'a.csv')} line 3 column C (receiverId): unknown receiver "R404"`,
    );
    expect(bad.stderr).toContain(
      `${join(dir, 'a.csv')} line 4 column B (carrierId): unknown carrier "nobody"`,
    );
    const clean = join(dir, 'a-clean.csv');
    await writeFile(clean, 'id,carrierId,receiverId,kg\nORD-colis-1,colis,R1,3\n');
    const twice = await picon('plan', DAY, '--orders', clean, join(dir, 'b.csv'));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(new RegExp(`b\\.csv line 3: id: .*ORD-colis-1`));
  });
});
