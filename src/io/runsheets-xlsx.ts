import ExcelJS from 'exceljs';
import type { Plan, Scenario } from '../contracts/index.ts';
import { buildRunSheets } from './runsheet-model.ts';
import { RUNSHEET_COLUMNS, vehicleRows } from './runsheet-rows.ts';
import { neutraliseFormula } from './spreadsheet-cells.ts';

const WIDE = new Set(['place', 'address', 'deliveries', 'pickups', 'notes']);

/** Excel's rules for a sheet name: at most 31 characters, none of `\ / ? * [ ] :`, unique in the workbook. */
export function sheetName(vehicle: string, taken: Set<string>): string {
  const base = vehicle.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || 'vehicle';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Drivers' run sheets as an XLSX workbook (exceljs): one worksheet per vehicle, natural order, named after it,
 * with the vehicle, date and timezone above the table of runsheet-rows.ts (numbers as numbers, header frozen,
 * landscape A4 fitted to one page wide). Text cells are neutralised against formula injection.
 */
export async function planToRunsheetsXlsx(plan: Plan, scenario?: Scenario): Promise<Uint8Array> {
  const sheets = buildRunSheets(plan, scenario);
  const workbook = new ExcelJS.Workbook();
  // Same plan, same bytes: the document dates are the plan's day, never the clock.
  const day = new Date(`${sheets.date}T00:00:00Z`);
  workbook.created = day;
  workbook.modified = day;
  workbook.creator = 'picon';
  const taken = new Set<string>();
  for (const v of sheets.vehicles) {
    const ws = workbook.addWorksheet(sheetName(v.vehicle, taken), {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    ws.addRow([neutraliseFormula(`Run sheet ${v.vehicle} (${v.vehicleType}) from ${v.hubId}`)]).font = {
      bold: true,
      size: 13,
    };
    ws.addRow([neutraliseFormula(`${sheets.date}, times in ${sheets.timezone}: ${sheets.scenario}`)]);
    ws.addRow([...RUNSHEET_COLUMNS]).font = { bold: true };
    for (const row of vehicleRows(sheets, v))
      ws.addRow(
        RUNSHEET_COLUMNS.map((c) => {
          const value = row[c];
          return typeof value === 'string' ? neutraliseFormula(value) : (value ?? null);
        }),
      );
    ws.columns.forEach((col, k) => {
      const name = RUNSHEET_COLUMNS[k] ?? '';
      col.width = WIDE.has(name) ? 36 : Math.max(8, name.length + 2);
    });
  }
  if (sheets.vehicles.length === 0)
    workbook.addWorksheet('no vehicle').addRow(['the plan has no pooled route']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
