/**
 * Units used inside the domain model. Times are seconds since local midnight of the scenario's date,
 * distances metres, masses kilograms, energy kWh. Wire names carry the unit (`distanceKm`, `durationMin`).
 */
export type Seconds = number;
export type Metres = number;
export type Kilograms = number;
export type KWh = number;

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const METRES_PER_KM = 1000;

/** `"HH:MM"` -> seconds since midnight. */
export function clockToSeconds(hhmm: string): Seconds {
  const [h, m] = hhmm.split(':');
  return Number(h) * SECONDS_PER_HOUR + Number(m) * SECONDS_PER_MINUTE;
}

/** Seconds since midnight -> `"HH:MM"`, rounded down to the minute so an arrival never looks later than it is. */
export function secondsToClock(s: Seconds): string {
  const total = Math.floor(s / SECONDS_PER_MINUTE);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
