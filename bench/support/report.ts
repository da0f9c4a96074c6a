import type { InstanceOutcome } from './run-suite.ts';

/** Gap at or below which an instance counts as solved to the best known value (BKS are given to 2 decimals). */
export const AT_BKS_GAP_PCT = 0.01;

export interface GroupSummary {
  readonly group: string;
  readonly instances: number;
  /** Mean gap over feasible instances that have a BKS; undefined when there is none. */
  readonly meanGapPct: number | undefined;
  readonly atBks: number;
  /** Vehicles over feasible instances, and the BKS vehicles of the same instances. */
  readonly vehicles: number;
  readonly bksVehicles: number;
  readonly meanSeconds: number | undefined;
  readonly meanIterations: number | undefined;
  readonly infeasible: number;
}

/** One summary per group, in first-seen order, then `all`. */
export function summarise(outcomes: readonly InstanceOutcome[]): GroupSummary[] {
  const groups = [...new Set(outcomes.map((o) => o.group))];
  const rows = groups.map((g) =>
    summariseGroup(
      g,
      outcomes.filter((o) => o.group === g),
    ),
  );
  if (groups.length > 1 || groups.length === 0) rows.push(summariseGroup('all', outcomes));
  return rows;
}

export function summariseGroup(group: string, os: readonly InstanceOutcome[]): GroupSummary {
  const gaps = os.flatMap((o) => (o.gapPct !== undefined ? [o.gapPct] : []));
  const feasible = os.filter((o) => o.feasible);
  const timed = os.flatMap((o) => (o.seconds !== undefined ? [o.seconds] : []));
  return {
    group,
    instances: os.length,
    meanGapPct: mean(gaps),
    atBks: os.filter((o) => o.atBks).length,
    vehicles: feasible.reduce((s, o) => s + (o.vehicles ?? 0), 0),
    bksVehicles: feasible.reduce((s, o) => s + (o.bks?.vehicles ?? 0), 0),
    meanSeconds: mean(timed),
    meanIterations: mean(os.flatMap((o) => (o.iterations !== undefined ? [o.iterations] : []))),
    infeasible: os.length - feasible.length,
  };
}

export function formatOutcome(o: InstanceOutcome): string {
  const pad = (s: string, n: number): string => s.padEnd(n);
  if (o.error !== undefined) return `${pad(o.name, 12)} FAILED ${o.error}`;
  const bks = o.bks !== undefined ? `bks ${o.bks.vehicles} / ${fmtNum(o.bks.distance)}` : 'no bks';
  const gap = o.gapPct !== undefined ? `gap ${pct(o.gapPct)}%${o.atBks ? ' *' : ''}` : '';
  const status = o.feasible
    ? ''
    : ` INFEASIBLE: ${o.violations
        .slice(0, 3)
        .map((v) => v.message)
        .join('; ')}${o.violations.length > 3 ? ` (+${o.violations.length - 3})` : ''}`;
  return `${pad(o.name, 12)} ${String(o.vehicles).padStart(3)} veh ${fmtNum(o.distance ?? NaN).padStart(10)}  ${pad(bks, 22)} ${pad(gap, 12)} ${(o.seconds ?? 0).toFixed(1)} s ${o.iterations ?? '?'} it${status}`;
}

const HEADER = [
  'class', // the formatters' `first` replaces it (`seed` in the per-seed table)
  'instances',
  'mean gap %',
  'at BKS',
  'vehicles (BKS)',
  'mean s',
  'mean iterations',
  'infeasible',
];

function cells(s: GroupSummary): string[] {
  return [
    s.group,
    String(s.instances),
    s.meanGapPct === undefined ? '-' : pct(s.meanGapPct),
    String(s.atBks),
    `${s.vehicles} (${s.bksVehicles})`,
    s.meanSeconds === undefined ? '-' : s.meanSeconds.toFixed(1),
    s.meanIterations === undefined ? '-' : Math.round(s.meanIterations).toString(),
    String(s.infeasible),
  ];
}

export function formatSummaryText(rows: readonly GroupSummary[], first = 'class'): string {
  return formatTextTable([[first, ...HEADER.slice(1)], ...rows.map(cells)]);
}

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
export function formatTextTable(table: readonly (readonly string[])[]): string {
  const head = table[0] ?? [];
  const widths = head.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  return (
    table
      .map((r) =>
        r
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
          .join('  '),
      )
      .join('\n') + '\n'
  );
}

export function formatSummaryMarkdown(
  rows: readonly GroupSummary[],
  caption: string,
  first = 'class',
): string {
  return formatMarkdownTable([[first, ...HEADER.slice(1)], ...rows.map(cells)], caption);
}

/** A caption, a blank line and the table (first column left-aligned, the others right-aligned). */
export function formatMarkdownTable(table: readonly (readonly string[])[], caption: string): string {
  const line = (r: readonly string[]): string => `| ${r.join(' | ')} |`;
  const head = table[0] ?? [];
  return (
    [
      caption,
      '',
      line(head),
      line(head.map((_, c) => (c === 0 ? '---' : '---:'))),
      ...table.slice(1).map(line),
    ].join('\n') + '\n'
  );
}

export function mean(xs: readonly number[]): number | undefined {
  return xs.length === 0 ? undefined : xs.reduce((s, x) => s + x, 0) / xs.length;
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/** Two decimals, without the "-0.00" of a result a hair under a BKS given to 2 decimals. */
export function pct(x: number): string {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}
