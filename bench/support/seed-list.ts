/** At most this many seeds per run (each solves every instance once). */
export const MAX_SEEDS = 100;

/**
 * Seeds from `1-5`, `1,3,7` or a mix (`1-3,9`), in the order given, each once. Throws a RangeError naming
 * the part that is not a non-negative integer or a range of them, and past MAX_SEEDS.
 */
export function parseSeedList(text: string): number[] {
  const seeds: number[] = [];
  const add = (seed: number): void => {
    if (!seeds.includes(seed)) seeds.push(seed);
    if (seeds.length > MAX_SEEDS) throw new RangeError(`at most ${MAX_SEEDS} seeds, got more in "${text}"`);
  };
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range !== null) {
      const lo = seedOf(range[1]!, part);
      const hi = seedOf(range[2]!, part);
      if (hi < lo) throw new RangeError(`seed range "${part}" ends before it starts`);
      // add() throws past MAX_SEEDS, so even 0-4294967295 stops after 101 seeds
      for (let s = lo; s <= hi; s++) add(s);
    } else add(seedOf(part, part));
  }
  return seeds;
}

function seedOf(digits: string, part: string): number {
  const seed = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(seed) || seed > 0xffffffff)
    throw new RangeError(`seed "${part}" is not an integer from 0 to ${0xffffffff}`);
  return seed;
}
