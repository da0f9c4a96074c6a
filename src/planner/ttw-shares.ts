import type { Scenario } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';
import { INTERMODAL_TTW_SHARE_OF_WTW, ttwShareOfPowertrain } from '../energy/index.ts';

/** A TTW share of a WTW factor and where it comes from. */
export interface TtwShare {
  readonly value: number;
  readonly source: string;
}

/**
 * The tank-to-wheel share of every vehicle type's and every barge or rail leg's WTW factor: the scenario's
 * `ttwShare` where it gives one (an energy profile or a leg), else the default of the energy carrier or mode
 * (src/energy/tank-to-wheel.ts).
 */
export class TtwShares {
  private readonly types: Map<string, TtwShare>;
  private readonly legs: Map<string, TtwShare>;

  constructor(city: City, scenario: Scenario) {
    const given = new Map(
      (scenario.vehicleTypes ?? []).flatMap((t) =>
        t.energy?.ttwShare === undefined ? [] : [[t.id, t.energy.ttwShare] as const],
      ),
    );
    this.types = new Map(
      city.vehicleTypes.map((t) => {
        const own = given.get(t.id);
        return [
          t.id,
          own === undefined
            ? ttwShareOfPowertrain(t.powertrain)
            : { value: own, source: `scenario vehicleTypes[id=${t.id}].energy.ttwShare` },
        ];
      }),
    );
    this.legs = new Map(
      (scenario.intermodalLegs ?? []).map((l) => [
        l.id,
        l.ttwShare === undefined
          ? INTERMODAL_TTW_SHARE_OF_WTW[l.mode]
          : { value: l.ttwShare, source: `scenario intermodalLegs[id=${l.id}].ttwShare` },
      ]),
    );
  }

  /** A vehicle type's share; an unknown type (none in a valid plan) counts as diesel, the conservative default. */
  ofType(typeId: string): TtwShare {
    return this.types.get(typeId) ?? ttwShareOfPowertrain('diesel');
  }

  ofLeg(legId: string, mode: 'barge' | 'rail'): TtwShare {
    return this.legs.get(legId) ?? INTERMODAL_TTW_SHARE_OF_WTW[mode];
  }
}
