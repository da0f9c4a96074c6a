import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/scenario.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';

const load = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));

describe('fixtures', () => {
  it('lille/day.json is valid and equals the generator output for its recorded seed', () => {
    const fixture = scenarioSchema.parse(load('lille/day.json'));
    expect(fixture.receivers).toHaveLength(220);
    expect(fixture.carriers).toHaveLength(10);
    const seed = fixture.options?.seed;
    expect(seed).toBeTypeOf('number');
    const regenerated = generateCityDay({
      city: 'lille',
      receivers: fixture.receivers.length,
      carriers: fixture.carriers.length,
      seed: seed as number,
    });
    expect(regenerated).toEqual(fixture);
  });

  it('tiny/two-shops.json is valid: 1 hub, 2 carriers, 3 receivers, 6 orders, 1 e-van', () => {
    const tiny = scenarioSchema.parse(load('tiny/two-shops.json'));
    expect(tiny.hubs).toHaveLength(1);
    expect(tiny.carriers).toHaveLength(2);
    expect(tiny.receivers).toHaveLength(3);
    expect(tiny.orders).toHaveLength(6);
    expect(tiny.fleet).toEqual([expect.objectContaining({ vehicleType: 'e-van', count: 1 })]);
    for (const r of tiny.receivers) {
      const carriers = tiny.orders.filter((o) => o.receiverId === r.id).map((o) => o.carrierId);
      expect(carriers.sort()).toEqual(['boissons', 'colis']);
    }
  });
});
