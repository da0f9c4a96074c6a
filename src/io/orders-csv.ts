import { orderSchema, toFieldIssues, type Order } from '../contracts/index.ts';
import { InputError } from '../domain/errors.ts';

/** Columns of a carrier's order file; `kind`, `m3`, `units` and the window are optional. */
export const ORDER_CSV_COLUMNS = [
  'id',
  'carrierId',
  'receiverId',
  'kind',
  'kg',
  'm3',
  'units',
  'windowStart',
  'windowEnd',
] as const;

export interface CsvIssue {
  line: number;
  path: string;
  message: string;
}

export class OrdersCsvError extends InputError {
  override readonly name = 'OrdersCsvError';

  constructor(readonly issues: readonly CsvIssue[]) {
    super('MALFORMED_FILE', issues.map((i) => `line ${i.line}: ${i.path}: ${i.message}`).join('\n'));
  }
}

/** Splits one CSV line (RFC 4180 quotes, comma separator). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

const number = (s: string | undefined): number | undefined =>
  s === undefined || s === '' ? undefined : Number(s);

/**
 * Reads a carrier's orders from CSV (header row with the ORDER_CSV_COLUMNS names, any order) and validates
 * each row with the order schema. Throws OrdersCsvError listing every bad row with its line number.
 */
export function parseOrdersCsv(text: string, defaults: { carrierId?: string } = {}): Order[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitLine(lines[0] ?? '');
  const missing = ['id', 'receiverId', 'kg'].filter((c) => !header.includes(c));
  if (!defaults.carrierId && !header.includes('carrierId')) missing.push('carrierId');
  if (missing.length > 0)
    throw new OrdersCsvError([
      { line: 1, path: 'header', message: `missing column(s) ${missing.join(', ')}` },
    ]);
  const issues: CsvIssue[] = [];
  const orders: Order[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = splitLine(line);
    const get = (name: string): string | undefined => {
      const k = header.indexOf(name);
      return k < 0 ? undefined : cells[k];
    };
    const start = get('windowStart');
    const end = get('windowEnd');
    const candidate = {
      id: get('id'),
      carrierId: get('carrierId') || defaults.carrierId,
      receiverId: get('receiverId'),
      ...(get('kind') ? { kind: get('kind') } : {}),
      size: { kg: number(get('kg')), m3: number(get('m3')), units: number(get('units')) },
      ...(start || end ? { window: { start, end } } : {}),
    };
    const parsed = orderSchema.safeParse(candidate);
    if (parsed.success) orders.push(parsed.data);
    else for (const issue of toFieldIssues(parsed.error)) issues.push({ line: i + 2, ...issue });
  });
  if (issues.length > 0) throw new OrdersCsvError(issues);
  return orders;
}
