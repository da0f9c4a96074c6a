import { z } from 'zod';
import { InputError } from '../domain/errors.ts';
import { toFieldIssues, type FieldIssue } from './format-issues.ts';
import { applyMergePatch, isJsonObject, type JsonValue } from './merge-patch.ts';
import { scenarioSchema, type Scenario } from './scenario.ts';
import { LIMITS } from './limits.ts';
import { strictObject } from './strict-object.ts';
import { pushAll } from '../domain/arrays.ts';

/**
 * A comparison of scenario variants (`picon compare FILE`, `POST /v1/comparisons`): one base scenario and named
 * variants, each a JSON Merge Patch (RFC 7396) over the base, so the 20,000-line day is written once.
 *
 * ```
 * { "name"?, "description"?,
 *   "base": { "$ref": "day.json" } | <scenario>,
 *   "variants": [{ "name", "description"?,
 *                  "patchFiles"?: ["lez.json", …],
 *                  "patch"?: <merge patch>,
 *                  "each"?: [{ "in": "receivers", "where"?: { "kind": ["shop", "office"] }, "patch": <merge patch> }] }] }
 * ```
 * `$ref` and `patchFiles` paths are relative to the comparison file (the API takes inline JSON only). A merge
 * patch replaces arrays wholesale, so `each` patches the elements of one list of the scenario (hubs, carriers,
 * receivers, orders, fleet, vehicleTypes, zones) instead of restating it: every element whose top-level fields equal
 * `where`'s values (a list: any of them) gets `patch` merged into it. Order: the patch files, then `patch`,
 * then `each` in order. A variant with none of them is the base as is. Every patched scenario is validated as
 * a scenario.
 */

/** `{ "$ref": "day.json" }`: a JSON file, its path relative to the comparison file. */
export interface FileRef {
  readonly $ref: string;
}

export function isFileRef(value: unknown): value is FileRef {
  return isJsonObject(value as JsonValue) && '$ref' in (value as object);
}

// values are whatever JSON holds: z.unknown, not z.json, keeps the API description free of recursive refs
const jsonObjectSchema = z.record(z.string(), z.unknown(), { error: 'expected a JSON object' });

/** A scenario inline, or `{ "$ref": "file.json" }` alone. */
const scenarioOrRefSchema = jsonObjectSchema.superRefine((value, ctx) => {
  if (!('$ref' in value)) return;
  if (Object.keys(value).length > 1)
    ctx.addIssue({ code: 'custom', message: '"$ref" must stand alone: { "$ref": "day.json" }' });
  else if (typeof value.$ref !== 'string' || value.$ref === '')
    ctx.addIssue({ code: 'custom', path: ['$ref'], message: 'expected a file path' });
});

/** A merge patch over a scenario: an object (a patch that is not one would replace the whole scenario). */
const mergePatchSchema = jsonObjectSchema.refine((patch) => !('$ref' in patch), {
  message: 'a patch cannot hold "$ref": list patch files in the variant\'s "patchFiles"',
});

/** The scenario's lists whose elements `each` can patch. */
export const PATCHABLE_LISTS = [
  'hubs',
  'carriers',
  'receivers',
  'orders',
  'fleet',
  'vehicleTypes',
  'zones',
] as const;

const scalarSchema = z.union([z.string().max(LIMITS.textLength), z.number(), z.boolean()]);

export const eachEditSchema = strictObject({
  in: z.enum(PATCHABLE_LISTS),
  /** Top-level fields of the element and the value (or any of the values) they must have; all elements when absent. */
  where: z
    .record(
      z.string().max(LIMITS.nameLength),
      z.union([scalarSchema, z.array(scalarSchema).min(1).max(LIMITS.receivers)]),
    )
    .optional(),
  patch: mergePatchSchema,
});
export type EachEdit = z.infer<typeof eachEditSchema>;

