import type { Scenario } from '../../src/contracts/index.ts';
import { haversineKm } from './audit/index.ts';
import { smallScenario } from './small-scenario.ts';

// Small days built so that each figure the auditor checks actually varies: a planner bug in that
// figure then changes the plan and the audit fails. Each is planned in a fraction of a second.

/**
 * A carrier whose returns need more trunk trips than its deliveries: C brings 10 kg to the hub and
 * takes 1,300 kg of returns back, more than its diesel van's 1,080 kg, so its trunk leg needs 2 trips.
 */
export function heavyReturnsScenario(): Scenario {
  const s = smallScenario();
  s.name = 'heavy returns';
  s.carriers.push({ id: 'C', depot: [3.16, 50.7], baselineVehicleType: 'diesel-van' });
  s.orders.push(
    { id: 'C1', carrierId: 'C', receiverId: 'R1', size: { kg: 10, m3: 0.05, units: 1 } },
    { id: 'C2', carrierId: 'C', receiverId: 'R1', kind: 'pickup', size: { kg: 500 } },
    { id: 'C3', carrierId: 'C', receiverId: 'R2', kind: 'pickup', size: { kg: 500 } },
    { id: 'C4', carrierId: 'C', receiverId: 'R2', kind: 'pickup', size: { kg: 300 } },
  );
  s.fleet = [
    { hubId: 'H', vehicleType: 'e-van', count: 2, shift: { start: '06:00', end: '17:00' } },
    { hubId: 'H', vehicleType: 'cargo-bike', count: 1, shift: { start: '06:00', end: '17:00' } },
  ];
  return s;
}

/**
 * A van whose energy depends strongly on payload, with a 6 kWh battery: FAR (7.8 km from the hub)
 * is within range empty (3.1 kWh there and back) but not with its 900 kg order aboard (8.7 kWh), so
 * that order must go back to its carrier as range-exceeded; a range check that ignores payload lets
 * the pooled van take it.
 */
export function payloadRangeScenario(): Scenario {
  return {
    name: 'payload-dependent range',
    date: '2026-11-24',
    hubs: [{ id: 'H', location: [3.0395, 50.6335], open: '05:00', close: '20:00' }],
    carriers: [{ id: 'A', depot: [3.108, 50.589], baselineVehicleType: 'diesel-van' }],
    receivers: [
      { id: 'R1', location: [3.063, 50.641], windows: [{ start: '07:30', end: '11:00' }] },
      { id: 'FAR', location: [3.0395, 50.6875], windows: [{ start: '07:00', end: '12:00' }] },
    ],
    orders: [
      { id: 'A1', carrierId: 'A', receiverId: 'R1', size: { kg: 20, m3: 0.1, units: 2 } },
      { id: 'A2', carrierId: 'A', receiverId: 'FAR', size: { kg: 900, m3: 2, units: 10 } },
    ],
    vehicleTypes: [
      {
        id: 'steep-ev',
        class: 'van',
        capacity: { kg: 1000, m3: 8, units: 160 },
        speedKmh: 18,
        energy: {
          carrier: 'electricity',
          emptyKWhPerKm: 0.2,
          fullKWhPerKm: 1.0,
          co2eKgPerKWh: 0.048,
          batteryKWh: 6,
          source: 'test figure: strongly payload-dependent consumption',
        },
      },
    ],
    fleet: [{ hubId: 'H', vehicleType: 'steep-ev', count: 2, shift: { start: '06:00', end: '17:00' } }],
  };
}

/**
 * Every scenario lever the auditor resolves on its own: two hubs (LP assignment), their own handling
 * energy and capacity, a grid factor override, a custom type of an unknown class (diesel-van figures
 * without m3 and units), a hydrogen van with its own trips and reload, a trunk type other than the
 * baseline type, carriers' fleet limits, order windows narrowing the receiver's, default service.
 */
export function leversScenario(): Scenario {
  const s = smallScenario();
  s.name = 'levers';
  s.hubs.push({
    id: 'H2',
    location: [3.075, 50.628],
    open: '06:30',
    close: '16:00',
    capacityUnits: 12,
    handlingKWhPerUnit: 0.2,
  });
  const a = s.carriers[0];
  if (a) {
    a.trunkVehicleType = 'rigid-truck';
    a.baselineVehicles = 2;
  }
  s.carriers.push({ id: 'C', depot: [3.0, 50.66], baselineVehicleType: 'e-van' });
  s.receivers.push(
    { id: 'R4', location: [3.08, 50.625], windows: [{ start: '09:00', end: '15:00' }], serviceMinutes: 3 },
    {
      id: 'R5',
      location: [3.072, 50.631],
      windows: [{ start: '07:00', end: '12:00' }],
      access: { vehicleClasses: ['trike', 'cargo-bike'] },
    },
  );
  s.orders.push(
    { id: 'C1', carrierId: 'C', receiverId: 'R4', size: { kg: 40, m3: 0.3, units: 3 } },
    {
      id: 'C2',
      carrierId: 'C',
      receiverId: 'R4',
      size: { kg: 25, m3: 0.1, units: 1 },
      window: { start: '13:00', end: '14:30' },
    },
    { id: 'C3', carrierId: 'C', receiverId: 'R5', size: { kg: 30 } },
    { id: 'A5', carrierId: 'A', receiverId: 'R5', kind: 'pickup', size: { kg: 8, units: 1 } },
    { id: 'B5', carrierId: 'B', receiverId: 'R1', size: { kg: 5 }, window: { start: '08:15', end: '09:45' } },
  );
  s.vehicleTypes = [
    { id: 'trike', class: 'trike', capacity: { kg: 120 }, speedKmh: 12, costPerHourEur: 22 },
    { id: 'e-van', class: 'van', capacity: { kg: 900 } },
  ];
  s.fleet.push(
    {
      hubId: 'H2',
      vehicleType: 'hydrogen-van',
      count: 1,
      shift: { start: '06:00', end: '18:00' },
      maxTrips: 2,
      reloadMinutes: 20,
    },
    { hubId: 'H2', vehicleType: 'trike', count: 1, shift: { start: '07:00', end: '15:00' } },
  );
  s.options = { timeLimitSeconds: 5, circuity: 1.4, electricityCo2eKgPerKWh: 0.1 };
  return s;
}

