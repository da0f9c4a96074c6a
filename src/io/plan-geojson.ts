import type { Plan, PlanRoute } from '../contracts/index.ts';

type Position = [number, number];
interface Feature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: Position[] } | { type: 'Point'; coordinates: Position };
  properties: Record<string, unknown>;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/**
 * The plan for GIS tools: every route as a LineString (start, stops, start; straight lines, since the
 * distance model is great-circle x circuity), every stop as a Point, KPIs in the properties. `plan`
 * says which plan a feature belongs to (baseline or consolidated).
 */
export function planToGeoJson(plan: Plan): FeatureCollection {
  const features: Feature[] = [];
  const depots = new Map(plan.depots.map((d) => [d.id, d.location as Position]));
  const add = (which: 'baseline' | 'consolidated', routes: readonly PlanRoute[]): void => {
    for (const r of routes) {
      const stops = r.stops.map((s) => s.location as Position);
      const depot = depots.get(r.start);
      const line = depot ? [depot, ...stops, depot] : stops;
      if (line.length >= 2) {
        features.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: line },
          properties: {
            plan: which,
            kind: 'route',
            routeId: r.id,
            vehicle: r.vehicle,
            vehicleType: r.vehicleType,
            start: r.start,
            trip: r.trip,
            departure: r.departure,
            returnAt: r.returnAt,
            stops: r.stops.length,
            distanceKm: r.distanceKm,
            durationMin: r.durationMin,
            energyKWh: r.energyKWh,
            co2eKg: r.co2eKg,
          },
        });
      }
      r.stops.forEach((s, i) =>
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: s.location as Position },
          properties: {
            plan: which,
            kind: 'stop',
            routeId: r.id,
            sequence: i + 1,
            receiverId: s.receiverId,
            orders: s.orderIds.length,
            arrival: s.arrival,
            departure: s.departure,
            loadAfterKg: s.loadAfter.kg,
          },
        }),
      );
    }
  };
  add('baseline', plan.baseline.routes);
  add('consolidated', plan.consolidated.routes);
  for (const d of plan.depots) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.location as Position },
      properties: { kind: d.kind, id: d.id },
    });
  }
  return { type: 'FeatureCollection', features };
}
