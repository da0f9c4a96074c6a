import type { Plan, Scenario } from '../contracts/index.ts';
import { buildRunSheets, type RunSheets } from './runsheet-model.ts';
import { RUNSHEET_COLUMNS, vehicleRows, type RunSheetCell } from './runsheet-rows.ts';
import type { CsvDialect } from './csv-dialect.ts';
import { csvTextCell } from './spreadsheet-cells.ts';

export { CSV_DIALECTS, type CsvDialect } from './csv-dialect.ts';

const DIALECT = {
  en: { delimiter: ',', decimal: '.', bom: '' },
  fr: { delimiter: ';', decimal: ',', bom: '\uFEFF' },
} as const;

function cell(value: RunSheetCell, dialect: CsvDialect): string {
  const d = DIALECT[dialect];
  if (value === undefined) return '';
  // numbers are written as numbers (a minus sign here is no formula); text is neutralised and quoted
  if (typeof value === 'number') return String(Number(value.toFixed(4))).replace('.', d.decimal);
  return csvTextCell(value, d.delimiter);
}

/**
 * Drivers' run sheets as CSV: per vehicle (natural order) and trip, a loading row at the hub, one row per
 * stop (receiver name, address, window, deliveries and pickups apart, kg / m3 / units to unload and collect,
 * notes) and a return row; the date and timezone on every row. See runsheet-model.ts.
 */
export function planToRunsheetsCsv(plan: Plan, scenario?: Scenario, dialect: CsvDialect = 'en'): string {
  return [...runsheetsCsvLines(plan, scenario, dialect)].join('');
}

/**
 * The same text line by line (each with its CRLF, the BOM before the first), one vehicle's rows at a time:
 * the API streams it rather than hold a big day's sheets as one string. The sheets are built here, before the
 * first line, so what can fail fails before an answer has begun.
 */
export function runsheetsCsvLines(
  plan: Plan,
  scenario?: Scenario,
  dialect: CsvDialect = 'en',
): Iterable<string> {
  return csvLines(buildRunSheets(plan, scenario), dialect);
}

function* csvLines(sheets: RunSheets, dialect: CsvDialect): Generator<string> {
  const d = DIALECT[dialect];
  yield d.bom + RUNSHEET_COLUMNS.join(d.delimiter) + '\r\n';
  for (const vehicle of sheets.vehicles)
    for (const row of vehicleRows(sheets, vehicle))
      yield RUNSHEET_COLUMNS.map((c) => cell(row[c], dialect)).join(d.delimiter) + '\r\n';
}
