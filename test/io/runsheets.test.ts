import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanRoute, Scenario } from '../../src/contracts/index.ts';
import { RUNSHEET_COLUMNS } from '../../src/io/runsheet-rows.ts';
import { planToRunsheetsCsv, runsheetsCsvLines } from '../../src/io/runsheets-csv.ts';
import { planToRunsheetsPdf } from '../../src/io/runsheets-pdf.ts';
import { planToRunsheetsXlsx } from '../../src/io/runsheets-xlsx.ts';
import { planScenario } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

/** The small day with names, an address, and ids and names a spreadsheet would run as formulas. */
function scenarioWithNames(): Scenario {
  const s = smallScenario();
  s.options = { effort: 'quick' };
  s.receivers = s.receivers.map((r) =>
    r.id === 'R1'
      ? { ...r, name: 'Boutique Esquermoise', address: '12 Rue Esquermoise, 59800 Lille' }
      : r.id === 'R2'
        ? { ...r, name: '+Pharmacie', kind: 'pharmacy' }
        : r,
  );
  s.orders = s.orders.map((o) => (o.id === 'A1' ? { ...o, id: '=HYPERLINK("http://x","y")' } : o));
  return s;
}

type Row = Record<(typeof RUNSHEET_COLUMNS)[number], string>;
const rowsOf = (csv: string, delimiter = ','): Row[] =>
  parse(csv, { columns: true, bom: true, delimiter }) as Row[];
const ids = (cell: string) => (cell === '' ? [] : cell.split(', '));
const kgOf = (s: Scenario, orderIds: string[]) =>
  orderIds.reduce(
    (sum, id) => sum + (s.orders.find((o) => o.id === id.replace(/^'/, ''))?.size.kg ?? NaN),
    0,
  );

/** The plan with its routes given to vehicles `names` (in that order), to test ordering and page counts. */
function withVehicles(plan: Plan, names: string[]): Plan {
  const route = plan.consolidated.routes[0] as PlanRoute;
  const routes = names.map((vehicle) => ({ ...route, vehicle, id: `${vehicle}/trip1` }));
  return { ...plan, consolidated: { ...plan.consolidated, routes } };
}

/** Page count and the text of each page's content stream, from the PDF bytes (pdfkit: flate streams, hex text). */
function readPdf(bytes: Uint8Array): { pages: number; count: number; texts: string[] } {
  const pdf = Buffer.from(bytes).toString('latin1');
  const pages = (pdf.match(/\/Type \/Page\b/g) ?? []).length;
  const count = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf)?.[1] ?? /\/Count (\d+)/.exec(pdf)?.[1]);
  const texts: string[] = [];
  const re = /stream\n([\s\S]*?)\nendstream/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] as string, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!content.includes('BT')) continue;
    const hex = [...content.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) =>
      Buffer.from(h[1] as string, 'hex').toString('latin1'),
    );
    texts.push(hex.join(''));
  }
  return { pages, count, texts };
}

