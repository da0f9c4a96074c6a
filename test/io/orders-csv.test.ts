import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseOrdersCsv, parseOrdersCsvLocated } from '../../src/io/orders-csv.ts';
import { OrdersFileError } from '../../src/io/orders-table.ts';

/** The messages of the OrdersFileError `run` throws, one per problem. */
function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(OrdersFileError);
    return (err as Error).message.split('\n');
  }
  return expect.unreachable('expected an OrdersFileError');
}

describe('carrier order CSV', () => {
  it('reads orders with optional columns and quoted cells', () => {
    const csv = [
      'id,carrierId,receiverId,kind,kg,m3,units,windowStart,windowEnd',
      'O1,A,R1,,12.5,0.1,2,,',
      '"O,2",A,R2,pickup,3,,1,08:00,09:30',
    ].join('\n');
    expect(parseOrdersCsv(csv)).toEqual([
      { id: 'O1', carrierId: 'A', receiverId: 'R1', size: { kg: 12.5, m3: 0.1, units: 2 } },
      {
        id: 'O,2',
        carrierId: 'A',
        receiverId: 'R2',
        kind: 'pickup',
        size: { kg: 3, units: 1 },
        window: { start: '08:00', end: '09:30' },
      },
    ]);
  });

  it('takes the carrier from the caller when the file has no carrier column', () => {
    expect(parseOrdersCsv('id,receiverId,kg\nO1,R1,4', { carrierId: 'B' })[0]?.carrierId).toBe('B');
  });

  it('detects the delimiter from the header, outside quotes', () => {
    expect(detectDelimiter('id,receiverId,kg\n1;2;3')).toBe(',');
    expect(detectDelimiter('\uFEFFid;receiverId;kg;"a,b,c"')).toBe(';');
    expect(detectDelimiter('id\treceiverId\tkg')).toBe('\t');
  });

  it('reads a French spreadsheet export: BOM, semicolons, decimal commas, CRLF, a quoted line break', () => {
    const text = readFileSync('fixtures/tiny/orders-fr.csv', 'utf8');
    const { orders, lines } = parseOrdersCsvLocated(text, 'orders-fr.csv');
    expect(orders.map((o) => o.id)).toEqual([
      'ORD-colis-1',
      'ORD-boissons-1',
      'ORD-colis-2',
      'ORD-boissons-2',
      'ORD-colis-3',
      'ORD-boissons-3',
      'RET-boissons-3',
    ]);
    // the quoted note of line 3 runs onto line 4: the next order is on line 5, as an editor shows it
    expect(lines).toEqual([2, 3, 5, 6, 7, 8, 9]);
    expect(orders[2]?.size).toEqual({ kg: 8.5, m3: 0.05, units: 1 });
    expect(orders[3]?.window).toEqual({ start: '08:00', end: '10:30' });
    expect(orders[6]).toEqual({
      id: 'RET-boissons-3',
      carrierId: 'boissons',
      receiverId: 'R3',
      kind: 'pickup',
      size: { kg: 15.5, m3: 0.2, units: 3 },
    });
    const kg = orders.reduce((sum, o) => sum + o.size.kg, 0);
    expect(kg).toBeCloseTo(12 + 40 + 8.5 + 30 + 5 + 90 + 15.5, 9);
  });

  it('reads thousands separated by (no-break) spaces in a decimal-comma file', () => {
    const csv = 'id;carrierId;receiverId;kg\nO1;A;R1;1\u00a0250,5\nO2;A;R1;2 000';
    expect(parseOrdersCsv(csv).map((o) => o.size.kg)).toEqual([1250.5, 2000]);
  });

  it('names file, line, column and field of every bad cell, on the line the row starts', () => {
    const csv = [
      'id;carrierId;receiverId;kg;windowStart;windowEnd;note',
      'O1;A;R1;-2;;;"two',
      'lines"',
      'O2;A;R1;abc;10:00;09:00;',
      'O3;A;R1;1.5;;;',
      'O1;A;R1;3;;;',
    ].join('\r\n');
    const lines = problems(() =>
      parseOrdersCsvLocated(csv, 'fr.csv', { knownReceiver: () => true, knownCarrier: () => true }),
    );
    expect(lines).toEqual([
      'fr.csv line 2 column D (kg): expected number ≥ 0',
      'fr.csv line 4 column D (kg): "abc" is not a number',
      'fr.csv line 4 column F (windowEnd): window end must be after its start',
      'fr.csv line 6 column A (id): duplicate order id "O1" (first on line 2)',
    ]);
  });

  it('refuses a decimal point in a file that writes decimal commas', () => {
    expect(problems(() => parseOrdersCsv('id;carrierId;receiverId;kg\nO1;A;R1;2,5\nO2;A;R1;1.250'))).toEqual([
      'orders.csv line 3 column D (kg): "1.250": this file writes decimals with a comma (12,5), so a point here is ambiguous',
    ]);
  });

  it('names unknown receivers and carriers by line and column', () => {
    const csv = 'carrierId,id,receiverId,kg\nA,O1,R1,1\nZ,O2,R9,1';
    const lines = problems(() =>
      parseOrdersCsvLocated(csv, 'a.csv', {
        knownReceiver: (id) => id === 'R1',
        knownCarrier: (id) => id === 'A',
      }),
    );
    expect(lines).toEqual([
      'a.csv line 3 column C (receiverId): unknown receiver "R9"',
      'a.csv line 3 column A (carrierId): unknown carrier "Z"',
    ]);
  });

  it('refuses a file without the required columns, and names unknown columns with the nearest one', () => {
    expect(problems(() => parseOrdersCsv('id,kg\nO1,3'))).toEqual([
      'orders.csv line 1: missing column(s) carrierId, receiverId (expected a header row naming id, carrierId, receiverId, kind, kg, m3, units, windowStart, windowEnd, note)',
    ]);
    expect(problems(() => parseOrdersCsv('id,carrierId,receiverId,kg,windowStrat\nO1,A,R1,3,08:00'))).toEqual(
      ['orders.csv line 1 column E (windowStrat): unknown column (did you mean "windowStart"?)'],
    );
  });

  it('reports a quote left open with its line', () => {
    expect(problems(() => parseOrdersCsv('id,carrierId,receiverId,kg\nO1,A,R1,"3\n'))[0]).toMatch(
      /^orders\.csv line \d+: Quote Not Closed/,
    );
  });

  it('reports a row with more cells than the header', () => {
    expect(problems(() => parseOrdersCsv('id,carrierId,receiverId,kg\nO1,A,R1,3,extra'))).toEqual([
      'orders.csv line 2 column E: 5 cells but the header names 4 columns',
    ]);
  });
});
