import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { clockTimeSchema, idSchema, nameSchema } from './primitives.ts';
import { areaSchema } from './scenario-zones.ts';
import { strictObject } from './strict-object.ts';

/** Slowest and fastest speed factor a profile may state: a jam at 5 % of the usual speed, a free night at 5x. */
export const SPEED_FACTOR_MIN = 0.05;
export const SPEED_FACTOR_MAX = 5;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * One period of a speed profile: from `start` to `end` vehicles drive at `speedFactor` x their type's speed
 * (0.6 = 40 % slower). `end` before `start` wraps midnight (`22:00` to `06:00`); outside every period the
 * factor is 1.
 */
export const speedPeriodSchema = strictObject({
  start: clockTimeSchema,
  end: clockTimeSchema,
  speedFactor: z
    .number()
    .min(SPEED_FACTOR_MIN, `expected a speed factor ≥ ${SPEED_FACTOR_MIN}`)
    .max(SPEED_FACTOR_MAX, `expected a speed factor ≤ ${SPEED_FACTOR_MAX}`),
});

/** The minute intervals of the day a period covers (two when it wraps midnight). */
function coveredMinutes(p: { start: string; end: string }): [number, number][] {
  const [s, e] = [minutes(p.start), minutes(p.end)];
  return e > s
    ? [[s, e]]
    : ([
        [s, 24 * 60],
        [0, e],
      ].filter(([a, b]) => (b as number) > (a as number)) as [number, number][]);
}

/**
 * Driving speeds by time of day in the whole city or in an area (docs/model/time-dependent-travel.md): an
 * arc is driven at the first profile, in listed order, that applies to the vehicle's class and whose area
 * (if any) holds both its ends; no profile applies = the type's speed all day.
 */
export const speedProfileSchema = strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  /** Where the profile applies (both ends of an arc inside); absent = the whole city. */
  area: areaSchema.optional(),
  /** Vehicle classes it slows (`van`, `truck`, ...); absent = every class (cargo bikes included). */
  vehicleClasses: z.array(nameSchema.min(1)).min(1).max(LIMITS.classesPerRule).optional(),
  periods: z
    .array(speedPeriodSchema)
    .min(1, 'expected at least one period')
    .max(LIMITS.periodsPerProfile)
    .superRefine((periods, ctx) => {
      // here rather than on the period, whose plain object schema names a misspelt field's nearest name
      periods.forEach((p, i) => {
        if (p.start === p.end)
          ctx.addIssue({
            code: 'custom',
            message: 'a period ends when it starts: give two times',
            path: [i, 'end'],
          });
      });
      const spans = periods.flatMap((p, i) => coveredMinutes(p).map(([s, e]) => ({ s, e, i })));
      spans.sort((a, b) => a.s - b.s);
      for (let k = 1; k < spans.length; k++) {
        const [a, b] = [spans[k - 1]!, spans[k]!];
        if (b.s < a.e)
          ctx.addIssue({
            code: 'custom',
            message: `periods ${Math.min(a.i, b.i)} and ${Math.max(a.i, b.i)} overlap`,
            path: [Math.max(a.i, b.i)],
          });
      }
    }),
  /** Where the factors come from (a traffic index, a survey): printed nowhere, kept with the data. */
  source: z.string().max(LIMITS.textLength).optional(),
});

/** How travel times depend on the hour; absent = static (distance / the type's speed, or the matrix). */
export const travelSchema = strictObject({
  profiles: z
    .array(speedProfileSchema)
    .max(LIMITS.speedProfiles)
    .superRefine((profiles, ctx) => {
      const seen = new Set<string>();
      profiles.forEach((p, i) => {
        if (seen.has(p.id))
          ctx.addIssue({ code: 'custom', message: `duplicate profile id "${p.id}"`, path: [i, 'id'] });
        seen.add(p.id);
      });
    }),
});

export type SpeedPeriodInput = z.infer<typeof speedPeriodSchema>;
export type SpeedProfileInput = z.infer<typeof speedProfileSchema>;
export type TravelInput = z.infer<typeof travelSchema>;
