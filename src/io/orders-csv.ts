import { CsvError, parse } from 'csv-parse/sync';
import type { Order } from '../contracts/index.ts';
import {
  OrdersFileError,
  tableToOrders,
  type LocatedOrders,
  type OrderChecks,
  type OrderFileIssue,
  type OrdersTable,
  type TableRow,
} from './orders-table.ts';

export { ORDER_FILE_COLUMNS as ORDER_CSV_COLUMNS } from './orders-table.ts';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The field delimiter of a spreadsheet export, read from its header row: the candidate (`,`, `;`, tab) found
 * most often outside quotes. French locales export `;` (the comma is their decimal mark), others `,` or tab.
 */
export function detectDelimiter(text: string): string {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  return DELIMITERS.reduce((best, d) =>
    (counts.get(d) as number) > (counts.get(best) as number) ? d : best,
  );
}

/**
 * A CSV file read into a table with csv-parse (RFC 4180: quoted fields may hold the delimiter, quotes and line
 * breaks), after a UTF-8 BOM; the delimiter is detected. Every row keeps the line it starts on, so a quoted
 * line break does not shift the line numbers of later rows. Blank rows (`;;;` included) are skipped.
 */
export function readCsvTable(text: string, source: string): OrdersTable {
  // One line-break convention, so csv-parse counts lines the way an editor shows them.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `info: true` makes each record `{ record, info }`, which the overloads of parse do not express
    records = parse(normalised, {
      delimiter: detectDelimiter(normalised),
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const at = err as CsvError & { lines?: number };
      throw new OrdersFileError([{ file: source, line: at.lines ?? 1, message: err.message }]);
    }
    throw err;
  }
  const rows: TableRow[] = [];
  let nextLine = 1;
  for (const { record, info } of records) {
    const line = nextLine;
    nextLine = info.lines + 1;
    if (record.every((c) => c.trim() === '')) continue;
    rows.push({ line, cells: record });
  }
  const [header, ...data] = rows;
  if (header === undefined)
    throw new OrdersFileError([{ file: source, line: 1, message: 'the file is empty' }]);
  return { source, headerLine: header.line, header: header.cells, rows: data };
}

/**
 * A carrier's orders from CSV (comma, semicolon or tab separated; decimal point or comma), each row checked
 * (see tableToOrders). Throws OrdersFileError naming file, line and column of every problem.
 */
export function parseOrdersCsvLocated(text: string, source: string, checks: OrderChecks = {}): LocatedOrders {
  return tableToOrders(readCsvTable(text, source), checks);
}

export function parseOrdersCsv(text: string, checks: OrderChecks = {}, source = 'orders.csv'): Order[] {
  return parseOrdersCsvLocated(text, source, checks).orders;
}

/**
 * The API's CSV upload: orders, or the problems by line and column (never throws for a bad file), so the
 * HTTP layer maps them to its own error without knowing this module's error class.
 */
export function importOrdersCsv(
  text: string,
  checks: OrderChecks,
): { orders: Order[] } | { problems: readonly OrderFileIssue[] } {
  try {
    return { orders: parseOrdersCsvLocated(text, 'request body', checks).orders };
  } catch (err) {
    if (err instanceof OrdersFileError) return { problems: err.issues };
    throw err;
  }
}
