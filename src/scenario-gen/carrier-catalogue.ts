import type { DepotSite } from './city-geography.ts';
import { LILLE_DEPOTS } from './lille.ts';
import type { Sector } from './sectors.ts';
import { InputError } from '../domain/errors.ts';

/** A carrier the generator can put in a scenario. Names are fictitious. */
export interface CarrierTemplate {
  readonly id: string;
  readonly name: string;
  readonly sector: Sector;
  readonly depot: DepotSite;
  /** Built-in vehicle type of the carrier's own rounds. */
  readonly baselineVehicleType: 'diesel-van' | 'rigid-truck';
}

/**
 * Carriers of the Lille metropolis, in the order they are added to a scenario: the first ten give a
 * realistic mix (three parcel networks, food, pharma, building supplies, beverages, pallets, office
 * supplies, linen). Beverages and building supplies run rigid trucks; the rest run diesel vans.
 */
export const LILLE_CARRIERS: readonly CarrierTemplate[] = [
  {
    id: 'nordcolis',
    name: 'Nord Colis Express',
    sector: 'parcel',
    depot: LILLE_DEPOTS.lesquin,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'flandres-msg',
    name: 'Flandres Messagerie',
    sector: 'parcel',
    depot: LILLE_DEPOTS.seclin,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'metropole-frais',
    name: 'Métropole Frais Distribution',
    sector: 'food',
    depot: LILLE_DEPOTS.lomme,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'pharma-hdf',
    name: 'Répartition Pharma Hauts-de-France',
    sector: 'pharma',
    depot: LILLE_DEPOTS.villeneuve,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'materiaux-deule',
    name: 'Matériaux de la Deûle',
    sector: 'building',
    depot: LILLE_DEPOTS.sequedin,
    baselineVehicleType: 'rigid-truck',
  },
  {
    id: 'boissons-ferrain',
    name: 'Boissons du Ferrain',
    sector: 'beverage',
    depot: LILLE_DEPOTS.neuville,
    baselineVehicleType: 'rigid-truck',
  },
  {
    id: 'lys-colis',
    name: 'Lys Express Colis',
    sector: 'parcel',
    depot: LILLE_DEPOTS.roncq,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'delta-palettes',
    name: 'Delta Palettes Réseau',
    sector: 'pallet',
    depot: LILLE_DEPOTS.dourges,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'bureau-nord',
    name: 'Bureau Nord Fournitures',
    sector: 'office',
    depot: LILLE_DEPOTS.wattrelos,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'blanchisserie-artois',
    name: 'Blanchisserie de l’Artois',
    sector: 'linen',
    depot: LILLE_DEPOTS.courcelles,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'hygiene-metropole',
    name: 'Hygiène Métropole',
    sector: 'hygiene',
    depot: LILLE_DEPOTS.wambrechies,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'primeurs-weppes',
    name: 'Primeurs des Weppes',
    sector: 'food',
    depot: LILLE_DEPOTS.templemars,
    baselineVehicleType: 'diesel-van',
  },
];

/** Most carriers a generated scenario can have (the catalogue, then numbered second agencies). */
export const MAX_CARRIERS = 60;

/** Depots of the Lille ring that further agencies rotate over. */
export const LILLE_DEPOT_ROTATION: readonly DepotSite[] = Object.values(LILLE_DEPOTS);

/**
 * The first `count` carriers of a city: its catalogue in order, then further agencies of the same firms
 * (`nordcolis-2`, …) at other depots of the ring (`depots`, in rotation), for large synthetic days.
 * @throws InputError when count is outside 1–MAX_CARRIERS.
 */
export function cityCarriers(
  catalogue: readonly CarrierTemplate[],
  depots: readonly DepotSite[],
  count: number,
): CarrierTemplate[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CARRIERS)
    throw new InputError('INVALID_OPTION', `carriers must be an integer in 1–${MAX_CARRIERS}, got ${count}`, {
      field: 'carriers',
    });
  const out: CarrierTemplate[] = [];
  for (let i = 0; i < count; i++) {
    const base = catalogue[i % catalogue.length] as CarrierTemplate;
    const agency = Math.floor(i / catalogue.length) + 1;
    if (agency === 1) out.push(base);
    else
      out.push({
        ...base,
        id: `${base.id}-${agency}`,
        name: `${base.name} (agence ${agency})`,
        depot: depots[(i + agency) % depots.length] as DepotSite,
      });
  }
  return out;
}

/** The first `count` carriers of the Lille metropolis (see cityCarriers). */
export function lilleCarriers(count: number): CarrierTemplate[] {
  return cityCarriers(LILLE_CARRIERS, LILLE_DEPOT_ROTATION, count);
}
