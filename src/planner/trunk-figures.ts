/** Figures as the plan prints them: 3 decimals. */
export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** A `[kg, m3, units]` vector as the plan's `{ kg, m3, units }`, printed to 3 decimals. */
export const size = (v: readonly number[]) => ({
  kg: round(v[0] ?? 0),
  m3: round(v[1] ?? 0),
  units: round(v[2] ?? 0),
});
