import { closestName, orderSchema, toFieldIssues, type Order } from '../contracts/index.ts';
import { InputError } from '../domain/errors.ts';
import { columnLetter } from './spreadsheet-cells.ts';
import { pushAll } from '../domain/arrays.ts';

/**
 * Columns of a carrier's order file (CSV or XLSX); `kind`, `m3`, `units`, the window and `note` are optional.
 * `note` is free text for people (spreadsheets usually carry one): it is read past, never planned with.
 */
export const ORDER_FILE_COLUMNS = [
  'id',
  'carrierId',
  'receiverId',
  'kind',
  'kg',
  'm3',
  'units',
  'windowStart',
  'windowEnd',
  'note',
] as const;
type OrderColumn = (typeof ORDER_FILE_COLUMNS)[number];

const NUMBER_COLUMNS: readonly OrderColumn[] = ['kg', 'm3', 'units'];

/** Bound on the rows of one file: a day's orders for one hub are a few thousand (the API takes 20,000 at once). */
export const MAX_ORDER_ROWS = 50_000;

/** One data row as read from the file: its first line (1-based, header included) and its cells as text. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A spreadsheet read into text cells, before any order check. */
export interface OrdersTable {
  /** File name (or `request body`) used in every message. */
  readonly source: string;
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
}

/** One problem in an order file, located as a spreadsheet user finds it: file, line, column. */
export interface OrderFileIssue {
  readonly file: string;
  readonly line: number;
  /** Column letter as a spreadsheet shows it (`E`), when the problem is in one cell. */
  readonly column?: string;
  /** Column name in the header (`kg`), when the problem is in one cell. */
  readonly field?: string;
  readonly message: string;
}

export function formatOrderFileIssue(i: OrderFileIssue): string {
  const where = i.column === undefined ? '' : ` column ${i.column}${i.field ? ` (${i.field})` : ''}`;
  return `${i.file} line ${i.line}${where}: ${i.message}`;
}

/** Every problem of one or several order files, each with file, line and column. */
export class OrdersFileError extends InputError {
  override readonly name = 'OrdersFileError';

  constructor(readonly issues: readonly OrderFileIssue[]) {
    super('MALFORMED_FILE', issues.map(formatOrderFileIssue).join('\n'));
  }
}

/** What the caller knows beyond the file: the carrier of a file without a carrier column, and the references. */
export interface OrderChecks {
  readonly carrierId?: string;
  readonly knownReceiver?: (id: string) => boolean;
  readonly knownCarrier?: (id: string) => boolean;
}

/** Where each order of the result came from, for messages about orders found later (duplicates across files). */
export interface LocatedOrders {
  readonly orders: Order[];
  readonly lines: number[];
}

// A number as spreadsheets export it: `12.5`, or with a decimal comma `12,5`, with spaces (also no-break and
// narrow no-break, as French locales write them) between thousands.
const DOT_NUMBER = /^-?\d+(\.\d+)?$/;
const COMMA_NUMBER = /^-?\d+(,\d+)?$/;
const THOUSANDS_SPACE = /(?<=\d)[ \u00a0\u202f](?=\d{3}\b)/g;

/** True when a number column holds a decimal comma (`12,5`): the file then uses commas throughout. */
function usesDecimalComma(table: OrdersTable, index: ReadonlyMap<OrderColumn, number>): boolean {
  const columns = NUMBER_COLUMNS.flatMap((c) => (index.has(c) ? [index.get(c) as number] : []));
  return table.rows.some((r) =>
    columns.some((k) => /^-?\d+,\d+$/.test((r.cells[k] ?? '').trim().replace(THOUSANDS_SPACE, ''))),
  );
}

function parseNumber(text: string, decimalComma: boolean): number | string {
  const s = text.trim().replace(THOUSANDS_SPACE, '');
  if (decimalComma) {
    if (COMMA_NUMBER.test(s)) return Number(s.replace(',', '.'));
    return DOT_NUMBER.test(s)
      ? `"${text}": this file writes decimals with a comma (12,5), so a point here is ambiguous`
      : `"${text}" is not a number`;
  }
  return DOT_NUMBER.test(s) ? Number(s) : `"${text}" is not a number`;
}

/** `8:00` and `08:00:00` (how spreadsheets export time cells) read as `08:00`; anything else is left to the schema. */
function parseTime(text: string): string {
  const m = /^(\d{1,2}):(\d{2})(:00)?$/.exec(text.trim());
  return m ? `${(m[1] as string).padStart(2, '0')}:${m[2]}` : text.trim();
}

/** Zod's path of an order field -> the file column it came from. */
function columnOfPath(path: string): OrderColumn | undefined {
  if (path.startsWith('size.')) return path.slice(5) as OrderColumn;
  if (path === 'window.start' || path === 'window') return 'windowStart';
  if (path === 'window.end') return 'windowEnd';
  return (ORDER_FILE_COLUMNS as readonly string[]).includes(path) ? (path as OrderColumn) : undefined;
}

