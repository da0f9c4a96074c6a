import { readFile } from 'node:fs/promises';
import { parseOrdersCsvLocated } from './orders-csv.ts';
import { OrdersFileError, type LocatedOrders, type OrderChecks } from './orders-table.ts';
import { parseOrdersXlsx } from './orders-xlsx.ts';

/** Bound on one order file: 50,000 rows of CSV are ≈ 5 MB; an XLSX of the same is smaller. */
export const MAX_ORDER_FILE_BYTES = 32 * 1024 * 1024;

/** A ZIP container (XLSX) starts with `PK\x03\x04`, whatever the file is called. */
const isZip = (data: Uint8Array) =>
  data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

/**
 * A carrier's order file, CSV (any of `,` `;` tab, decimal point or comma, UTF-8 with or without BOM) or XLSX
 * (recognised by its content, not its name). Problems: OrdersFileError naming the file, line and column.
 */
export async function readOrdersFile(path: string, checks: OrderChecks = {}): Promise<LocatedOrders> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new OrdersFileError([{ file: path, line: 1, message: `cannot read the file (${code})` }]);
  }
  if (data.length > MAX_ORDER_FILE_BYTES)
    throw new OrdersFileError([
      { file: path, line: 1, message: `larger than ${MAX_ORDER_FILE_BYTES / 1024 / 1024} MB` },
    ]);
  if (isZip(data)) return parseOrdersXlsx(data, path, checks);
  return parseOrdersCsvLocated(data.toString('utf8'), path, checks);
}
