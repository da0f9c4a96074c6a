// The dispatcher's map: Leaflet (served from node_modules as a classic script, global `L`). Routes, stops,
// hub, depots and zones draw whether or not tiles load: offline the background stays plain and the scale
// bar still tells distances.
import { t } from './i18n.js';
import { dashOf, vehiclePalette } from './plan-figures.js';

const L = /** @type {any} */ (globalThis).L;
let map;
/** What the map was fitted to, refitted when the map is shown after being drawn hidden. */
let fit;

/** A map drawn while its tab is hidden has no size to fit: it is drawn when the tab is shown. */
let pending;

/** Removes the current map while its container is still in the page (Leaflet unhooks its listeners). */
export function removeMap() {
  map?.remove();
  map = undefined;
  shown = undefined;
  pending = undefined;
}

export function drawPlanMap(container, plan, scenario, tileUrl) {
  removeMap();
  if (container.clientWidth === 0) {
    pending = () => drawPlanMap(container, plan, scenario, tileUrl);
    return undefined;
  }
  map = L.map(container, { preferCanvas: false, zoomSnap: 0.25 });
  if (tileUrl)
    L.tileLayer(tileUrl, {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap contributors',
    }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  const names = new Map((scenario?.receivers ?? []).map((r) => [r.id, r.name ?? r.id]));
  const hub = plan.depots.filter((d) => d.kind === 'hub');
  const latLng = ([lon, lat]) => [lat, lon];
  const where = new Map(plan.depots.map((d) => [d.id, latLng(d.location)]));

  // one sub-group per vehicle, so the dispatcher can show a single vehicle's trips (showVehicle)
  const routeLayer = (routes, className, palette, numbered) => {
    const group = L.featureGroup();
    const byVehicle = new Map();
    for (const r of routes) {
      if (!byVehicle.has(r.vehicle)) byVehicle.set(r.vehicle, L.featureGroup().addTo(group));
      const own = byVehicle.get(r.vehicle);
      const home = where.get(r.start);
      const points = [home, ...r.stops.map((s) => latLng(s.location)), home].filter(Boolean);
      const colour = palette.get(r.vehicle);
      L.polyline(points, {
        color: colour,
        weight: 3,
        opacity: 0.85,
        dashArray: dashOf(r.trip) || undefined,
        className,
      })
        .bindTooltip(`${r.vehicle} · ${r.trip} · ${r.distanceKm} km`)
        .addTo(own);
      if (!numbered) continue;
      r.stops.forEach((s, i) => {
        const label = t('map.stop', {
          n: i + 1,
          trip: r.trip,
          vehicle: r.vehicle,
          receiver: names.get(s.receiverId) ?? s.receiverId,
          arrival: s.arrival,
        });
        L.marker(latLng(s.location), {
          icon: L.divIcon({
            className: 'stop-marker',
            html: `<span style="border-color:${colour}">${i + 1}</span>`,
            iconSize: [20, 20],
          }),
          title: label,
          alt: label,
          keyboard: true,
        }).addTo(own);
      });
    }
    group.byVehicle = byVehicle;
    return group;
  };

  const palette = vehiclePalette(plan.consolidated.routes);
  const pooled = routeLayer(plan.consolidated.routes, 'route-line', palette, true).addTo(map);
  shown = pooled;
  const baseline = routeLayer(
    plan.baseline.routes,
    'baseline-line',
    vehiclePalette(plan.baseline.routes),
    false,
  );
  const zones = L.geoJSON(
    {
      type: 'FeatureCollection',
      features: (scenario?.zones ?? []).map((z) => ({
        type: 'Feature',
        properties: { name: z.name ?? z.id },
        geometry: z.area,
      })),
    },
    { style: { color: '#b00020', weight: 2, fillOpacity: 0.08, className: 'zone-area' } },
  )
    .eachLayer((layer) => layer.bindTooltip(layer.feature.properties.name))
    .addTo(map);
  for (const d of plan.depots) {
    const isHub = d.kind === 'hub';
    L.marker(latLng(d.location), {
      icon: L.divIcon({
        className: isHub ? 'hub-marker' : 'depot-marker',
        html: `<span>${isHub ? 'H' : 'D'}</span>`,
        iconSize: isHub ? [26, 26] : [18, 18],
      }),
      title: `${isHub ? t('map.hub') : t('map.depot')}: ${d.id}`,
      alt: `${isHub ? t('map.hub') : t('map.depot')}: ${d.id}`,
      zIndexOffset: 1000,
    }).addTo(map);
  }
  L.control
    .layers(
      undefined,
      { [t('map.pooled')]: pooled, [t('map.baseline')]: baseline, [t('map.zones')]: zones },
      { collapsed: false },
    )
    .addTo(map);
  const bounds = pooled.getBounds();
  for (const h of hub) bounds.extend(latLng(h.location));
  fit = () => {
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20] });
    else if (hub[0]) map.setView(latLng(hub[0].location), 13);
  };
  fit();
  return map;
}

/** The pooled trips' layer, one sub-layer per vehicle. */
let shown;

/** Shows one vehicle's trips only (`''`: every vehicle). */
export function showVehicle(vehicle) {
  if (!shown) return;
  for (const [id, layer] of shown.byVehicle) {
    if (!vehicle || id === vehicle) shown.addLayer(layer);
    else shown.removeLayer(layer);
  }
}

/** The map's size changes when its tab is shown: Leaflet must measure again. */
export function refreshMap() {
  if (pending) return pending();
  if (!map) return;
  map.invalidateSize();
  fit?.();
}
