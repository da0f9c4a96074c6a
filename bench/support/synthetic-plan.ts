import type { Plan } from '../../src/contracts/index.ts';

/**
 * A plan with only what planToGeoJson reads, shaped like a generated Lille day of n receivers: 6.8 baseline
 * stops a receiver and one consolidated stop each, on routes of 7 stops; deterministic.
 */
export function syntheticPlan(n: number): Plan {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const at = (): [number, number] => [3.0 + rnd() * 0.1, 50.6 + rnd() * 0.07];
  const stopsPerRoute = 7;
  const routes = (stops: number, prefix: string) =>
    Array.from({ length: Math.ceil(stops / stopsPerRoute) }, (_, r) => ({
      id: `${prefix}-${r}`,
      vehicle: `${prefix}-v${r % 900}`,
      vehicleType: r % 3 === 0 ? 'cargo-bike' : 'e-van',
      start: 'CMDU',
      trip: 1 + (r % 2),
      departure: '07:30',
      returnAt: '12:45',
      distanceKm: Math.round(rnd() * 4000) / 100,
      durationMin: Math.round(rnd() * 30000) / 100,
      energyKWh: Math.round(rnd() * 1500) / 100,
      co2eKg: Math.round(rnd() * 900) / 100,
      stops: Array.from({ length: stopsPerRoute }, (_, i) => ({
        receiverId: `r${Math.floor(rnd() * n)}`,
        location: at(),
        orderIds: Array.from({ length: 1 + (i % 3) }, (_, k) => `o${r}-${i}-${k}`),
        arrival: '08:12',
        departure: '08:19',
        loadAfter: { kg: Math.round(rnd() * 50000) / 100 },
      })),
    }));
  return {
    depots: [{ id: 'CMDU', kind: 'hub', location: [3.06, 50.63] }],
    baseline: { routes: routes(Math.round(n * 6.8), 'b') },
    consolidated: { routes: routes(n, 'c') },
  } as unknown as Plan;
}
