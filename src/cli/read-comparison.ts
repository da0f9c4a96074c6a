import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  ComparisonSpecError,
  comparisonSpecIssues,
  comparisonSpecSchema,
  expandComparison,
  isFileRef,
  type ComparisonSpec,
  type ComparisonVariantInput,
  InternalError,
  type FieldIssue,
  type JsonValue,
} from '../contracts/index.ts';

/** Every file a spec refers to, with the place it stands (`base`, `variants[2].patchFiles[0]`). */
function refsOf(spec: ComparisonSpec): { ref: string; path: string }[] {
  const out: { ref: string; path: string }[] = [];
  if (isFileRef(spec.base)) out.push({ ref: spec.base.$ref, path: 'base' });
  spec.variants.forEach((v, i) =>
    (v.patchFiles ?? []).forEach((ref, j) => out.push({ ref, path: `variants[${i}].patchFiles[${j}]` })),
  );
  return out;
}

async function readJson(path: string): Promise<{ json: JsonValue } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { problem: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  try {
    return { json: JSON.parse(text) as JsonValue };
  } catch (err) {
    return { problem: `${path} is not valid JSON: ${(err as Error).message}` };
  }
}

/**
 * Reads a comparison file (see contracts/comparison-spec.ts) and the files it refers to (`$ref`, `patchFiles`),
 * relative to it,
 * each read once; returns its name and the variants as validated scenarios.
 * @throws ComparisonSpecError naming the file, the variant and the field of every problem
 */
export async function readComparisonFile(
  file: string,
): Promise<{ name?: string; variants: ComparisonVariantInput[] }> {
  const top = await readJson(file);
  if ('problem' in top) throw new ComparisonSpecError([{ path: '(file)', message: top.problem }]);
  const parsed = comparisonSpecSchema.safeParse(top.json);
  if (!parsed.success) throw new ComparisonSpecError(comparisonSpecIssues(parsed.error, top.json));
  const refs = refsOf(parsed.data);
  const files = new Map<string, Awaited<ReturnType<typeof readJson>>>();
  for (const { ref } of refs) {
    const path = resolve(dirname(file), ref);
    if (!files.has(path)) files.set(path, await readJson(path));
  }
  const problems: FieldIssue[] = refs.flatMap(({ ref, path }) => {
    const read = files.get(resolve(dirname(file), ref));
    return read && 'problem' in read ? [{ path, message: read.problem }] : [];
  });
  if (problems.length > 0) throw new ComparisonSpecError(problems);
  const variants = expandComparison(parsed.data, (ref) => {
    const read = files.get(resolve(dirname(file), ref));
    if (!read || 'problem' in read) throw new InternalError('BROKEN_INVARIANT', `$ref ${ref} was not read`);
    return read.json;
  });
  return { ...(parsed.data.name !== undefined ? { name: parsed.data.name } : {}), variants };
}
