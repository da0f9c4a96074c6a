import { describe, expect, it } from 'vitest';
import { OrdersCsvError, parseOrdersCsv } from '../../src/io/orders-csv.ts';

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

  it('lists every bad row with its line number and field', () => {
    const csv = 'id,carrierId,receiverId,kg,windowStart,windowEnd\nO1,A,R1,-2,,\nO2,A,R1,abc,10:00,09:00';
    try {
      parseOrdersCsv(csv);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OrdersCsvError);
      const lines = (err as Error).message.split('\n');
      expect(lines).toContain('line 2: size.kg: expected number ≥ 0');
      expect(lines.some((l) => l.startsWith('line 3: size.kg'))).toBe(true);
      expect(lines).toContain('line 3: window.end: window end must be after its start');
    }
  });

  it('refuses a file without the required columns', () => {
    expect(() => parseOrdersCsv('id,kg\nO1,3')).toThrow(/missing column\(s\) receiverId, carrierId/);
  });
});
