import type { LonLat } from '../contracts/primitives.ts';
import type { DepotSite, ExclusionZone, StreetCluster } from './city-geography.ts';

export type { DepotSite, ExclusionZone, StreetCluster } from './city-geography.ts';

/**
 * Geography of Lille for generated scenarios. Coordinates are [lon, lat] (WGS84), read off public maps
 * and rounded: they place points on the right streets to within ~100 m, which is all a synthetic day needs.
 */

/**
 * The CMDU (centre multimodal de distribution urbaine) of Ports de Lille, on the Deûle canal west of the
 * centre, between Avenue de Bretagne and Boulevard de la Moselle, near the "Port de Lille" metro station.
 * Position approximate (±300 m): the port site spans ~2 km of quays.
 */
export const LILLE_HUB = {
  id: 'CMDU',
  name: 'CMDU Port de Lille',
  location: [3.0385, 50.633] as LonLat,
  open: '05:00',
  close: '20:00',
} as const;

/**
 * Outline of the served centre, counter-clockwise: Vieux-Lille north to Porte de Gand, Euralille and
 * Lille-Flandres on the east, Rue de Paris and the edge of Moulins on the south, the Wazemmes market edge and
 * Rue Solférino on the south-west, and the Quai du Wault / Rue Royale on the west. It keeps clear of the
 * Citadelle, its park and the Deûle canal, which lie further west.
 */
export const LILLE_CENTRE_POLYGON: readonly LonLat[] = [
  [3.0545, 50.643],
  [3.06, 50.6455],
  [3.066, 50.6465],
  [3.072, 50.6445],
  [3.077, 50.6395],
  [3.0775, 50.6345],
  [3.073, 50.63],
  [3.066, 50.627],
  [3.059, 50.6255],
  [3.0525, 50.626],
  [3.0515, 50.63],
  [3.053, 50.6345],
  [3.0545, 50.6385],
];

/** Axis-aligned box around the polygon: [minLon, minLat, maxLon, maxLat]. */
export const LILLE_CENTRE_BBOX = [3.0515, 50.6255, 3.0775, 50.6465] as const;

/** Places inside or near the polygon where nothing is delivered. */
export const LILLE_EXCLUSIONS: readonly ExclusionZone[] = [
  { name: 'Citadelle and its park', centre: [3.044, 50.642], radiusM: 650 },
  { name: 'Quai du Wault basin', centre: [3.0555, 50.6385], radiusM: 70 },
];

/** Street clusters of Vieux-Lille and Lille-Centre. */
export const LILLE_CLUSTERS: readonly StreetCluster[] = [
  // Vieux-Lille
  {
    id: 'monnaie',
    centre: [3.0628, 50.6403],
    spreadM: 130,
    weight: 9,
    pedestrian: false,
    streets: ['Rue de la Monnaie', 'Place du Lion d’Or', 'Rue du Cirque', 'Rue des Vieux Murs'],
  },
  {
    id: 'oignons',
    centre: [3.0612, 50.6418],
    spreadM: 110,
    weight: 6,
    pedestrian: false,
    streets: ['Place aux Oignons', 'Rue Basse', 'Rue de la Clef', 'Rue Péterinck'],
  },
  {
    id: 'esquermoise',
    centre: [3.0605, 50.6385],
    spreadM: 130,
    weight: 9,
    pedestrian: false,
    streets: ['Rue Esquermoise', 'Rue Lepelletier', 'Rue de la Barre', 'Rue Basse'],
  },
  {
    id: 'gand',
    centre: [3.068, 50.642],
    spreadM: 170,
    weight: 8,
    pedestrian: false,
    streets: ['Rue de Gand', 'Rue des Arts', 'Rue de Roubaix', 'Rue du Pont Neuf'],
  },
  {
    id: 'royale',
    centre: [3.0585, 50.6418],
    spreadM: 170,
    weight: 6,
    pedestrian: false,
    streets: ['Rue Royale', 'Rue Saint-André', 'Rue d’Angleterre', 'Rue de la Barre'],
  },
  // Lille-Centre: the pedestrian core first
  {
    id: 'grand-place',
    centre: [3.0633, 50.6368],
    spreadM: 110,
    weight: 10,
    pedestrian: true,
    streets: ['Place du Général de Gaulle', 'Rue de la Bourse', 'Place du Théâtre', 'Rue des Manneliers'],
  },
  {
    id: 'rue-neuve',
    centre: [3.0648, 50.6355],
    spreadM: 100,
    weight: 8,
    pedestrian: true,
    streets: ['Rue Neuve', 'Rue du Sec Arembault', 'Rue Saint-Nicolas', 'Rue des Tanneurs'],
  },
  {
    id: 'bethune',
    centre: [3.0625, 50.6335],
    spreadM: 120,
    weight: 10,
    pedestrian: true,
    streets: ['Rue de Béthune', 'Rue Nationale', 'Place Rihour', 'Rue des Ponts de Comines'],
  },
  {
    id: 'faidherbe',
    centre: [3.0678, 50.6365],
    spreadM: 120,
    weight: 7,
    pedestrian: false,
    streets: ['Rue Faidherbe', 'Rue Pierre Mauroy', 'Rue du Molinel', 'Place du Théâtre'],
  },
  {
    id: 'flandres',
    centre: [3.0707, 50.6365],
    spreadM: 200,
    weight: 8,
    pedestrian: false,
    streets: ['Place des Buisses', 'Rue de Tournai', 'Boulevard Carnot', 'Rue du Molinel'],
  },
  {
    id: 'solferino',
    centre: [3.0572, 50.633],
    spreadM: 180,
    weight: 7,
    pedestrian: false,
    streets: ['Rue Masséna', 'Rue Solférino', 'Rue Inkermann', 'Rue de Puebla'],
  },
  {
    id: 'republique',
    centre: [3.0622, 50.6302],
    spreadM: 180,
    weight: 7,
    pedestrian: false,
    streets: ['Place de la République', 'Boulevard de la Liberté', 'Rue Nationale', 'Rue Jacquemars Giélée'],
  },
  {
    id: 'wazemmes',
    centre: [3.056, 50.628],
    spreadM: 150,
    weight: 6,
    pedestrian: false,
    streets: ['Rue Léon Gambetta', 'Rue des Sarrazins', 'Place de la Nouvelle Aventure', 'Rue d’Isly'],
  },
];

/** Towns of the metropolitan ring (and the Dourges Delta 3 platform) where carriers keep their depots. */
export const LILLE_DEPOTS = {
  // Lomme hosts the MIN de Lille (wholesale food market); Dourges the Delta 3 multimodal platform.
  lesquin: { town: 'Lesquin', location: [3.108, 50.589] },
  seclin: { town: 'Seclin', location: [3.03, 50.548] },
  roncq: { town: 'Roncq', location: [3.12, 50.75] },
  dourges: { town: 'Dourges', location: [2.985, 50.438] },
  wattrelos: { town: 'Wattrelos', location: [3.215, 50.702] },
  lomme: { town: 'Lomme', location: [2.985, 50.64] },
  villeneuve: { town: 'Villeneuve-d’Ascq', location: [3.142, 50.632] },
  neuville: { town: 'Neuville-en-Ferrain', location: [3.158, 50.748] },
  courcelles: { town: 'Courcelles-lès-Lens', location: [3.017, 50.417] },
  sequedin: { town: 'Sequedin', location: [2.98, 50.626] },
  wambrechies: { town: 'Wambrechies', location: [3.05, 50.686] },
  templemars: { town: 'Templemars', location: [3.055, 50.571] },
} satisfies Record<string, DepotSite>;
