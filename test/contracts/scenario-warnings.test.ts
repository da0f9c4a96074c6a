import { describe, expect, it } from 'vitest';
import { scenarioWarnings, type Area, type Scenario } from '../../src/contracts/index.ts';
import { smallScenario } from '../support/small-scenario.ts';
import lilleDay from '../../fixtures/lille/day.json' with { type: 'json' };

/** A polygon over Lille's centre written in [lat, lon]. */
const LAT_LON_AREA: Area = {
  type: 'Polygon',
  coordinates: [
    [
      [50.63, 3.05],
      [50.63, 3.07],
      [50.65, 3.07],
      [50.63, 3.05],
    ],
  ],
};

describe('coordinate plausibility warnings', () => {
  it('says nothing about a scenario whose depots sit in the metropolitan ring', () => {
    expect(scenarioWarnings(smallScenario())).toEqual([]);
    expect(scenarioWarnings(lilleDay as Scenario)).toEqual([]);
  });

  // the distance was checked against @turf/distance: 6,900.3 km
  it('names a receiver given as [lat, lon] and the position that would fit', () => {
    const s = smallScenario();
    (s.receivers[1] as { location: [number, number] }).location = [50.6367, 3.0635];
    expect(scenarioWarnings(s)).toEqual([
      'receivers[1].location (R2): [50.6367, 3.0635] is 6,900 km from the median of the receivers [3.063, 50.6335]' +
        ': [lat, lon] given for [lon, lat]? [3.0635, 50.6367] would fit',
    ]);
  });

  it('warns about a depot far away without claiming a swap when swapping does not help', () => {
    const s = smallScenario();
    (s.carriers[0] as { depot: [number, number] }).depot = [2.35, 48.85]; // Paris, ~205 km from Lille
    const [w, ...rest] = scenarioWarnings(s);
    expect(rest).toEqual([]);
    expect(w).toMatch(/^carriers\[0\]\.depot \(A\): \[2\.35, 48\.85\] is 20\d km from the median/);
    expect(w).not.toContain('[lat, lon]');
  });

  it('warns about a zone whose polygon was written in [lat, lon]', () => {
    const s = smallScenario();
    s.zones = [
      {
        id: 'lez',
        area: LAT_LON_AREA,
        rules: [{ allow: { powertrains: ['electric'] } }],
      },
    ];
    const warnings = scenarioWarnings(s);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^zones\[0\]\.area \(lez\): \[50\.6\d*, 3\.0\d*\] is .* km .*\[lat, lon\] given/,
    );
  });

  it("warns about a speed profile's area in [lat, lon] and a class no vehicle type has", () => {
    const s = smallScenario();
    s.travel = {
      profiles: [
        {
          id: 'centre',
          area: LAT_LON_AREA,
          vehicleClasses: ['van', 'vans'],
          periods: [{ start: '07:30', end: '09:30', speedFactor: 0.6 }],
        },
      ],
    };
    const warnings = scenarioWarnings(s);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^travel\.profiles\[0\]\.area \(centre\): \[50\.6\d*, 3\.0\d*\] is .*\[lat, lon\] given/,
    );
    expect(warnings[1]).toBe(
      'travel.profiles[0].vehicleClasses[1] (centre): no vehicle type has class "vans" ' +
        '(classes: cargo-bike, van, truck): the profile slows no vehicle of it',
    );
  });
});