export const variantSpecSchema = strictObject({
  name: z.string().trim().min(1, 'expected a name').max(100),
  description: z.string().max(LIMITS.textLength).optional(),
  /** Files holding merge patches (e.g. a zone to add), applied first, in order. */
  patchFiles: z
    .array(z.string().min(1, 'expected a file path').max(LIMITS.textLength))
    .min(1)
    .max(100)
    .optional(),
  patch: mergePatchSchema.optional(),
  each: z.array(eachEditSchema).min(1).max(1_000).optional(),
});
export type VariantSpec = z.infer<typeof variantSpecSchema>;

export const comparisonSpecSchema = strictObject({
  name: z.string().min(1).max(LIMITS.nameLength).optional(),
  description: z.string().max(LIMITS.textLength).optional(),
  base: scenarioOrRefSchema,
  variants: z
    .array(variantSpecSchema)
    .min(1, 'expected at least one variant')
    .max(LIMITS.comparisonVariants, `at most ${LIMITS.comparisonVariants} variants`)
    .superRefine((variants, ctx) => {
      const seen = new Set<string>();
      variants.forEach((v, i) => {
        if (seen.has(v.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate variant name "${v.name}"` });
        seen.add(v.name);
      });
    }),
});
export type ComparisonSpec = z.infer<typeof comparisonSpecSchema>;

/** A variant ready to plan. */
export interface ComparisonVariantInput {
  readonly name: string;
  readonly description?: string;
  readonly scenario: Scenario;
}

/** Every problem of a comparison, each naming its variant and field; thrown by expandComparison. */
export class ComparisonSpecError extends InputError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('INVALID_VALUE', issues.map((i) => `${i.path}: ${i.message}`).join('\n'), {
      field: issues[0]?.path,
    });
  }
}

/**
 * Reads a referenced file's JSON. `path` is where the reference stands (`base`, `variants[2].patchFiles[0]`); a loader that
 * cannot give the file throws a ComparisonSpecError naming it (or an InputError).
 */
export type LoadRef = (ref: string, path: string) => JsonValue;

const SHOWN_ISSUES_PER_SCENARIO = 10;

function scenarioIssues(scenario: JsonValue, path: string, what: string): FieldIssue[] {
  const parsed = scenarioSchema.safeParse(scenario);
  if (parsed.success) return [];
  const issues = toFieldIssues(parsed.error).map((i) => ({
    path,
    message: `${what} ${i.path}: ${i.message}`,
  }));
  if (issues.length <= SHOWN_ISSUES_PER_SCENARIO) return issues;
  return [
    ...issues.slice(0, SHOWN_ISSUES_PER_SCENARIO),
    { path, message: `${what}: … and ${issues.length - SHOWN_ISSUES_PER_SCENARIO} more problems` },
  ];
}

function matches(element: JsonValue, where: EachEdit['where']): boolean {
  if (!isJsonObject(element)) return false;
  return Object.entries(where ?? {}).every(([field, wanted]) =>
    (Array.isArray(wanted) ? wanted : [wanted]).some((w) => element[field] === w),
  );
}

/** `edit` applied to the scenario `doc`, or the issue that stops it. */
function applyEach(
  doc: JsonValue,
  edit: EachEdit,
  path: string,
  variant: string,
): { doc: JsonValue } | { issue: FieldIssue } {
  const list = isJsonObject(doc) ? doc[edit.in] : undefined;
  if (!Array.isArray(list))
    return {
      issue: { path: `${path}.in`, message: `variant "${variant}": the scenario has no ${edit.in} list` },
    };
  let hits = 0;
  const patched = list.map((element) => {
    if (!matches(element, edit.where)) return element;
    hits += 1;
    return applyMergePatch(element, edit.patch as JsonValue);
  });
  // a `where` that selects nothing is almost always a typo: saying so beats a variant that silently equals the base
  if (hits === 0)
    return {
      issue: {
        path: `${path}.where`,
        message: `variant "${variant}": no element of ${edit.in} matches ${JSON.stringify(edit.where)}`,
      },
    };
  return { doc: applyMergePatch(doc, { [edit.in]: patched }) };
}

function expandVariant(
  base: JsonValue,
  variant: VariantSpec,
  index: number,
  load: LoadRef,
): { scenario?: Scenario; issues: FieldIssue[] } {
  const at = `variants[${index}]`;
  const issues: FieldIssue[] = [];
  let doc = base;
  const patches: { patch: JsonValue; path: string }[] = [
    ...(variant.patchFiles ?? []).map((file, j) => {
      const path = `${at}.patchFiles[${j}]`;
      return { patch: load(file, path), path };
    }),
    ...(variant.patch !== undefined ? [{ patch: variant.patch as JsonValue, path: `${at}.patch` }] : []),
  ];
  for (const { patch, path } of patches) {
    if (!isJsonObject(patch)) {
      issues.push({
        path,
        message: `variant "${variant.name}": a patch must be a JSON object (a merge patch)`,
      });
      continue;
    }
    doc = applyMergePatch(doc, patch);
  }
  (variant.each ?? []).forEach((edit, k) => {
    const result = applyEach(doc, edit, `${at}.each[${k}]`, variant.name);
    if ('issue' in result) issues.push(result.issue);
    else doc = result.doc;
  });
  if (issues.length > 0) return { issues };
  const checked = scenarioIssues(doc, at, `variant "${variant.name}": the patched scenario is invalid at`);
  if (checked.length > 0) return { issues: checked };
  return { scenario: scenarioSchema.parse(doc), issues: [] };
}

/**
 * The comparison's variants as scenarios: the base (read through `load` when a `$ref`) with each variant's
 * patches applied, every one validated. Patches apply to the base as written, not to its parsed form, so
 * what a variant changes is exactly what its patch says.
 * @throws ComparisonSpecError listing every problem of every variant
 */
export function expandComparison(spec: ComparisonSpec, load: LoadRef): ComparisonVariantInput[] {
  const ref = isFileRef(spec.base) ? spec.base.$ref : undefined;
  const base = ref !== undefined ? load(ref, 'base') : (spec.base as JsonValue);
  const where = ref !== undefined ? `the base scenario (${ref}) is invalid at` : 'invalid at';
  const baseIssues = scenarioIssues(base, 'base', where);
  if (baseIssues.length > 0) throw new ComparisonSpecError(baseIssues);
  const out: ComparisonVariantInput[] = [];
  const issues: FieldIssue[] = [];
  spec.variants.forEach((variant, i) => {
    const result = expandVariant(base, variant, i, load);
    pushAll(issues, result.issues);
    if (result.scenario)
      out.push({
        name: variant.name,
        ...(variant.description !== undefined ? { description: variant.description } : {}),
        scenario: result.scenario,
      });
  });
  if (issues.length > 0) throw new ComparisonSpecError(issues);
  return out;
}

/** The spec's own shape problems, each naming its variant when it lies inside one. */
export function comparisonSpecIssues(error: z.ZodError, raw: unknown): FieldIssue[] {
  const variants = isJsonObject(raw as JsonValue) ? (raw as { variants?: unknown }).variants : undefined;
  return toFieldIssues(error).map((issue) => {
    const index = /^variants\[(\d+)\]/.exec(issue.path)?.[1];
    const v =
      index !== undefined && Array.isArray(variants) ? (variants[Number(index)] as unknown) : undefined;
    const name = isJsonObject(v as JsonValue) ? (v as { name?: unknown }).name : undefined;
    const prefix = typeof name === 'string' && name !== '' ? `variant "${name}": ` : '';
    return { path: issue.path, message: `${prefix}${issue.message}` };
  });
}

/**
 * Parses a comparison spec (the file's or the request body's JSON) and expands it.
 * @throws ComparisonSpecError naming every problem
 */
export function parseComparison(raw: unknown, load: LoadRef): ComparisonVariantInput[] {
  const parsed = comparisonSpecSchema.safeParse(raw);
  if (!parsed.success) throw new ComparisonSpecError(comparisonSpecIssues(parsed.error, raw));
  return expandComparison(parsed.data, load);
}
