import type { LonLat } from '../contracts/primitives.ts';
import type { CarrierTemplate } from './carrier-catalogue.ts';
import type { DepotSite, ExclusionZone, HubSite, StreetCluster } from './city-geography.ts';

/**
 * Geography of Lyon for generated scenarios: the Presqu'île (Terreaux to Perrache, between the Saône and the
 * Rhône) and the left bank from the Guillotière to Part-Dieu and the Brotteaux. Coordinates are [lon, lat]
 * (WGS84), APPROXIMATE: read off public maps from memory and rounded, good to a few hundred metres (rougher
 * than Lille's), which places receivers in the right quarter and depots in the right town; nothing more is
 * claimed. Carriers' depots lie east and north of the metropolis (its logistics zones along the A43, A46
 * and the Rocade Est), while the river port that hosts the hub lies south of the centre.
 */

/**
 * Port Édouard Herriot, Lyon's river port on the Rhône in Gerland (7th arrondissement), about 3.5 km south
 * of Bellecour. Position approximate (±400 m): the port spans ~2 km of quays.
 */
export const LYON_PORT_HUB: HubSite = {
  id: 'PEH',
  name: 'Port Édouard Herriot',
  location: [4.8275, 45.7265],
  open: '05:00',
  close: '20:00',
};

/**
 * HYPOTHETICAL second candidate, closer to the depots: a site at Carré de Soie (Vaulx-en-Velin / Villeurbanne,
 * by the Rocade Est), ~5 km east of Part-Dieu. No urban consolidation centre is claimed to exist there; it
 * gives the facility model a real choice between a port in the south and a site on the carriers' side.
 */
export const LYON_EAST_HUB: HubSite = {
  id: 'SOIE',
  name: 'Carré de Soie (candidate site)',
  location: [4.92, 45.762],
  open: '05:00',
  close: '20:00',
};

/** Presqu'île, inside the quays of the Saône (west) and the Rhône (east), Terreaux to Perrache. */
const PRESQU_ILE: readonly LonLat[] = [
  [4.83, 45.7695],
  [4.8375, 45.7695],
  [4.8378, 45.763],
  [4.837, 45.756],
  [4.8345, 45.75],
  [4.83, 45.747],
  [4.8255, 45.749],
  [4.827, 45.756],
  [4.8285, 45.763],
];

/** Left bank, east of the Rhône's quays: Guillotière, Préfecture, Part-Dieu, Brotteaux. */
const LEFT_BANK: readonly LonLat[] = [
  [4.843, 45.77],
  [4.86, 45.77],
  [4.866, 45.762],
  [4.864, 45.754],
  [4.845, 45.753],
  [4.842, 45.76],
];

export const LYON_CENTRE_AREAS: readonly (readonly LonLat[])[] = [PRESQU_ILE, LEFT_BANK];

/** Places inside the areas where nothing is delivered. */
export const LYON_EXCLUSIONS: readonly ExclusionZone[] = [
  { name: 'Place Bellecour', centre: [4.832, 45.7578], radiusM: 100 },
  { name: 'Part-Dieu station tracks', centre: [4.8617, 45.7605], radiusM: 110 },
];

/** Street clusters of the Presqu'île and the left bank. */
export const LYON_CLUSTERS: readonly StreetCluster[] = [
  {
    id: 'terreaux',
    centre: [4.834, 45.767],
    spreadM: 130,
    weight: 8,
    pedestrian: false,
    streets: ['Place des Terreaux', 'Rue d’Algérie', 'Rue Constantine', 'Rue Paul Chenavard'],
  },
  {
    id: 'republique',
    centre: [4.836, 45.761],
    spreadM: 110,
    weight: 10,
    pedestrian: true,
    streets: ['Rue de la République', 'Place de la République', 'Rue Grenette', 'Place des Cordeliers'],
  },
  {
    id: 'merciere',
    centre: [4.832, 45.7617],
    spreadM: 100,
    weight: 7,
    pedestrian: true,
    streets: ['Rue Mercière', 'Rue Tupin', 'Rue Édouard Herriot', 'Quai Saint-Antoine'],
  },
  {
    id: 'victor-hugo',
    centre: [4.83, 45.754],
    spreadM: 110,
    weight: 8,
    pedestrian: true,
    streets: ['Rue Victor Hugo', 'Rue de la Charité', 'Rue Sala', 'Place Ampère'],
  },
  {
    id: 'bellecour-nord',
    centre: [4.834, 45.76],
    spreadM: 130,
    weight: 7,
    pedestrian: false,
    streets: ['Rue du Président Carnot', 'Rue Émile Zola', 'Rue de la Barre', 'Rue des Archers'],
  },
  {
    id: 'ainay',
    centre: [4.828, 45.7515],
    spreadM: 140,
    weight: 5,
    pedestrian: false,
    streets: ['Rue d’Auvergne', 'Rue Auguste Comte', 'Rue Sainte-Hélène', 'Place d’Ainay'],
  },
  {
    id: 'part-dieu',
    centre: [4.856, 45.761],
    spreadM: 160,
    weight: 10,
    pedestrian: false,
    streets: ['Rue du Docteur Bouchut', 'Boulevard Vivier-Merle', 'Rue Servient', 'Rue Garibaldi'],
  },
  {
    id: 'lafayette',
    centre: [4.847, 45.7635],
    spreadM: 150,
    weight: 7,
    pedestrian: false,
    streets: ['Cours Lafayette', 'Rue Moncey', 'Rue de Créqui', 'Rue Duguesclin'],
  },
  {
    id: 'brotteaux',
    centre: [4.852, 45.768],
    spreadM: 150,
    weight: 6,
    pedestrian: false,
    streets: ['Rue Vendôme', 'Rue Tronchet', 'Boulevard des Belges', 'Rue Bossuet'],
  },
  {
    id: 'guillotiere',
    centre: [4.847, 45.7555],
    spreadM: 130,
    weight: 6,
    pedestrian: false,
    streets: ['Cours Gambetta', 'Grande Rue de la Guillotière', 'Rue Paul Bert', 'Place Gabriel Péri'],
  },
];

