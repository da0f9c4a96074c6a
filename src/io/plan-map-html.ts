import type { Plan, PlanRoute } from '../contracts/index.ts';
import { maxOf, minOf } from '../domain/arrays.ts';

const PALETTE = [
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#1f78b4',
  '#b2df8a',
  '#fb9a99',
];
const WIDTH = 960;
const HEIGHT = 720;
const MARGIN = 24;

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * A self-contained map of the plan for dispatchers (no tiles, no network): routes as SVG polylines per
 * vehicle, stops as dots, hubs and depots as squares, with buttons to switch between the baseline and
 * the consolidated plan. Equirectangular projection, fine at city scale.
 */
export function planToMapHtml(plan: Plan): string {
  const depots = new Map(plan.depots.map((d) => [d.id, d]));
  const all = [...plan.baseline.routes, ...plan.consolidated.routes];
  // frame the centre (stops and hubs): carriers' depots lie far outside, their legs leave the frame
  const points = [
    ...all.flatMap((r) => r.stops.map((s) => s.location)),
    ...plan.depots.filter((d) => d.kind === 'hub').map((d) => d.location),
  ];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [minOf(lons), maxOf(lons), minOf(lats), maxOf(lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(
    (WIDTH - 2 * MARGIN) / Math.max(1e-9, (maxLon - minLon) * kx),
    (HEIGHT - 2 * MARGIN) / Math.max(1e-9, maxLat - minLat),
  );
  const xy = (p: readonly number[]): string =>
    `${(MARGIN + ((p[0] as number) - minLon) * kx * scale).toFixed(1)},${(HEIGHT - MARGIN - ((p[1] as number) - minLat) * scale).toFixed(1)}`;

  const routeSvg = (which: 'baseline' | 'consolidated', routes: readonly PlanRoute[]): string => {
    const colour = new Map<string, string>();
    return routes
      .map((r) => {
        if (!colour.has(r.vehicle)) colour.set(r.vehicle, PALETTE[colour.size % PALETTE.length] as string);
        const start = depots.get(r.start)?.location;
        const line = [
          ...(start ? [start] : []),
          ...r.stops.map((s) => s.location),
          ...(start ? [start] : []),
        ];
        const title = `${r.id}: ${r.stops.length} stops, ${r.distanceKm} km, ${r.departure}-${r.returnAt}, ${r.energyKWh} kWh`;
        return (
          `<polyline class="route" data-plan="${which}" data-route="${escape(r.id)}" points="${line.map(xy).join(' ')}" ` +
          `stroke="${colour.get(r.vehicle)}"><title>${escape(title)}</title></polyline>` +
          r.stops
            .map(
              (s) =>
                `<circle class="stop" data-plan="${which}" cx="${xy(s.location).split(',')[0]}" cy="${xy(s.location).split(',')[1]}" r="2.5">` +
                `<title>${escape(`${s.receiverId} ${s.arrival} (${s.orderIds.length} orders)`)}</title></circle>`,
            )
            .join('')
        );
      })
      .join('\n');
  };
  const depotSvg = plan.depots
    .map((d) => {
      const [x, y] = xy(d.location).split(',').map(Number) as [number, number];
      return `<rect class="${d.kind}" x="${x - 5}" y="${y - 5}" width="10" height="10"><title>${escape(d.id)}</title></rect>`;
    })
    .join('\n');
  const kpi = (which: 'baseline' | 'consolidated'): string => {
    const k = plan[which].kpis;
    return `${k.vehicles} vehicles, ${k.routes} trips, ${k.vehicleKm} km, ${k.energyKWh} kWh, ${k.co2eKg} kg CO2e, ${k.deliveriesPerReceiver} deliveries per receiver`;
  };

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(plan.scenario.name)} — picon</title>
<style>
body{font:14px system-ui,sans-serif;margin:16px;color:#222}
svg{border:1px solid #ccc;background:#fafaf7;overflow:hidden}
.route{fill:none;stroke-width:1.6;opacity:.85}.stop{fill:#333}.hub{fill:#c00}.carrier{fill:#06c}
[hidden]{display:none}button{margin-right:8px;padding:4px 10px}button[aria-pressed=true]{font-weight:bold}
</style></head><body>
<h1>${escape(plan.scenario.name)} — ${escape(plan.scenario.date)}</h1>
<p><button id="show-consolidated" aria-pressed="true">Consolidated</button><button id="show-baseline" aria-pressed="false">Baseline</button>
<span id="kpis" data-baseline="${escape(kpi('baseline'))}" data-consolidated="${escape(kpi('consolidated'))}">${escape(kpi('consolidated'))}</span></p>
<svg id="map" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="routes map">
<g id="baseline" hidden>${routeSvg('baseline', plan.baseline.routes)}</g>
<g id="consolidated">${routeSvg('consolidated', plan.consolidated.routes)}</g>
${depotSvg}
</svg>
<p>Red squares: hubs; carriers' depots are outside the frame (their legs leave it). Straight lines between stops (the distance model is great-circle × circuity).</p>
<script>
for (const which of ['baseline', 'consolidated']) {
  document.getElementById('show-' + which).addEventListener('click', () => {
    for (const other of ['baseline', 'consolidated']) {
      // SVG elements have no .hidden property: toggle the attribute the stylesheet hides
      document.getElementById(other).toggleAttribute('hidden', other !== which);
      document.getElementById('show-' + other).setAttribute('aria-pressed', String(other === which));
    }
    const kpis = document.getElementById('kpis');
    kpis.textContent = kpis.dataset[which];
  });
}
</script>
</body></html>
`;
}
