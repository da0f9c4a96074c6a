import { z } from 'zod';
import { idSchema, lonLatSchema, nameSchema, powertrainSchema, timeWindowSchema } from './primitives.ts';
import { LIMITS } from './limits.ts';
import { strictObject } from './strict-object.ts';

/** A GeoJSON linear ring (RFC 7946 §3.1.6): at least four `[lon, lat]` positions, the last equal to the first. */
const linearRingSchema = z
  .array(lonLatSchema)
  .min(4, 'a linear ring needs at least 4 positions, the first repeated at the end')
  .max(LIMITS.positionsPerRing)
  .refine(
    (ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      return (
        ring.length < 4 ||
        (first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1])
      );
    },
    { message: 'a linear ring must end with its first position (closed ring)' },
  );

const bboxSchema = z.array(z.number()).max(6).optional();

export const polygonSchema = strictObject({
  type: z.literal('Polygon'),
  /** Outer ring, then holes. */
  coordinates: z.array(linearRingSchema).min(1, 'expected an outer ring').max(LIMITS.polygonParts),
  bbox: bboxSchema,
});

export const multiPolygonSchema = strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z
    .array(z.array(linearRingSchema).min(1, 'expected an outer ring').max(LIMITS.polygonParts))
    .min(1, 'expected a polygon')
    .max(LIMITS.polygonParts),
  bbox: bboxSchema,
});

/** A zone's area: a GeoJSON Polygon or MultiPolygon geometry (not a Feature: give its `geometry`). */
export const areaSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema], {
  error: (issue) => {
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    return type === 'Feature'
      ? 'expected a GeoJSON Polygon or MultiPolygon geometry, got a Feature: give its "geometry"'
      : 'expected a GeoJSON geometry of type "Polygon" or "MultiPolygon"';
  },
});

/** Vehicles a rule lets in: a type must match every list given (its class AND its powertrain). */
export const accessAllowSchema = strictObject({
  classes: z.array(nameSchema.min(1)).min(1).max(LIMITS.classesPerRule).optional(),
  powertrains: z.array(powertrainSchema).min(1).max(LIMITS.classesPerRule).optional(),
}).refine((a) => a.classes !== undefined || a.powertrains !== undefined, {
  message: 'give the classes, the powertrains or both that the rule allows',
});

/**
 * One access rule of a zone: during `hours` (all day when absent) only the vehicles `allow` names may serve a
 * receiver in the zone. Outside every rule's hours the zone is open to all. Semantics: docs/model/consolidation.md.
 */
export const accessRuleSchema = strictObject({
  allow: accessAllowSchema,
  hours: z
    .array(timeWindowSchema)
    .min(1, 'expected at least one period; leave hours out for all day')
    .max(LIMITS.hoursPerRule)
    .optional(),
});

/** An area with access rules, e.g. a low-emission zone banning diesel by day. */
export const zoneSchema = strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  area: areaSchema,
  rules: z.array(accessRuleSchema).min(1, 'expected at least one rule').max(LIMITS.rulesPerZone),
});

/**
 * A receiver's own access rule: during `hours` (all day when absent) only these vehicle classes and
 * powertrains may serve it (a pedestrian street: cargo bikes only, 11:00–19:00).
 */
export const receiverAccessSchema = strictObject({
  vehicleClasses: z.array(nameSchema.min(1)).min(1).max(LIMITS.classesPerRule).optional(),
  powertrains: z.array(powertrainSchema).min(1).max(LIMITS.classesPerRule).optional(),
  hours: z
    .array(timeWindowSchema)
    .min(1, 'expected at least one period; leave hours out for all day')
    .max(LIMITS.hoursPerRule)
    .optional(),
}).refine((a) => a.hours === undefined || a.vehicleClasses !== undefined || a.powertrains !== undefined, {
  message: 'hours say when vehicleClasses or powertrains apply: give at least one of them',
  path: ['hours'],
});

export type Area = z.infer<typeof areaSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type AccessRule = z.infer<typeof accessRuleSchema>;
export type ReceiverAccess = z.infer<typeof receiverAccessSchema>;
