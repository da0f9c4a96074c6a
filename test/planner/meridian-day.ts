import type { Scenario } from '../../src/contracts/index.ts';

/** Mean Earth radius, metres (docs/model: great-circle distance, the radius turf uses). */
export const EARTH_RADIUS_M = 6371008.8;
/** Metres of great circle per degree of latitude along a meridian: R × π / 180 (about 111,195 m). */
export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/**
 * A day whose places all lie on the meridian 3° E, so each great-circle distance is R × Δlatitude by hand:
 * hub H at 50.00°, carrier A's depot at 50.02°, carrier B's at 50.03°, receiver R1 at 50.01°, R2 at 50.05°;
 * A delivers to R1 and collects a return at R2 (09:30–10:15), B delivers to R2.
 */
export function meridianDay(): Scenario {
  return {
    name: 'meridian',
    date: '2026-11-24',
    hubs: [{ id: 'H', location: [3, 50], open: '05:00', close: '20:00' }],
    carriers: [
      { id: 'A', depot: [3, 50.02], baselineVehicleType: 'diesel-van' },
      { id: 'B', depot: [3, 50.03], baselineVehicleType: 'e-van' },
    ],
    receivers: [
      { id: 'R1', location: [3, 50.01], windows: [{ start: '08:00', end: '10:00' }] },
      { id: 'R2', location: [3, 50.05], windows: [{ start: '09:00', end: '12:00' }] },
    ],
    orders: [
      { id: 'O1', carrierId: 'A', receiverId: 'R1', size: { kg: 10 } },
      { id: 'O2', carrierId: 'B', receiverId: 'R2', size: { kg: 20, m3: 0.2, units: 3 } },
      {
        id: 'O3',
        carrierId: 'A',
        receiverId: 'R2',
        kind: 'pickup',
        size: { kg: 5, units: 2 },
        window: { start: '09:30', end: '10:15' },
      },
    ],
    fleet: [{ hubId: 'H', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } }],
  };
}