describe('drivers’ run sheets', () => {
  let scenario: Scenario;
  let plan: Plan;
  beforeAll(() => {
    scenario = scenarioWithNames();
    plan = planScenario(scenario);
  });

  it('CSV: per trip a loading row (last stop first), the stops, a return; amounts recomputed from the orders', () => {
    const rows = rowsOf(planToRunsheetsCsv(plan, scenario));
    expect(Object.keys(rows[0] as Row)).toEqual([...RUNSHEET_COLUMNS]);
    const routes = [...plan.consolidated.routes];
    expect(rows.length).toBe(routes.reduce((n, r) => n + r.stops.length + 2, 0));
    for (const route of routes) {
      const mine = rows.filter((r) => r.vehicle === route.vehicle && Number(r.trip) === route.trip);
      const [load, ...rest] = mine;
      const back = rest.pop() as Row;
      expect(load?.type).toBe('load at hub');
      expect(back.type).toBe('return to hub');
      expect(rest.map((r) => r.receiver_id)).toEqual(route.stops.map((s) => s.receiverId));
      let deliveredKg = 0;
      let pickedKg = 0;
      rest.forEach((row, i) => {
        const stop = route.stops[i] as PlanRoute['stops'][number];
        const own = scenario.orders.filter((o) => stop.orderIds.includes(o.id));
        const deliveries = own.filter((o) => o.kind !== 'pickup').map((o) => o.id);
        const pickups = own.filter((o) => o.kind === 'pickup').map((o) => o.id);
        expect(ids(row.deliveries).map((id) => id.replace(/^'/, ''))).toEqual(deliveries);
        expect(ids(row.pickups)).toEqual(pickups);
        expect(Number(row.unload_kg)).toBeCloseTo(kgOf(scenario, deliveries), 6);
        expect(Number(row.collect_kg)).toBeCloseTo(kgOf(scenario, pickups), 6);
        expect(Number(row.on_board_kg)).toBeCloseTo(stop.loadAfter.kg, 6);
        expect([row.date, row.timezone]).toEqual(['2026-11-24', 'Europe/Paris']);
        deliveredKg += kgOf(scenario, deliveries);
        pickedKg += kgOf(scenario, pickups);
      });
      // what is loaded at the hub is what the stops unload, and what the planner put on board
      expect(Number(load?.on_board_kg)).toBeCloseTo(deliveredKg, 6);
      expect(Number(load?.on_board_kg)).toBeCloseTo(route.loadStart.kg, 6);
      expect(Number(back.on_board_kg)).toBeCloseTo(pickedKg, 6);
      const loadingOrder = [...route.stops].reverse().map((s) => s.receiverId);
      const listed = [...(load?.deliveries ?? '').matchAll(/#(\d+) /g)].map(
        (m) => route.stops[Number(m[1]) - 1]?.receiverId,
      );
      expect(listed).toEqual(loadingOrder.filter((r) => listed.includes(r)));
    }
  });

  it('names receivers, shows the address or the coordinates, marks pickups and access rules', () => {
    const rows = rowsOf(planToRunsheetsCsv(plan, scenario));
    const r1 = rows.find((r) => r.receiver_id === 'R1') as Row;
    expect([r1.place, r1.address, r1.window]).toEqual([
      'Boutique Esquermoise',
      '12 Rue Esquermoise, 59800 Lille',
      '07:30-11:00',
    ]);
    const r3 = rows.find((r) => r.receiver_id === 'R3') as Row;
    expect(r3.address).toBe('50.63350, 3.06250'); // no address: lat, lon as a GPS takes them
    expect(r3.pickups).toBe('B3');
    expect(r3.type).toBe('deliver + pick up');
    expect(r3.notes).toContain('access: cargo-bike only');
  });

  it('neutralises cells a spreadsheet would run as formulas, in CSV and XLSX', async () => {
    const csv = planToRunsheetsCsv(plan, scenario);
    expect(csv).not.toMatch(/(^|[,;])"?[=+@-]/m);
    const rows = rowsOf(csv);
    expect(rows.find((r) => r.receiver_id === 'R2')?.place).toBe("'+Pharmacie");
    expect(rows.some((r) => r.deliveries.startsWith(`'=HYPERLINK`))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await planToRunsheetsXlsx(plan, scenario)) as unknown as ArrayBuffer);
    const texts = workbook.worksheets.flatMap((ws) =>
      ws
        .getSheetValues()
        .flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === 'string') : [])),
    ) as string[];
    expect(texts).toContain("'+Pharmacie");
    expect(texts.filter((t) => /^[=+@-]/.test(t))).toEqual([]);
  });

  it('French dialect: BOM, semicolons, decimal commas; the same cells otherwise', () => {
    const fr = planToRunsheetsCsv(plan, scenario, 'fr');
    const en = planToRunsheetsCsv(plan, scenario, 'en');
    expect(fr.startsWith('\uFEFFdate;timezone;vehicle;')).toBe(true);
    expect(en.startsWith('date,timezone,vehicle,')).toBe(true);
    const frRows = rowsOf(fr, ';');
    const enRows = rowsOf(en);
    expect(frRows.length).toBe(enRows.length);
    expect(frRows.some((r) => /^\d+,\d+$/.test(r.unload_m3))).toBe(true);
    frRows.forEach((r, i) => {
      const e = enRows[i] as Row;
      for (const c of ['unload_kg', 'unload_m3', 'collect_kg', 'on_board_m3'] as const)
        expect(r[c].replace(',', '.')).toBe(e[c]);
      expect(r.place).toBe(e.place);
    });
  });

  it('CSV line by line, as the API streams it: the header (after the BOM), then one whole row per line', () => {
    for (const [dialect, delimiter] of [
      ['en', ','],
      ['fr', ';'],
    ] as const) {
      const lines = [...runsheetsCsvLines(plan, scenario, dialect)];
      const whole = planToRunsheetsCsv(plan, scenario, dialect);
      expect(lines.join('')).toBe(whole);
      expect(lines.length).toBe(rowsOf(whole, delimiter).length + 1);
      expect(lines[0]).toBe(`${dialect === 'fr' ? '\uFEFF' : ''}${RUNSHEET_COLUMNS.join(delimiter)}\r\n`);
      for (const line of lines.slice(1)) {
        expect(line.endsWith('\r\n')).toBe(true);
        const records = parse(line, { delimiter }) as string[][];
        expect(records.map((r) => r.length)).toEqual([RUNSHEET_COLUMNS.length]);
      }
    }
  });

  it('sorts vehicles naturally: e-van#2 before e-van#10, in CSV, XLSX and PDF', async () => {
    const many = withVehicles(plan, ['H/e-van#10', 'H/e-van#2', 'H/cargo-bike#1', 'H/e-van#1']);
    const order = ['H/cargo-bike#1', 'H/e-van#1', 'H/e-van#2', 'H/e-van#10'];
    const vehicles = [...new Set(rowsOf(planToRunsheetsCsv(many, scenario)).map((r) => r.vehicle))];
    expect(vehicles).toEqual(order);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await planToRunsheetsXlsx(many, scenario)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(order.map((v) => v.replace('/', ' ')));
    const pdf = readPdf(await planToRunsheetsPdf(many, scenario));
    expect(pdf.texts.map((t) => t.split('  (')[0])).toEqual(order);
  });

  it('XLSX: one sheet per vehicle, the table under the vehicle, date and timezone, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await planToRunsheetsXlsx(plan, scenario)) as unknown as ArrayBuffer);
    const vehicles = [...new Set(plan.consolidated.routes.map((r) => r.vehicle))];
    expect(workbook.worksheets.length).toBe(vehicles.length);
    for (const ws of workbook.worksheets) {
      expect(String(ws.getCell('A1').value)).toMatch(/^Run sheet H\/(e-van|cargo-bike)#\d+ /);
      expect(String(ws.getCell('A2').value)).toContain('2026-11-24, times in Europe/Paris');
      expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([...RUNSHEET_COLUMNS]);
      const kgColumn = RUNSHEET_COLUMNS.indexOf('unload_kg') + 1;
      const idColumn = RUNSHEET_COLUMNS.indexOf('receiver_id') + 1;
      for (let r = 4; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const stopId = row.getCell(idColumn).value;
        if (stopId === null) continue;
        const stop = plan.consolidated.routes.flatMap((x) => x.stops).find((s) => s.receiverId === stopId);
        const delivered = scenario.orders.filter((o) => stop?.orderIds.includes(o.id) && o.kind !== 'pickup');
        expect(row.getCell(kgColumn).value).toBeCloseTo(
          delivered.reduce((s, o) => s + o.size.kg, 0),
          6,
        );
      }
    }
  });

  it('PDF: one page per vehicle, even for a long day; the same plan gives the same bytes', async () => {
    const vehicles = [...new Set(plan.consolidated.routes.map((r) => r.vehicle))];
    const bytes = await planToRunsheetsPdf(plan, scenario);
    const pdf = readPdf(bytes);
    expect([pdf.pages, pdf.count]).toEqual([vehicles.length, vehicles.length]);
    expect(Buffer.from(await planToRunsheetsPdf(plan, scenario)).equals(Buffer.from(bytes))).toBe(true);
    // one vehicle, 6 trips of 3 stops (a cargo bike's day): one page, every trip on it
    const route = plan.consolidated.routes.find((r) => r.stops.length > 2) as PlanRoute;
    const trips = (n: number): Plan => ({
      ...plan,
      consolidated: {
        ...plan.consolidated,
        routes: Array.from({ length: n }, (_, t) => ({
          ...route,
          trip: t + 1,
          id: `${route.vehicle}/trip${t + 1}`,
        })),
      },
    });
    const six = readPdf(await planToRunsheetsPdf(trips(6), scenario));
    expect([six.pages, six.count]).toEqual([1, 1]);
    expect(six.texts[0]).toContain('Trip 6:');
    expect(six.texts[0]).not.toContain('more lines');
    // 30 trips cannot be read on one page: still one page, saying where the rest is
    const thirty = readPdf(await planToRunsheetsPdf(trips(30), scenario));
    expect([thirty.pages, thirty.count]).toEqual([1, 1]);
    expect(thirty.texts[0]).toMatch(/\.\.\. \d+ more lines: see runsheets\.xlsx$/);
  });
});
