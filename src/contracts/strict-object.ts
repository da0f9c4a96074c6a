import { z } from 'zod';
import { unknownFieldMessage } from './closest-name.ts';

/**
 * Field names each unknown-keys issue was checked against, keyed by the issue's own `keys` array (zod keeps
 * that array by reference in the final issue). zod issues carry no schema, so this is how toFieldIssues can
 * split one issue into one line per unknown key with its nearest known name.
 */
const knownFieldsOfIssue = new WeakMap<readonly string[], readonly string[]>();

/** Known field names of the object an `unrecognized_keys` issue came from, if it was built by strictObject. */
export function knownFieldsOf(keys: readonly string[]): readonly string[] | undefined {
  return knownFieldsOfIssue.get(keys);
}

function shapeKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * An object schema that rejects unknown keys (a typo must not be silently dropped): each one becomes an issue
 * `receivers[0].acess: unknown field (did you mean "access"?)` through toFieldIssues. The known names are read
 * from the schema raising the issue, so `.extend()`ed copies suggest their own fields.
 */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const known = shapeKeys(issue.inst);
      knownFieldsOfIssue.set(issue.keys, known);
      return issue.keys.map((k) => `"${k}": ${unknownFieldMessage(k, known)}`).join('; ');
    },
  });
}
