import { LILLE_CARRIERS, LILLE_DEPOT_ROTATION } from './carrier-catalogue.ts';
import type { CityGeography } from './city-geography.ts';
import { LILLE_CENTRE_POLYGON, LILLE_CLUSTERS, LILLE_EXCLUSIONS, LILLE_HUB } from './lille.ts';
import {
  LYON_CARRIERS,
  LYON_CENTRE_AREAS,
  LYON_CLUSTERS,
  LYON_DEPOTS,
  LYON_EAST_HUB,
  LYON_EXCLUSIONS,
  LYON_PORT_HUB,
} from './lyon.ts';

/** Cities the generator knows. */
export const GENERATOR_CITIES = ['lille', 'lyon'] as const;
export type GeneratorCity = (typeof GENERATOR_CITIES)[number];

/** Each city's geography, depots, carriers and candidate hubs. */
export const CITY_GEOGRAPHIES: Readonly<Record<GeneratorCity, CityGeography>> = {
  lille: {
    label: 'Lille',
    hubs: [LILLE_HUB],
    areas: [LILLE_CENTRE_POLYGON],
    exclusions: LILLE_EXCLUSIONS,
    clusters: LILLE_CLUSTERS,
    carriers: LILLE_CARRIERS,
    depots: LILLE_DEPOT_ROTATION,
  },
  lyon: {
    label: 'Lyon',
    // the port first: the case (hub south, depots east and north); the east site is the alternative
    hubs: [LYON_PORT_HUB, LYON_EAST_HUB],
    areas: LYON_CENTRE_AREAS,
    exclusions: LYON_EXCLUSIONS,
    clusters: LYON_CLUSTERS,
    carriers: LYON_CARRIERS,
    depots: Object.values(LYON_DEPOTS),
  },
};
