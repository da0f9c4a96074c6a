/** Synthetic scenario generation: realistic, seeded city delivery days for tests, demos and benchmarks. */
export {
  CARGO_BIKE_RECEIVER_MAX,
  DEFAULT_CARRIERS,
  GENERATED_DATE,
  GENERATOR_CITIES,
  MAX_CARRIERS,
  MAX_RECEIVERS,
  MIN_CARRIERS,
  defaultEffort,
  generateCityDay,
} from './generate-city-day.ts';
export type { CityDayOptions, GeneratorCity } from './generate-city-day.ts';
export {
  LILLE_CENTRE_BBOX,
  LILLE_CENTRE_POLYGON,
  LILLE_CLUSTERS,
  LILLE_EXCLUSIONS,
  LILLE_HUB,
} from './lille.ts';
export { LYON_CENTRE_AREAS, LYON_CLUSTERS, LYON_EAST_HUB, LYON_EXCLUSIONS, LYON_PORT_HUB } from './lyon.ts';
export { CITY_GEOGRAPHIES } from './cities.ts';
export type { CityGeography } from './city-geography.ts';
export { isServable } from './place-receiver.ts';
export { Rng } from './rng.ts';
