import type { ReceiverKind } from './receiver-kinds.ts';

/** What a carrier moves; drives order sizes and which receivers it serves. */
export type Sector =
  'parcel' | 'food' | 'pallet' | 'pharma' | 'building' | 'beverage' | 'office' | 'linen' | 'hygiene';

/** Order sizes and customers of a sector. */
export interface SectorProfile {
  /** Mass of one delivery, kg: drawn in [min, max] with more small orders than large ones. */
  readonly kg: readonly [number, number];
  /** Skew of the mass draw: kg = min + (max − min) · u^skew, u uniform (1 = uniform, > 1 = mostly small). */
  readonly skew: number;
  /** Handling units (parcels, crates, kegs, roll cages) per delivery. */
  readonly units: readonly [number, number];
  /** Density of the freight as stowed, kg/m3 (m3 = kg / density). */
  readonly densityKgPerM3: readonly [number, number];
  /** Mass of a pickup of returns (empty crates, kegs, pallets, packaging), kg. */
  readonly returnKg: readonly [number, number];
  /** Relative chance that a receiver of each kind has an order from a carrier of this sector (all > 0). */
  readonly affinity: Readonly<Record<ReceiverKind, number>>;
}

/** Returns are empty packaging: bulkier than the freight, 100–150 kg/m3. */
export const RETURN_DENSITY_KG_PER_M3 = [100, 150] as const;

/**
 * Sizes: parcels 2–30 kg in 1–4 units; beverages 40–150 kg; building supplies 100–300 kg; pharma 3–20 kg.
 * Densities stay in 150–250 kg/m3, typical of mixed urban freight. Affinities are relative weights;
 * every one is positive so that any receiver can draw its 5–10 distinct carriers from any carrier list.
 */
export const SECTORS: Readonly<Record<Sector, SectorProfile>> = {
  parcel: {
    kg: [2, 30],
    skew: 1.8,
    units: [1, 4],
    densityKgPerM3: [150, 200],
    returnKg: [1, 12],
    affinity: {
      shop: 5,
      restaurant: 2,
      bar: 2,
      pharmacy: 4,
      office: 5,
      hotel: 3,
      clinic: 3,
      'building-site': 2,
    },
  },
  food: {
    kg: [15, 90],
    skew: 1.4,
    units: [1, 4],
    densityKgPerM3: [180, 250],
    returnKg: [5, 20],
    affinity: {
      shop: 0.6,
      restaurant: 5,
      bar: 2,
      pharmacy: 0.2,
      office: 0.6,
      hotel: 4,
      clinic: 1,
      'building-site': 0.3,
    },
  },
  pallet: {
    kg: [40, 250],
    skew: 1.6,
    units: [1, 2],
    densityKgPerM3: [170, 250],
    returnKg: [15, 50],
    affinity: {
      shop: 1,
      restaurant: 1,
      bar: 0.8,
      pharmacy: 0.6,
      office: 0.6,
      hotel: 1,
      clinic: 0.6,
      'building-site': 2,
    },
  },
  pharma: {
    kg: [3, 20],
    skew: 1.3,
    units: [1, 3],
    densityKgPerM3: [150, 200],
    returnKg: [2, 8],
    affinity: {
      shop: 0.2,
      restaurant: 0.1,
      bar: 0.1,
      pharmacy: 8,
      office: 0.2,
      hotel: 0.3,
      clinic: 6,
      'building-site': 0.1,
    },
  },
  building: {
    kg: [100, 300],
    skew: 1.2,
    units: [1, 3],
    densityKgPerM3: [220, 250],
    returnKg: [20, 60],
    affinity: {
      shop: 0.2,
      restaurant: 0.1,
      bar: 0.1,
      pharmacy: 0.1,
      office: 0.2,
      hotel: 0.2,
      clinic: 0.1,
      'building-site': 8,
    },
  },
  beverage: {
    kg: [40, 150],
    skew: 1.3,
    units: [2, 8],
    densityKgPerM3: [230, 250],
    returnKg: [15, 60],
    affinity: {
      shop: 0.4,
      restaurant: 5,
      bar: 6,
      pharmacy: 0.2,
      office: 0.8,
      hotel: 4,
      clinic: 0.3,
      'building-site': 0.6,
    },
  },
  office: {
    kg: [5, 40],
    skew: 1.5,
    units: [1, 4],
    densityKgPerM3: [180, 230],
    returnKg: [2, 10],
    affinity: {
      shop: 0.6,
      restaurant: 0.2,
      bar: 0.2,
      pharmacy: 0.5,
      office: 4,
      hotel: 1,
      clinic: 1.5,
      'building-site': 0.2,
    },
  },
  linen: {
    kg: [10, 60],
    skew: 1.2,
    units: [1, 3],
    densityKgPerM3: [150, 170],
    returnKg: [10, 50],
    affinity: {
      shop: 0.1,
      restaurant: 2,
      bar: 1,
      pharmacy: 0.1,
      office: 0.2,
      hotel: 5,
      clinic: 3,
      'building-site': 0.1,
    },
  },
  hygiene: {
    kg: [8, 50],
    skew: 1.4,
    units: [1, 3],
    densityKgPerM3: [150, 200],
    returnKg: [2, 10],
    affinity: {
      shop: 0.8,
      restaurant: 1.5,
      bar: 1.2,
      pharmacy: 1,
      office: 1.5,
      hotel: 2,
      clinic: 2,
      'building-site': 0.5,
    },
  },
};
