// Examples shown in /docs and the OpenAPI document: small, valid, and checked against their schemas by
// test/api/openapi.test.ts, so "Try it out" starts from a body the API accepts.

export const SCENARIO_EXAMPLE = {
  name: 'Two shops in Vieux-Lille',
  date: '2025-03-18',
  timezone: 'Europe/Paris',
  hubs: [
    { id: 'CMDU', name: 'CMDU Port de Lille', location: [3.0385, 50.633], open: '05:00', close: '20:00' },
  ],
  carriers: [
    { id: 'colis', name: 'Colis Express', depot: [3.108, 50.589], baselineVehicleType: 'diesel-van' },
    { id: 'boissons', name: 'Boissons du Nord', depot: [3.158, 50.748], baselineVehicleType: 'diesel-van' },
  ],
  receivers: [
    {
      id: 'R1',
      name: 'Boutique',
      address: '12 Rue Esquermoise, 59800 Lille',
      kind: 'shop',
      location: [3.0605, 50.6385],
      windows: [{ start: '07:30', end: '11:00' }],
      serviceMinutes: 5,
    },
    {
      id: 'R2',
      name: 'Café, Place aux Oignons',
      kind: 'bar',
      location: [3.0612, 50.6418],
      windows: [
        { start: '08:00', end: '10:30' },
        { start: '14:30', end: '16:30' },
      ],
    },
  ],
  orders: [
    { id: 'C1', carrierId: 'colis', receiverId: 'R1', size: { kg: 12, m3: 0.07, units: 2 } },
    { id: 'B1', carrierId: 'boissons', receiverId: 'R2', size: { kg: 90, m3: 0.36, units: 4 } },
    { id: 'B2', carrierId: 'boissons', receiverId: 'R2', kind: 'pickup', size: { kg: 15, units: 3 } },
  ],
  fleet: [{ hubId: 'CMDU', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } }],
  options: { effort: 'quick', seed: 1 },
};

export const SUBMIT_ORDERS_EXAMPLE = {
  hubId: 'CMDU',
  date: '2025-03-18',
  orders: [
    { id: 'C1', receiverId: 'R1', size: { kg: 12, m3: 0.07, units: 2 } },
    { id: 'C2', receiverId: 'R2', kind: 'pickup', size: { kg: 4 }, window: { start: '08:00', end: '10:00' } },
  ],
};

export const ORDERS_CSV_EXAMPLE =
  'id;receiverId;kind;kg;m3;units;windowStart;windowEnd\nC1;R1;delivery;12,5;0,07;2;;\nC2;R2;pickup;4;;;08:00;10:00\n';

export const COMPARISON_EXAMPLE = {
  base: SCENARIO_EXAMPLE,
  variants: [{ name: 'no hub', each: [{ in: 'fleet', patch: { count: 0 } }] }, { name: 'hub with e-vans' }],
};

export const JOB_ACCEPTED_EXAMPLE = { id: 'p3f9c2a7d41b0e8653f9c2a7d41b0e865', status: 'queued' };

/** A plan read refused by the bound on concurrent reads (read-gate.ts). */
export const BUSY_EXAMPLE = {
  error: {
    code: 'BUSY',
    message: '4 plan reads are in progress (PICON_MAX_CONCURRENT_PLAN_READS): retry later',
  },
};

export const ERROR_EXAMPLE = {
  error: {
    code: 'VALIDATION_FAILED',
    message: 'invalid request body',
    issues: [{ path: 'orders[0].size.kg', message: 'expected number ≥ 0' }],
  },
};
