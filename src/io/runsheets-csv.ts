import type { Plan } from '../contracts/index.ts';

const HEADER = [
  'vehicle',
  'route',
  'trip',
  'sequence',
  'receiver',
  'arrival',
  'departure',
  'wait_min',
  'orders',
  'order_ids',
  'load_kg',
  'load_m3',
  'load_units',
  'lon',
  'lat',
];

/** RFC 4180 quoting: only when the field needs it. */
function cell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Dispatchers' run sheets for the consolidated plan: one row per stop (vehicle, sequence, receiver,
 * arrival, orders, load after the stop), vehicles and trips in time order.
 */
export function planToRunsheetsCsv(plan: Plan): string {
  const rows = [HEADER.join(',')];
  const routes = [...plan.consolidated.routes].sort(
    (a, b) => a.vehicle.localeCompare(b.vehicle) || a.trip - b.trip,
  );
  for (const r of routes) {
    r.stops.forEach((s, i) => {
      rows.push(
        [
          r.vehicle,
          r.id,
          r.trip,
          i + 1,
          s.receiverId,
          s.arrival,
          s.departure,
          s.waitMin ?? 0,
          s.orderIds.length,
          s.orderIds.join(' '),
          s.loadAfter.kg,
          s.loadAfter.m3,
          s.loadAfter.units,
          s.location[0],
          s.location[1],
        ]
          .map(cell)
          .join(','),
      );
    });
  }
  return rows.join('\n') + '\n';
}
