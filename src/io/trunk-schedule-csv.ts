import type { Plan } from '../contracts/index.ts';
import { csvTextCell } from './spreadsheet-cells.ts';

type Cell = string | number | undefined;

const COLUMNS = [
  'carrier',
  'date',
  'vehicle',
  'trip',
  'mode',
  'ready_at_depot',
  'leaves_depot',
  'to',
  'dock_arrival',
  'load_kg',
  'load_m3',
  'load_units',
  'returns_kg',
  'orders',
  'late_min',
] as const;

/** The plan's date shifted by `day` days (trunk trips the evening before have day -1). */
function dayOf(date: string, day: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + day);
  return d.toISOString().slice(0, 10);
}

/**
 * The carriers' trunk schedule: for each carrier, when a trunk vehicle collects its goods at its depot, what
 * it loads and takes back (returns), and when and where it docks (the hub, or the quay of a barge or rail leg,
 * whose sailing follows on its own row), or its platform with two echelons (the feeders onwards are not the
 * carriers' concern). One row per depot stop of a road trip and per carrier on a sailing,
 * by carrier then time; text cells neutralised against formula injection, numbers as numbers.
 */
export function planToTrunkScheduleCsv(plan: Plan, dialect: 'en' | 'fr' = 'en'): string {
  const d =
    dialect === 'fr'
      ? { delimiter: ';', decimal: ',', bom: '\uFEFF' }
      : { delimiter: ',', decimal: '.', bom: '' };
  const rows: { carrier: string; at: number; cells: Cell[] }[] = [];
  for (const t of plan.consolidated.trunk) {
    // a feeder (second echelon) runs platform to micro-hub: no carrier meets it
    if (t.echelon === 2) continue;
    const date = dayOf(plan.scenario.date, t.day);
    if (t.mode === 'road')
      for (const s of t.stops)
        rows.push({
          carrier: s.id,
          at: s.arrivalSec,
          cells: [
            s.id,
            date,
            t.vehicle,
            t.trip,
            t.mode,
            s.arrival,
            s.departure,
            t.to,
            t.arrival,
            s.loaded.kg,
            s.loaded.m3,
            s.loaded.units,
            s.unloaded.kg,
            s.orderIds.length,
            s.lateMin,
          ],
        });
    else
      for (const carrier of t.carrierIds)
        rows.push({
          carrier,
          at: t.departureSec,
          cells: [
            carrier,
            date,
            t.vehicle,
            t.trip,
            t.mode,
            t.stops[0]?.departure,
            t.departure,
            t.to,
            t.arrival,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
          ],
        });
  }
  rows.sort((a, b) => a.carrier.localeCompare(b.carrier) || a.at - b.at);
  const cell = (v: Cell): string =>
    v === undefined
      ? ''
      : typeof v === 'number'
        ? String(Number(v.toFixed(3))).replace('.', d.decimal)
        : csvTextCell(v, d.delimiter);
  const lines = [COLUMNS.join(d.delimiter), ...rows.map((r) => r.cells.map(cell).join(d.delimiter))];
  return d.bom + lines.join('\r\n') + '\r\n';
}
