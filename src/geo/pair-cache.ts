/**
 * A direct-mapped cache in front of a function of an ordered pair of location indices: each pair hashes to one
 * slot, and a new pair overwrites whatever the slot held. It returns the function's own double, so a cached
 * and an uncached lookup are the same to the bit and a search's trajectory does not change.
 *
 * Why: days above the stored-matrix bound compute each distance on demand (a great circle: a sine, a square
 * root and an arc tangent), and a search asks for the same few arcs again and again (a job and its nearest
 * neighbours, a route's consecutive stops). On a 10,000-stop pooled problem that computation was 28 % of
 * the solve's CPU (docs/BENCHMARKS.md, "Scale, round five").
 */
export function cachedPairs(
  compute: (i: number, j: number) => number,
  locations: number,
  slots: number = cacheSlotsFor(locations),
): (i: number, j: number) => number {
  if (!Number.isInteger(slots) || slots < 1 || (slots & (slots - 1)) !== 0)
    throw new RangeError(`cache slots must be a power of two, got ${slots}`);
  const shift = 32 - Math.log2(slots);
  // Slot s holds its key at 2s and its value at 2s + 1: one cache line per lookup, where two arrays cost two
  // misses (a 10,000-receiver day's table is 32 MB, far beyond the CPU's caches). Keys are i * locations + j,
  // exact in a double for any bounded day; -1 marks an empty slot.
  const table = new Float64Array(2 * slots);
  for (let s = 0; s < table.length; s += 2) table[s] = -1;
  return (i, j) => {
    const key = i * locations + j;
    // Multiplicative hashing of both indices (Knuth's and MurmurHash3's constants): neighbouring indices
    // spread over the whole table.
    const at = (shift === 32 ? 0 : Math.imul(i ^ Math.imul(j, 0x85ebca6b), 0x9e3779b1) >>> shift) * 2;
    if (table[at] === key) return table[at + 1] as number;
    const value = compute(i, j);
    table[at] = key;
    table[at + 1] = value;
    return value;
  };
}

/** Slots to allocate for a problem with this many locations. */
export const MIN_CACHE_SLOTS = 1 << 16;
export const MAX_CACHE_SLOTS = 1 << 21;
/**
 * About 128 slots a location (a job's neighbours and route arcs, with room against collisions), as a power of
 * two between 65,536 and 2,097,152 slots: 16 bytes a slot, so at most 32 MB however large the day.
 */
export function cacheSlotsFor(locations: number): number {
  const wanted = Math.max(MIN_CACHE_SLOTS, Math.min(MAX_CACHE_SLOTS, locations * 128));
  return 2 ** Math.ceil(Math.log2(wanted));
}