/** The small day on a road matrix (great-circle x 1.5 here) with the router's own durations. */
export function matrixScenario(withDurations: boolean): Scenario {
  const s = smallScenario();
  s.name = withDurations ? 'matrix with durations' : 'matrix';
  const places = [
    ...s.hubs.map((h) => ({ id: h.id, at: h.location })),
    ...s.carriers.map((c) => ({ id: c.id, at: c.depot })),
    ...s.receivers.map((r) => ({ id: r.id, at: r.location })),
  ].reverse(); // any order: the matrix is read by id
  const km = places.map((a) => places.map((b) => haversineKm(a.at, b.at) * 1.5));
  s.options = {
    ...s.options,
    matrix: {
      ids: places.map((p) => p.id),
      distancesKm: km,
      ...(withDurations ? { durationsMin: km.map((row) => row.map((d) => (d / 20) * 60 + 1)) } : {}),
    },
  };
  return s;
}

/**
 * One e-van that carries 60 kg only and may do four trips: the small day's 125 kg of deliveries take
 * it at least three trips, and R1's two orders (70 kg) are split into two stops.
 */
export function multiTripScenario(): Scenario {
  const s = smallScenario();
  s.name = 'multi-trip';
  for (const r of s.receivers) delete r.access;
  s.vehicleTypes = [{ id: 'e-van', class: 'van', capacity: { kg: 60 } }];
  s.fleet = [
    { hubId: 'H', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' }, maxTrips: 4 },
  ];
  return s;
}

/**
 * The small day with a heavier drinks order at R1 (B1: 160 kg) and a bike allowed one trip: the bike
 * cannot carry R1 with R3, so the plan uses both the cargo bike and the e-van.
 */
export function mixedFleetScenario(): Scenario {
  const s = smallScenario();
  s.name = 'mixed fleet';
  const b1 = s.orders.find((o) => o.id === 'B1');
  if (b1) b1.size = { kg: 160, m3: 0.6, units: 6 };
  const bike = s.fleet.find((f) => f.vehicleType === 'cargo-bike');
  if (bike) bike.maxTrips = 1;
  return s;
}

/** The mixed-fleet day with carrier A's goods reaching hub H by barge from a quay 9 km away. */
export function bargeLegScenario(ttwShare?: number): Scenario {
  return {
    ...mixedFleetScenario(),
    intermodalLegs: [
      {
        id: 'quay',
        hubId: 'H',
        mode: 'barge',
        terminal: [3.02, 50.6],
        lengthKm: 9,
        carrierIds: ['A'],
        ...(ttwShare !== undefined ? { ttwShare } : {}),
      },
    ],
  };
}

/**
 * Two echelons: the carriers' flows go to a platform south of the centre (no pooled fleet of its own), which
 * feeds the e-van hub H (by road in rigid trucks, or by barge) and a cargo-bike micro-hub V (by road in e-vans).
 */
export function twoEchelonScenario(feederOfH: 'road' | 'barge' = 'road'): Scenario {
  const s = mixedFleetScenario();
  s.name = `two echelons (${feederOfH})`;
  s.hubs = [
    { id: 'P', name: 'platform', location: [3.11, 50.585], open: '03:00', close: '22:00' },
    {
      id: 'H',
      location: [3.0395, 50.6335],
      open: '05:00',
      close: '20:00',
      feeder: feederOfH === 'road' ? { hubId: 'P' } : { hubId: 'P', mode: 'barge', lengthKm: 12 },
    },
    {
      id: 'V',
      location: [3.0622, 50.6345],
      open: '05:00',
      close: '20:00',
      feeder: { hubId: 'P', vehicleType: 'e-van', maxTrips: 2 },
    },
  ];
  // one bike trip: V can take R3 (bikes only) but not everything, so both micro-hubs open
  s.fleet = [
    { hubId: 'H', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } },
    { hubId: 'V', vehicleType: 'cargo-bike', count: 1, shift: { start: '06:00', end: '17:00' }, maxTrips: 1 },
  ];
  return s;
}

/**
 * The two-echelon day on a one-way road matrix: every trip towards a later id is 2 km longer than back, so
 * a feeder's goods (platform -> micro-hub) and returns (back) ride different distances.
 */
export function twoEchelonMatrixScenario(): Scenario {
  const s = twoEchelonScenario('road');
  s.name = 'two echelons, one-way matrix';
  const places = [
    ...s.hubs.map((h) => ({ id: h.id, at: h.location })),
    ...s.carriers.map((c) => ({ id: c.id, at: c.depot })),
    ...s.receivers.map((r) => ({ id: r.id, at: r.location })),
  ];
  s.options = {
    ...s.options,
    matrix: {
      ids: places.map((p) => p.id),
      distancesKm: places.map((a, i) =>
        places.map((b, j) => (i === j ? 0 : haversineKm(a.at, b.at) * 1.3 + (i < j ? 2 : 0))),
      ),
    },
  };
  return s;
}
