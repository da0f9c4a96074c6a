/**
 * Edit distance with adjacent transpositions (optimal string alignment, Damerau 1964): the number of
 * single-character insertions, deletions, substitutions and swaps of two neighbours turning `a` into `b`.
 * `acess` -> `access` is 1 (one insertion), `nmae` -> `name` is 1 (one swap).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] as number;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name nearest to a mistyped one, or undefined when none is close enough to be a likely typo:
 * within a third of the word's length in edits (at least one), compared case-insensitively so that
 * `Location` finds `location`. Ties go to the earlier name in `known`, so suggestions are stable.
 */
export function closestName(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(w, name.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** `unknown field (did you mean "access"?)`, or `unknown field` when nothing known is close. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const near = closestName(key, known);
  return near === undefined ? 'unknown field' : `unknown field (did you mean "${near}"?)`;
}
