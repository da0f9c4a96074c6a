import type { Amounts, RunSheets, RunSheetStep, TripSheet, VehicleSheet } from './runsheet-model.ts';

/**
 * The run sheets as one table (the rows of the CSV, and of each vehicle's XLSX sheet): one row per step, a
 * loading row at the hub, one row per stop, one return row. Text cells stay text, numbers stay numbers; each
 * writer formats them for its own format.
 */
export const RUNSHEET_COLUMNS = [
  'date',
  'timezone',
  'vehicle',
  'vehicle_type',
  'trip',
  'step',
  'type',
  'place',
  'receiver_id',
  'address',
  'arrival',
  'departure',
  'window',
  'deliveries',
  'pickups',
  'unload_kg',
  'unload_m3',
  'unload_units',
  'collect_kg',
  'collect_m3',
  'collect_units',
  'on_board_kg',
  'on_board_m3',
  'on_board_units',
  'notes',
] as const;

export type RunSheetCell = string | number | undefined;
export type RunSheetRow = Record<(typeof RUNSHEET_COLUMNS)[number], RunSheetCell>;

/** `#3 Café: ORD-1, ORD-2 | #2 …`: the loading list of a trip, in loading order. */
export function loadingList(step: Extract<RunSheetStep, { kind: 'load' }>, separator = ' | '): string {
  return step.byStop.map((s) => `#${s.sequence} ${s.receiver}: ${s.orderIds.join(', ')}`).join(separator);
}

const amounts = (prefix: 'unload' | 'collect' | 'on_board', a: Amounts | undefined) => ({
  [`${prefix}_kg`]: a?.kg,
  [`${prefix}_m3`]: a?.m3,
  [`${prefix}_units`]: a?.units,
});

function stepRow(
  sheets: RunSheets,
  v: VehicleSheet,
  t: TripSheet,
  step: RunSheetStep,
  index: number,
): RunSheetRow {
  const base = {
    date: sheets.date,
    timezone: sheets.timezone,
    vehicle: v.vehicle,
    vehicle_type: v.vehicleType,
    trip: t.trip,
    step: index,
  };
  const none = { ...amounts('unload', undefined), ...amounts('collect', undefined) };
  switch (step.kind) {
    case 'load':
      return {
        ...base,
        ...none,
        ...amounts('on_board', step.load),
        type: 'load at hub',
        place: step.hubId,
        receiver_id: undefined,
        address: undefined,
        arrival: undefined,
        departure: step.departure,
        window: undefined,
        deliveries: loadingList(step),
        pickups: undefined,
        notes: 'load in this order: last stop first',
      } as RunSheetRow;
    case 'stop':
      return {
        ...base,
        ...amounts('unload', step.unload),
        ...amounts('collect', step.collect),
        ...amounts('on_board', step.loadAfter),
        type:
          step.pickups.length > 0 && step.deliveries.length > 0
            ? 'deliver + pick up'
            : step.pickups.length > 0
              ? 'pick up'
              : 'deliver',
        place: step.receiverName,
        receiver_id: step.receiverId,
        address: step.address,
        arrival: step.arrival,
        departure: step.departure,
        window: step.window,
        deliveries: step.deliveries.join(', '),
        pickups: step.pickups.join(', '),
        notes: step.notes.join('; '),
      } as RunSheetRow;
    case 'return':
      return {
        ...base,
        ...none,
        ...amounts('on_board', step.load),
        type: 'return to hub',
        place: step.hubId,
        receiver_id: undefined,
        address: undefined,
        arrival: step.arrival,
        departure: undefined,
        window: undefined,
        deliveries: undefined,
        pickups: undefined,
        notes: step.load.kg > 0 || step.load.units > 0 ? 'unload pickups at the hub' : undefined,
      } as RunSheetRow;
  }
}

export function vehicleRows(sheets: RunSheets, v: VehicleSheet): RunSheetRow[] {
  return v.trips.flatMap((t) => t.steps.map((s, i) => stepRow(sheets, v, t, s, i)));
}