/** Towns of the metropolitan ring where carriers keep their depots: mostly east (A43, Rocade Est) and north. */
export const LYON_DEPOTS = {
  saintPriest: { town: 'Saint-Priest', location: [4.944, 45.7] },
  genas: { town: 'Genas', location: [5.002, 45.731] },
  corbas: { town: 'Corbas', location: [4.902, 45.668] },
  rillieux: { town: 'Rillieux-la-Pape', location: [4.898, 45.82] },
  vaulx: { town: 'Vaulx-en-Velin', location: [4.919, 45.779] },
  neuville: { town: 'Neuville-sur-Saône', location: [4.841, 45.876] },
  venissieux: { town: 'Vénissieux', location: [4.887, 45.697] },
  saintExupery: { town: 'Colombier-Saugnieu (Lyon-Saint-Exupéry)', location: [5.08, 45.725] },
  chassieu: { town: 'Chassieu', location: [4.966, 45.738] },
  genay: { town: 'Genay', location: [4.842, 45.899] },
  meyzieu: { town: 'Meyzieu', location: [5.004, 45.767] },
  decines: { town: 'Décines-Charpieu', location: [4.958, 45.769] },
} satisfies Record<string, DepotSite>;

/** Carriers of the Lyon metropolis (names fictitious), the same mix of trades as Lille's catalogue. */
export const LYON_CARRIERS: readonly CarrierTemplate[] = [
  {
    id: 'rhone-colis',
    name: 'Rhône Colis Express',
    sector: 'parcel',
    depot: LYON_DEPOTS.saintPriest,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'lugdunum-msg',
    name: 'Lugdunum Messagerie',
    sector: 'parcel',
    depot: LYON_DEPOTS.genas,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'frais-halles',
    name: 'Frais des Halles Distribution',
    sector: 'food',
    depot: LYON_DEPOTS.corbas,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'pharma-aura',
    name: 'Répartition Pharma Auvergne-Rhône',
    sector: 'pharma',
    depot: LYON_DEPOTS.rillieux,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'materiaux-velin',
    name: 'Matériaux du Velin',
    sector: 'building',
    depot: LYON_DEPOTS.vaulx,
    baselineVehicleType: 'rigid-truck',
  },
  {
    id: 'boissons-dombes',
    name: 'Boissons des Dombes',
    sector: 'beverage',
    depot: LYON_DEPOTS.neuville,
    baselineVehicleType: 'rigid-truck',
  },
  {
    id: 'confluent-colis',
    name: 'Confluent Express Colis',
    sector: 'parcel',
    depot: LYON_DEPOTS.venissieux,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'est-palettes',
    name: 'Est Lyonnais Palettes',
    sector: 'pallet',
    depot: LYON_DEPOTS.saintExupery,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'bureau-rhone',
    name: 'Bureau Rhône Fournitures',
    sector: 'office',
    depot: LYON_DEPOTS.chassieu,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'blanchisserie-beaujolais',
    name: 'Blanchisserie du Beaujolais',
    sector: 'linen',
    depot: LYON_DEPOTS.genay,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'hygiene-lyonnaise',
    name: 'Hygiène Lyonnaise',
    sector: 'hygiene',
    depot: LYON_DEPOTS.meyzieu,
    baselineVehicleType: 'diesel-van',
  },
  {
    id: 'primeurs-est',
    name: 'Primeurs de l’Est Lyonnais',
    sector: 'food',
    depot: LYON_DEPOTS.decines,
    baselineVehicleType: 'diesel-van',
  },
];
