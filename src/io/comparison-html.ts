import type { ComparisonVariant, Kpis } from '../contracts/index.ts';
import {
  allocationCarriers,
  BREAKDOWN_KPIS,
  CAUSES,
  causeSaving,
  changePct,
  kpiValue,
  reportedKpiRows,
} from './comparison-rows.ts';
import { maxOf } from '../domain/arrays.ts';

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const SERIES = [
  { key: 'baseline', label: 'Baseline (every carrier alone)', colour: '#8c8c8c' },
  { key: 'consolidated', label: 'Consolidated (hub, pooled fleet, trunk legs)', colour: '#1b9e77' },
] as const;

interface Chart {
  readonly title: string;
  readonly unit: string;
  readonly digits: number;
  readonly value: (k: Kpis) => number;
}

/** The charts: what a planner compares first. Trips count the trunk trips, so no chart leaves the trunk out. */
const CHARTS: readonly Chart[] = [
  { title: 'Vehicle-km (trunk legs included)', unit: 'km', digits: 1, value: (k) => k.vehicleKm },
  { title: 'Trips (trunk trips included)', unit: 'trips', digits: 0, value: (k) => k.tripsIncludingTrunk },
  { title: 'Energy (hub handling included)', unit: 'kWh', digits: 1, value: (k) => k.energyKWh },
  { title: 'CO2e well-to-wheel', unit: 'kg', digits: 1, value: (k) => k.co2eKg },
  { title: 'Deliveries per receiver', unit: 'visits', digits: 2, value: (k) => k.deliveriesPerReceiver },
];

const CHART_HEIGHT = 240;
const PLOT_TOP = 16;
const PLOT_BOTTOM = 190;
const AXIS_LEFT = 64;
const GROUP_WIDTH = 110;
const BAR_WIDTH = 36;

/** Axis ticks from 0 past `max`: about four steps of 1, 2, 2.5 or 5 × a power of ten. */
export function axisTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

const short = (s: string, n = 16): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * One grouped bar chart as inline SVG: a group per variant, a bar per plan (baseline, consolidated), bar
 * heights linear from 0. Each bar carries its value in `data-value` and a tooltip, so the page can be read
 * (and checked) without the picture.
 */
function barChart(chart: Chart, variants: readonly ComparisonVariant[], index: number): string {
  const values = variants.map((v) => SERIES.map((s) => chart.value(v.kpis[s.key])));
  const ticks = axisTicks(Math.max(0, maxOf(values.flat().map((x) => x ?? 0))));
  const top = ticks[ticks.length - 1] as number;
  // as many decimals as the step has (0.25 -> 2)
  const tickDigits = String(ticks[1] ?? 1).split('.')[1]?.length ?? 0;
  const width = AXIS_LEFT + GROUP_WIDTH * variants.length + 16;
  const y = (x: number): number => PLOT_BOTTOM - ((PLOT_BOTTOM - PLOT_TOP) * x) / top;
  const axis = ticks
    .map(
      (t) =>
        `<line x1="${AXIS_LEFT}" x2="${width - 8}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" class="grid"/>` +
        `<text x="${AXIS_LEFT - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${escape(formatNumber(t, tickDigits))}</text>`,
    )
    .join('');
  const bars = variants
    .map((v, i) => {
      const x0 = AXIS_LEFT + GROUP_WIDTH * i + (GROUP_WIDTH - 2 * BAR_WIDTH - 4) / 2;
      const group = SERIES.map((s, j) => {
        const value = values[i]?.[j];
        if (value === undefined) return '';
        const h = Math.max(0, PLOT_BOTTOM - y(value));
        const x = x0 + j * (BAR_WIDTH + 4);
        const label = formatNumber(value, chart.digits);
        return (
          `<rect class="bar" data-variant="${escape(v.name)}" data-series="${s.key}" data-value="${value}" ` +
          `x="${x.toFixed(1)}" y="${(PLOT_BOTTOM - h).toFixed(1)}" width="${BAR_WIDTH}" height="${h.toFixed(2)}" fill="${s.colour}">` +
          `<title>${escape(`${v.name}, ${s.key}: ${label} ${chart.unit}`)}</title></rect>` +
          `<text x="${(x + BAR_WIDTH / 2).toFixed(1)}" y="${(PLOT_BOTTOM - h - 3).toFixed(1)}" text-anchor="middle" class="value">${escape(label)}</text>`
        );
      }).join('');
      const cx = AXIS_LEFT + GROUP_WIDTH * i + GROUP_WIDTH / 2;
      return (
        group +
        `<text x="${cx.toFixed(1)}" y="${PLOT_BOTTOM + 16}" text-anchor="middle">${i + 1}</text>` +
        `<text x="${cx.toFixed(1)}" y="${PLOT_BOTTOM + 30}" text-anchor="middle" class="name">${escape(short(v.name))}<title>${escape(v.name)}</title></text>`
      );
    })
    .join('');
  return (
    `<figure><figcaption>${escape(chart.title)} (${escape(chart.unit)})</figcaption>` +
    `<svg class="chart" id="chart-${index}" data-metric="${escape(chart.title)}" width="${width}" height="${CHART_HEIGHT}" ` +
    `viewBox="0 0 ${width} ${CHART_HEIGHT}" role="img" aria-label="${escape(chart.title)}, baseline and consolidated per variant">` +
    `${axis}${bars}</svg></figure>`
  );
}

