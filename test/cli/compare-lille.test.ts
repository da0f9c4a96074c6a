import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComparisonFile } from '../../src/cli/read-comparison.ts';
import { runComparison } from '../../src/cli/run-comparison.ts';
import { scenarioSchema, type Plan, type Scenario } from '../../src/contracts/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { planBannedVisits, type ZoneBan } from './compare-zone-check.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

const FILE = join(import.meta.dirname, '../../fixtures/lille/scenarios.json');
const day = scenarioSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/lille/day.json'), 'utf8')),
);
// the zone's polygon and ban as the fragment states them, read here without the planner
const lez = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/lille/lez-vieux-lille.json'), 'utf8'),
);
const rushHours = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/lille/rush-hours.json'), 'utf8'),
);
const BAN: ZoneBan = {
  rings: lez.zones[0].area.coordinates,
  from: 7 * 60,
  to: 19 * 60,
  banned: ['diesel'],
};

describe('fixtures/lille/scenarios.json', async () => {
  const { variants } = await readComparisonFile(FILE);
  const byName = new Map(variants.map((v) => [v.name, v.scenario]));

  it('holds the variants a planner tries first, each changing only what its name says', () => {
    expect(variants.map((v) => v.name)).toEqual([
      'no hub',
      'hub with e-vans',
      'hub with cargo bikes and e-vans',
      'wider receiving windows (off-peak)',
      'trunks in rigid trucks',
      'trunks not pooled',
      'barge from Dourges',
      'three candidate hubs',
      'two echelons from Lesquin',
      'low-emission zone, no hub',
      'low-emission zone, hub with cargo bikes and e-vans',
      'low-emission zone, no hub, carriers in clean vehicles',
      'rush hours',
      'rush hours, off-peak delivery',
      'rush hours, same-day trunking',
    ]);
    const same = (name: string, changed: Record<string, unknown>) =>
      expect({ ...byName.get(name), ...changed }).toEqual({ ...day, ...changed });
    expect(byName.get('hub with cargo bikes and e-vans')).toEqual(day);
    expect(byName.get('no hub')?.fleet.map((f) => f.count)).toEqual([0, 0]);
    same('no hub', { fleet: byName.get('no hub')?.fleet });
    expect(byName.get('hub with e-vans')?.fleet.map((f) => [f.vehicleType, f.count])).toEqual([
      ['e-van', 27],
    ]);
    const offPeak = byName.get('wider receiving windows (off-peak)');
    same('wider receiving windows (off-peak)', { receivers: offPeak?.receivers });
    offPeak?.receivers.forEach((r, i) => {
      const before = day.receivers[i];
      expect({ ...r, windows: before?.windows }).toEqual(before);
      if (r.kind === 'building-site') expect(r.windows).toEqual(before?.windows);
      else expect(r.windows[0]?.start).toBe('06:00');
    });
    const trucks = byName.get('trunks in rigid trucks');
    same('trunks in rigid trucks', { carriers: trucks?.carriers });
    expect(trucks?.carriers.map((c) => c.trunkVehicleType)).toEqual(day.carriers.map(() => 'rigid-truck'));
    same('trunks not pooled', { options: { ...day.options, trunking: { pooled: false } } });
    const barge = byName.get('barge from Dourges');
    same('barge from Dourges', { intermodalLegs: barge?.intermodalLegs });
    expect(barge?.intermodalLegs?.map((l) => [l.mode, l.hubId, l.carrierIds])).toEqual([
      ['barge', 'CMDU', ['delta-palettes', 'blanchisserie-artois']],
    ]);
    const hubs = byName.get('three candidate hubs');
    same('three candidate hubs', { hubs: hubs?.hubs, fleet: hubs?.fleet });
    expect(hubs?.hubs.map((h) => [h.id, h.fixedCostEurPerDay ?? 0, h.capacityUnits])).toEqual([
      ['CMDU', 0, 2000],
      ['LOMME', 50, undefined],
      ['LESQUIN', 5000, undefined],
    ]);
    const echelons = byName.get('two echelons from Lesquin');
    same('two echelons from Lesquin', { hubs: echelons?.hubs, fleet: echelons?.fleet });
    expect(echelons?.hubs.map((h) => [h.id, h.feeder?.hubId])).toEqual([
      ['LESQUIN', undefined],
      ['CMDU', 'LESQUIN'],
      ['CENTRE', 'LESQUIN'],
    ]);
    // the shipped fleet, split: the e-vans at the CMDU, the cargo bikes at the centre's micro-hub
    expect(echelons?.fleet.map((f) => [f.hubId, f.vehicleType, f.count])).toEqual([
      ['CMDU', 'e-van', 27],
      ['CENTRE', 'cargo-bike', 8],
    ]);
    for (const name of variants.map((v) => v.name).filter((n) => n.startsWith('low-emission zone')))
      expect((byName.get(name) as { zones?: unknown }).zones).toEqual(lez.zones);
    // the rush-hour variants: the profiles of rush-hours.json, and what else their names say
    const rush = byName.get('rush hours');
    expect(rush?.travel).toEqual(rushHours.travel);
    same('rush hours', { travel: rush?.travel });
    same('rush hours, off-peak delivery', {
      travel: rush?.travel,
      receivers: offPeak?.receivers,
    });
    same('rush hours, same-day trunking', {
      travel: rush?.travel,
      options: { ...day.options, trunking: { schedule: 'same-day' } },
    });
    const clean = byName.get('low-emission zone, no hub, carriers in clean vehicles');
    expect(new Set(clean?.carriers.map((c) => c.baselineVehicleType))).toEqual(
      new Set(['e-van', 'biocng-truck']),
    );
  });

  it('plans every variant feasibly (short searches); the zone moves diesel out of Vieux-Lille by day', () => {
    const cheap = variants.map((v) => ({ ...v, scenario: withoutCostGame(v.scenario) }));
    const run = runComparison(cheap, { maxIterations: 30 });
    cheap.forEach((v, i) => expect(auditPlan(v.scenario, run.plans[i] as Plan), v.name).toEqual([]));
    const plan = (name: string) => run.plans[variants.findIndex((v) => v.name === name)] as Plan;
    const scenario = (name: string) => byName.get(name) as Scenario;
    // without the zone the carriers' diesel vans serve Vieux-Lille by day; with it, never
    expect(planBannedVisits(day, plan('no hub'), BAN).length).toBeGreaterThan(50);
    // the network variants: tonne-km by mode, the hub choice with its reasons, pooled vs unpooled trunk
    const sailed = plan('barge from Dourges').consolidated;
    expect(sailed.kpis.trunkTonneKm?.barge).toBeGreaterThan(0);
    expect(sailed.kpis.vehicleKm).toBeLessThan(
      plan('hub with cargo bikes and e-vans').consolidated.kpis.vehicleKm,
    );
    const chosen = plan('three candidate hubs').consolidated.hubs;
    expect(chosen.map((h) => [h.id, h.open])).toEqual([
      ['CMDU', true],
      ['LOMME', true],
      ['LESQUIN', false],
    ]);
    expect(chosen[0]?.units).toBeLessThanOrEqual(2000);
    expect(chosen[2]?.reason).toMatch(/^closed: its fixed cost \(5000 EUR a day\)/);
    // two echelons: the carriers' trunk to Lesquin, feeders on to both micro-hubs, tonne-km per echelon
    const fed = plan('two echelons from Lesquin').consolidated;
    expect(fed.kpis.echelons?.map((e) => e.echelon)).toEqual([1, 2]);
    expect(fed.kpis.echelons?.every((e) => e.trips > 0 && e.tonneKm.road > 0)).toBe(true);
    expect(new Set(fed.trunk.filter((t) => t.echelon === 1).map((t) => t.hubId))).toEqual(
      new Set(['LESQUIN']),
    );
    expect(new Set(fed.trunk.filter((t) => t.echelon === 2).map((t) => t.hubId))).toEqual(
      new Set(['CMDU', 'CENTRE']),
    );
    expect(plan('trunks not pooled').consolidated.kpis.trunkTrips).toBeGreaterThan(
      plan('hub with cargo bikes and e-vans').consolidated.kpis.trunkTrips ?? 0,
    );
    for (const name of variants.map((v) => v.name).filter((n) => n.startsWith('low-emission zone')))
      expect(planBannedVisits(scenario(name), plan(name), BAN), name).toEqual([]);
    const lezBaseline = plan('low-emission zone, no hub')?.baseline;
    expect(lezBaseline?.kpis).not.toEqual(plan('no hub')?.baseline.kpis);
    expect(lezBaseline?.unassigned.length).toBeGreaterThan(0);
    expect(lezBaseline?.unassigned.every((u) => u.reason === 'no-vehicle-allowed')).toBe(true);
    expect(lezBaseline?.unassigned[0]?.detail).toContain('lez-vieux-lille');
    // the shipped day shares its baseline between the variants that keep carriers, receivers and orders
    expect(run.baselineTasks.reused).toBeGreaterThanOrEqual(4 * day.carriers.length);
  });
});
