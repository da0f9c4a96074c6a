import { maxOf } from '../domain/arrays.ts';

/**
 * A plain-text table for terminals: the first column left-aligned, the others right-aligned, a rule under
 * the header; a row given as a string is printed as is (a section heading).
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[] | string)[]): string {
  const cells = rows.filter((r): r is readonly string[] => typeof r !== 'string');
  const widths = header.map((h, i) => Math.max(h.length, maxOf(cells.map((r) => (r[i] ?? '').length))));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => (typeof r === 'string' ? r : line(r))),
  ].join('\n');
}
