import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OrdersFileError } from '../../src/io/orders-table.ts';
import { parseOrdersXlsx } from '../../src/io/orders-xlsx.ts';

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Feuil1'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('carrier order XLSX', () => {
  it('reads numbers, time cells (Date or day fraction) and formula results, rows by their sheet number', async () => {
    const data = await workbookBytes((sheet) => {
      sheet.addRow(['Commandes du 18/03']); // a title above the table is not the header…
      sheet.addRow([]);
      sheet.getCell('A1').value = null; // …unless it is empty: the header is the first non-empty row
      sheet.addRow(['id', 'carrierId', 'receiverId', 'kind', 'kg', 'units', 'windowStart', 'windowEnd']);
      sheet.addRow(['O1', 'A', 'R1', 'pickup', 12.5, 2, new Date(Date.UTC(1899, 11, 30, 7, 30)), 11 / 24]);
      sheet.addRow(['O2', 'A', 'R2', '', { formula: '2*3', result: 6 }, 1, '', '']);
    });
    const { orders, lines } = await parseOrdersXlsx(data, 'orders.xlsx');
    expect(orders).toEqual([
      {
        id: 'O1',
        carrierId: 'A',
        receiverId: 'R1',
        kind: 'pickup',
        size: { kg: 12.5, units: 2 },
        window: { start: '07:30', end: '11:00' },
      },
      { id: 'O2', carrierId: 'A', receiverId: 'R2', size: { kg: 6, units: 1 } },
    ]);
    expect(lines).toEqual([4, 5]);
  });

  it('names the cell of every problem as the spreadsheet shows it', async () => {
    const data = await workbookBytes((sheet) => {
      sheet.addRow(['id', 'carrierId', 'receiverId', 'kg']);
      sheet.addRow(['O1', 'A', 'R9', 'douze']);
    });
    await expect(parseOrdersXlsx(data, 'o.xlsx', { knownReceiver: () => false })).rejects.toThrow(
      new OrdersFileError([
        { file: 'o.xlsx', line: 2, column: 'D', field: 'kg', message: '"douze" is not a number' },
      ]).message,
    );
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(parseOrdersXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'x.xlsx')).rejects.toThrow(
      /^x\.xlsx line 1: not a readable XLSX workbook/,
    );
  });
});
