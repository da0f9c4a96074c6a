/** Solomon / Gehring-Homberger class: C101 -> C1, RC208 -> RC2, R1_2_1 -> R1. */
export function solomonClass(name: string): string {
  const m = /^(RC|R|C)(\d)/i.exec(name);
  return m === null ? 'other' : `${(m[1] as string).toUpperCase()}${m[2] as string}`;
}

/** Size class of a CVRPLIB X instance from its name: X-n101-k25 -> `n <= 250`. */
export function cvrpClass(name: string): string {
  const n = Number(/-n(\d+)/.exec(name)?.[1] ?? NaN);
  if (!Number.isFinite(n)) return 'other';
  return n <= 250 ? 'n <= 250' : n <= 500 ? '250 < n <= 500' : 'n > 500';
}
