import type { Scenario } from '../../src/contracts/index.ts';

/**
 * Three receivers in Lille's centre, two carriers from the ring, one hub with an e-van and a cargo bike.
 * Small enough to check by hand: R3 is pedestrian (cargo bikes only) and opens early; B3 is a return.
 */
export function smallScenario(): Scenario {
  return {
    name: 'small',
    date: '2026-11-24',
    hubs: [{ id: 'H', location: [3.0395, 50.6335], open: '05:00', close: '20:00' }],
    carriers: [
      { id: 'A', depot: [3.108, 50.589], baselineVehicleType: 'diesel-van' },
      { id: 'B', depot: [3.03, 50.548], baselineVehicleType: 'diesel-van' },
    ],
    receivers: [
      { id: 'R1', location: [3.063, 50.641], windows: [{ start: '07:30', end: '11:00' }] },
      {
        id: 'R2',
        location: [3.0635, 50.6367],
        windows: [
          { start: '08:00', end: '10:30' },
          { start: '14:30', end: '16:30' },
        ],
      },
      {
        id: 'R3',
        location: [3.0625, 50.6335],
        windows: [{ start: '06:30', end: '09:00' }],
        access: { vehicleClasses: ['cargo-bike'] },
      },
    ],
    orders: [
      { id: 'A1', carrierId: 'A', receiverId: 'R1', size: { kg: 20, m3: 0.1, units: 2 } },
      { id: 'A2', carrierId: 'A', receiverId: 'R2', size: { kg: 30, m3: 0.2, units: 2 } },
      { id: 'A3', carrierId: 'A', receiverId: 'R3', size: { kg: 10, m3: 0.05, units: 1 } },
      { id: 'B1', carrierId: 'B', receiverId: 'R1', size: { kg: 50, m3: 0.3, units: 3 } },
      { id: 'B2', carrierId: 'B', receiverId: 'R2', size: { kg: 15, m3: 0.1, units: 1 } },
      { id: 'B3', carrierId: 'B', receiverId: 'R3', kind: 'pickup', size: { kg: 5, m3: 0.1, units: 1 } },
    ],
    fleet: [
      { hubId: 'H', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } },
      { hubId: 'H', vehicleType: 'cargo-bike', count: 1, shift: { start: '06:00', end: '17:00' } },
    ],
    options: { timeLimitSeconds: 5 },
  };
}
