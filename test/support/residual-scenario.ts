import type { Scenario } from '../../src/contracts/index.ts';
import { smallScenario } from './small-scenario.ts';

/**
 * smallScenario (carriers A and B, everything pooled through hub H) plus what no hub takes: R4, which only
 * diesel vehicles may serve (the carriers' vans, not the hub's e-van and cargo bike), and R5, which only a
 * diesel cargo bike could serve (nobody). A sends A4 to R4 and A5 to R5 besides its pooled orders; a third
 * carrier, C, sends C1 to R4 and C2 to R5 only, so no hub takes any of its orders. H handles 0.2 kWh a unit,
 * the grid emits 0.1 kg CO2e a kWh; the trunk runs the same day, so it must reach H before the pooled run leaves.
 */
export function residualScenario(): Scenario {
  const s = smallScenario();
  const until = (end: string) => [{ start: '08:00', end }];
  return {
    ...s,
    hubs: s.hubs.map((h) => ({ ...h, handlingKWhPerUnit: 0.2 })),
    carriers: [...s.carriers, { id: 'C', depot: [3.09, 50.66], baselineVehicleType: 'diesel-van' }],
    receivers: [
      ...s.receivers,
      { id: 'R4', location: [3.07, 50.645], windows: until('12:00'), access: { powertrains: ['diesel'] } },
      {
        id: 'R5',
        location: [3.066, 50.64],
        windows: until('12:00'),
        access: { vehicleClasses: ['cargo-bike'], powertrains: ['diesel'] },
      },
    ],
    orders: [
      ...s.orders,
      { id: 'A4', carrierId: 'A', receiverId: 'R4', size: { kg: 40, m3: 0.2, units: 4 } },
      { id: 'A5', carrierId: 'A', receiverId: 'R5', size: { kg: 5, m3: 0.02, units: 1 } },
      { id: 'C1', carrierId: 'C', receiverId: 'R4', size: { kg: 25, m3: 0.1, units: 2 } },
      { id: 'C2', carrierId: 'C', receiverId: 'R5', size: { kg: 8, m3: 0.05, units: 1 } },
    ],
    options: { ...s.options, electricityCo2eKgPerKWh: 0.1, trunking: { schedule: 'same-day' } },
  };
}
