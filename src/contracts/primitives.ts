import { z } from 'zod';
import { closestName } from './closest-name.ts';
import { LIMITS } from './limits.ts';
import { strictObject } from './strict-object.ts';
import { POWERTRAINS, type Powertrain } from '../domain/vehicle-type.ts';

/** WGS84 `[longitude, latitude]` in degrees: GeoJSON and turf order, never `[lat, lon]`. */
export const lonLatSchema = z.tuple([
  z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180'),
  z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90'),
]);
export type LonLat = z.infer<typeof lonLatSchema>;

/** Local wall-clock time `"HH:MM"` (24 h) in the scenario's timezone; `"24:00"` allowed as an end of day. */
const CLOCK_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const clockTimeSchema = z.string().regex(CLOCK_TIME, 'expected time "HH:MM" between 00:00 and 24:00');

/** `"HH:MM"` strings order like the times they name, so the window check compares them directly. */
export const timeWindowSchema = strictObject({ start: clockTimeSchema, end: clockTimeSchema }).refine(
  // a malformed time already has its own issue: do not add a second one about the order
  (w) => !CLOCK_TIME.test(w.start) || !CLOCK_TIME.test(w.end) || w.start < w.end,
  { message: 'window end must be after its start', path: ['end'] },
);
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export const idSchema = z.string().min(1, 'expected a non-empty id').max(LIMITS.idLength);

/** A display string (name, kind, vehicle class): bounded like every string (LIMITS.nameLength). */
export const nameSchema = z.string().max(LIMITS.nameLength);

/** A load or capacity: mass in kg, volume in m3, handling units (parcels, roll cages). */
export const sizeSchema = strictObject({
  kg: z.number().min(0, 'expected number ≥ 0').max(LIMITS.kg),
  m3: z.number().min(0, 'expected number ≥ 0').max(LIMITS.m3).optional(),
  units: z.number().int().min(0, 'expected integer ≥ 0').max(LIMITS.units).optional(),
});
export type Size = z.infer<typeof sizeSchema>;

export const fullSizeSchema = z.object({ kg: z.number(), m3: z.number(), units: z.number() });

/**
 * IANA time zone names this runtime knows (`Intl.supportedValuesOf`, which lists Area/Location names and
 * leaves out `UTC`), plus `UTC`. Read once: the list is fixed for a process.
 */
const TIME_ZONES: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
const TIME_ZONE_SET = new Set(TIME_ZONES);

/** The scenario's IANA time zone (`Europe/Paris` when absent); a misspelt one names the nearest real zone. */
export const timeZoneSchema = z.string().superRefine((tz, ctx) => {
  if (TIME_ZONE_SET.has(tz)) return;
  const near = closestName(tz, TIME_ZONES);
  ctx.addIssue({
    code: 'custom',
    message: `unknown IANA time zone "${tz}"${near ? ` (did you mean "${near}"?)` : ''}`,
  });
});
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** `electric`, `diesel`, `hydrogen` or `bio-cng` (domain/vehicle-type.ts): what low-emission-zone rules test. */
export const powertrainSchema = z.enum(POWERTRAINS);
export type { Powertrain };
