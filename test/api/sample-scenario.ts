import type { Scenario } from '../../src/contracts/index.ts';

/** A two-shop day small enough to read: one hub, two carriers, three receivers. */
export function sampleScenario(): Scenario {
  return {
    name: 'api sample',
    date: '2025-03-04',
    hubs: [{ id: 'hub-a', location: [3.06, 50.63], open: '06:00', close: '20:00' }],
    carriers: [
      { id: 'dhl', depot: [3.1, 50.6], baselineVehicleType: 'diesel-van' },
      { id: 'ups', depot: [3.0, 50.66], baselineVehicleType: 'diesel-van' },
    ],
    receivers: [
      { id: 'shop-1', location: [3.063, 50.637], windows: [{ start: '08:00', end: '12:00' }] },
      { id: 'shop-2', location: [3.058, 50.629], windows: [{ start: '09:00', end: '17:00' }] },
      {
        id: 'shop-3',
        location: [3.07, 50.64],
        windows: [{ start: '07:00', end: '11:00' }],
        access: { vehicleClasses: ['cargo-bike'] },
      },
    ],
    orders: [
      { id: 'o1', carrierId: 'dhl', receiverId: 'shop-1', size: { kg: 20 } },
      { id: 'o2', carrierId: 'ups', receiverId: 'shop-2', size: { kg: 35 } },
    ],
    fleet: [{ hubId: 'hub-a', vehicleType: 'cargo-bike', count: 2, shift: { start: '07:00', end: '15:00' } }],
    options: { timeLimitSeconds: 1, seed: 7 },
  };
}
