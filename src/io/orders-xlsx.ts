import ExcelJS from 'exceljs';
import {
  OrdersFileError,
  tableToOrders,
  type LocatedOrders,
  type OrderChecks,
  type OrdersTable,
  type TableRow,
} from './orders-table.ts';

const TIME_HEADERS = new Set(['windowstart', 'windowend']);

const pad = (n: number) => String(n).padStart(2, '0');

/** A fraction of a day (how spreadsheets store times) as `HH:MM`, rounded to the minute. */
function dayFractionToClock(fraction: number): string {
  const minutes = Math.round(fraction * 24 * 60);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * One cell as the text a CSV export would hold: numbers with a decimal point, a time cell (a Date on the
 * 1899-12-30 epoch, or a day fraction in a window column) as `HH:MM`, formulas by their cached result.
 */
function cellText(value: ExcelJS.CellValue, isTimeColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return isTimeColumn && value >= 0 && value <= 1 ? dayFractionToClock(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date)
    return isTimeColumn || value.getUTCFullYear() < 1901
      ? `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
      : value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, isTimeColumn);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The first worksheet of an XLSX workbook (or the one named `orders`) read with exceljs into a table: the
 * first non-empty row is the header, later rows keep their spreadsheet row number as their line.
 */
export async function readXlsxTable(data: Uint8Array, source: string): Promise<OrdersTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new OrdersFileError([
      { file: source, line: 1, message: `not a readable XLSX workbook (${(err as Error).message})` },
    ]);
  }
  const sheet =
    workbook.worksheets.find((w) => w.name.trim().toLowerCase() === 'orders') ?? workbook.worksheets[0];
  if (sheet === undefined)
    throw new OrdersFileError([{ file: source, line: 1, message: 'the workbook has no worksheet' }]);
  let header: TableRow | undefined;
  const rows: TableRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
    const width = Math.max(values.length - 1, header?.cells.length ?? 0);
    const cells = Array.from({ length: width }, (_, k) =>
      cellText(values[k + 1] ?? null, TIME_HEADERS.has(header?.cells[k]?.trim().toLowerCase() ?? '')).trim(),
    );
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    if (header === undefined) header = { line: rowNumber, cells };
    else rows.push({ line: rowNumber, cells });
  });
  if (header === undefined)
    throw new OrdersFileError([{ file: source, line: 1, message: `worksheet "${sheet.name}" is empty` }]);
  return { source, headerLine: header.line, header: header.cells, rows };
}

/** A carrier's orders from an XLSX workbook, checked like a CSV file (see tableToOrders). */
export async function parseOrdersXlsx(
  data: Uint8Array,
  source: string,
  checks: OrderChecks = {},
): Promise<LocatedOrders> {
  return tableToOrders(await readXlsxTable(data, source), checks);
}