function headerIndex(table: OrdersTable, checks: OrderChecks, issues: OrderFileIssue[]) {
  const index = new Map<OrderColumn, number>();
  table.header.forEach((raw, k) => {
    const name = raw.trim();
    if (name === '') return;
    const column = ORDER_FILE_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    const at = { file: table.source, line: table.headerLine, column: columnLetter(k), field: name };
    if (column === undefined) {
      const near = closestName(name, ORDER_FILE_COLUMNS);
      issues.push({ ...at, message: `unknown column${near ? ` (did you mean "${near}"?)` : ''}` });
    } else if (index.has(column)) issues.push({ ...at, message: 'column appears twice' });
    else index.set(column, k);
  });
  const required: OrderColumn[] = ['id', 'receiverId', 'kg'];
  if (checks.carrierId === undefined) required.splice(1, 0, 'carrierId');
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0)
    issues.push({
      file: table.source,
      line: table.headerLine,
      message: `missing column(s) ${missing.join(', ')} (expected a header row naming ${ORDER_FILE_COLUMNS.join(', ')})`,
    });
  return index;
}

/**
 * Orders from a table read from a CSV or XLSX file: header names matched case-insensitively, numbers with a
 * decimal point or (detected per file) a decimal comma, times as `HH:MM`; each row validated with the order
 * schema and, when the caller knows them, its receiver and carrier checked. Throws OrdersFileError listing
 * every problem with file, line and column; nothing is returned until the whole file is clean.
 */
export function tableToOrders(table: OrdersTable, checks: OrderChecks = {}): LocatedOrders {
  const issues: OrderFileIssue[] = [];
  const index = headerIndex(table, checks, issues);
  if (issues.length > 0) throw new OrdersFileError(issues);
  if (table.rows.length > MAX_ORDER_ROWS)
    throw new OrdersFileError([
      {
        file: table.source,
        line: (table.rows[MAX_ORDER_ROWS] as TableRow).line,
        message: `more than ${MAX_ORDER_ROWS} orders in one file`,
      },
    ]);
  const decimalComma = usesDecimalComma(table, index);
  const result: LocatedOrders = { orders: [], lines: [] };
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const rowIssues: OrderFileIssue[] = [];
    const at = (column: OrderColumn) => ({
      file: table.source,
      line: row.line,
      column: columnLetter(index.get(column) ?? 0),
      field: column,
    });
    const text = (column: OrderColumn): string | undefined => {
      const k = index.get(column);
      const v = k === undefined ? undefined : row.cells[k]?.trim();
      return v === '' ? undefined : v;
    };
    const number = (column: OrderColumn): number | undefined => {
      const v = text(column);
      if (v === undefined) return undefined;
      const parsed = parseNumber(v, decimalComma);
      if (typeof parsed === 'number') return parsed;
      rowIssues.push({ ...at(column), message: parsed });
      return undefined;
    };
    const time = (column: OrderColumn) => {
      const v = text(column);
      return v === undefined ? undefined : parseTime(v);
    };
    if (row.cells.length > table.header.length)
      rowIssues.push({
        file: table.source,
        line: row.line,
        column: columnLetter(table.header.length),
        message: `${row.cells.length} cells but the header names ${table.header.length} columns`,
      });
    const start = time('windowStart');
    const end = time('windowEnd');
    const size = { kg: number('kg'), m3: number('m3'), units: number('units') };
    const candidate = {
      id: text('id'),
      carrierId: text('carrierId') ?? checks.carrierId,
      receiverId: text('receiverId'),
      ...(text('kind') !== undefined ? { kind: text('kind') } : {}),
      size: Object.fromEntries(Object.entries(size).filter(([, v]) => v !== undefined)),
      ...(start !== undefined || end !== undefined ? { window: { start, end } } : {}),
    };
    // Ids are unique per carrier (the order store's key): checked on every row with an id, valid or not.
    if (candidate.id !== undefined) {
      const key = `${candidate.carrierId ?? ''}\u0000${candidate.id}`;
      const first = seen.get(key);
      if (first !== undefined)
        rowIssues.push({
          ...at('id'),
          message: `duplicate order id "${candidate.id}" (first on line ${first})`,
        });
      else seen.set(key, row.line);
    }
    const parsed = orderSchema.safeParse(candidate);
    const badColumns = new Set(rowIssues.map((i) => i.field));
    if (!parsed.success)
      for (const issue of toFieldIssues(parsed.error)) {
        const column = columnOfPath(issue.path);
        if (column !== undefined && badColumns.has(column)) continue; // already said: not a number
        const message =
          issue.path === 'size.kg' && size.kg === undefined && !badColumns.has('kg')
            ? 'required'
            : issue.message;
        rowIssues.push(
          column === undefined
            ? { file: table.source, line: row.line, message: `${issue.path}: ${message}` }
            : { ...at(column), message },
        );
      }
    else {
      const o = parsed.data;
      if (checks.knownReceiver && !checks.knownReceiver(o.receiverId))
        rowIssues.push({ ...at('receiverId'), message: `unknown receiver "${o.receiverId}"` });
      if (checks.knownCarrier && !checks.knownCarrier(o.carrierId))
        rowIssues.push({
          ...(index.has('carrierId') ? at('carrierId') : { file: table.source, line: row.line }),
          message: `unknown carrier "${o.carrierId}"`,
        });
      if (rowIssues.length === 0) {
        result.orders.push(o);
        result.lines.push(row.line);
      }
    }
    pushAll(issues, rowIssues);
  }
  if (issues.length > 0) throw new OrdersFileError(issues);
  return result;
}