function formatNumber(x: number, digits: number): string {
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const pct = (x: number | undefined): string =>
  x === undefined ? '' : `${x > 0 ? '+' : ''}${x.toFixed(1)} %`;

function table(variants: readonly ComparisonVariant[]): string {
  const head = `<tr><th>KPI</th><th></th>${variants.map((v, i) => `<th>${i + 1}. ${escape(v.name)}</th>`).join('')}</tr>`;
  const body: string[] = [];
  const cells = (xs: readonly string[]): string => xs.map((x) => `<td>${escape(x)}</td>`).join('');
  for (const row of reportedKpiRows(variants)) {
    const before = variants.map((v) => kpiValue(v.kpis.baseline, row.key));
    const after = variants.map((v) => kpiValue(v.kpis.consolidated, row.key));
    const show = (x: number | undefined) => (x === undefined ? '–' : formatNumber(x, row.digits));
    const label = `<th rowspan="3" scope="rowgroup">${escape(row.label)} (${escape(row.unit)})</th>`;
    body.push(`<tr class="first">${label}<th scope="row">baseline</th>${cells(before.map(show))}</tr>`);
    body.push(`<tr><th scope="row">consolidated</th>${cells(after.map(show))}</tr>`);
    body.push(
      `<tr><th scope="row">change</th>${cells(
        before.map((b, i) => {
          const a = after[i];
          return b === undefined || a === undefined ? '' : pct(changePct(b, a));
        }),
      )}</tr>`,
    );
  }
  BREAKDOWN_KPIS.forEach((kpi) => {
    CAUSES.forEach((cause, c) => {
      const label =
        c === 0
          ? `<th rowspan="${CAUSES.length}" scope="rowgroup">Saved on ${escape(kpi.short)} (${escape(kpi.unit)}), by cause</th>`
          : '';
      const values = variants.map((v) => formatNumber(causeSaving(v, cause.key, kpi), kpi.digits));
      body.push(
        `<tr${c === 0 ? ' class="first"' : ''}>${label}<th scope="row">${escape(cause.label)}</th>${cells(values)}</tr>`,
      );
    });
  });
  body.push(
    `<tr class="first"><th colspan="2" scope="row">Orders not pooled</th>${cells(variants.map((v) => String(v.ordersNotPooled)))}</tr>`,
  );
  allocationCarriers(variants).forEach((id, c) => {
    const label =
      c === 0
        ? `<th rowspan="${allocationCarriers(variants).length}" scope="rowgroup">Carrier saving (EUR/day)</th>`
        : '';
    const values = variants.map((v) => {
      const a = v.allocation.find((x) => x.carrierId === id);
      return a === undefined ? '–' : formatNumber(a.saving, 0);
    });
    body.push(
      `<tr${c === 0 ? ' class="first"' : ''}>${label}<th scope="row">${escape(id)}</th>${cells(values)}</tr>`,
    );
  });
  return `<table id="comparison"><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table>`;
}

/**
 * `comparison.html`: one self-contained page (no script, no stylesheet, font or image from elsewhere:
 * readable offline and safe to mail) with grouped bar charts of vehicle-km, trips, energy, CO2e and
 * deliveries per receiver, baseline vs consolidated per variant, and the full table.
 */
export function comparisonToHtml(
  variants: readonly ComparisonVariant[],
  title = 'Scenario comparison',
): string {
  const legend = SERIES.map(
    (s) =>
      `<span class="key"><svg width="12" height="12"><rect width="12" height="12" fill="${s.colour}"/></svg> ${escape(s.label)}</span>`,
  ).join(' ');
  const list = variants
    .map(
      (v) =>
        `<li><strong>${escape(v.name)}</strong>${v.description ? ` — ${escape(v.description)}` : ''}` +
        `${v.timeCapped ? ' <em>(cut short by the time cap: not reproducible)</em>' : ''}</li>`,
    )
    .join('\n');
  const seeds = [...new Set(variants.map((v) => `seed ${v.scenario.seed}, effort ${v.scenario.effort}`))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — picon</title>
<style>
body{font:14px system-ui,sans-serif;margin:16px;color:#222;max-width:1400px}
figure{display:inline-block;margin:8px 16px 16px 0;vertical-align:top}figcaption{font-weight:600;margin-bottom:4px}
.chart text{font-size:11px;fill:#333}.chart .name{fill:#555}.chart .value{font-size:10px}.grid{stroke:#e3e3e3}
.key{margin-right:16px}table{border-collapse:collapse;margin-top:16px}
th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}th[scope=rowgroup]{text-align:left;max-width:220px}
thead th{vertical-align:bottom;max-width:140px}tr.first>*{border-top:1px solid #bbb}
</style></head><body>
<h1>${escape(title)}</h1>
<p>${escape(seeds.join('; '))}. Every figure is the plan's own; the consolidated plan includes the carriers' trunk legs to the hub and hub handling.</p>
<ol>
${list}
</ol>
<p>${legend}</p>
${CHARTS.map((c, i) => barChart(c, variants, i)).join('\n')}
${table(variants)}
</body></html>
`;
}
