import type { TimeWindow } from '../contracts/primitives.ts';

/** Kinds of receivers the generator creates. */
export type ReceiverKind =
  'shop' | 'restaurant' | 'bar' | 'pharmacy' | 'office' | 'hotel' | 'clinic' | 'building-site';

/** How a kind of receiver behaves on a delivery day. */
export interface ReceiverKindProfile {
  readonly kind: ReceiverKind;
  /** Share of receivers of this kind in a city-centre day (the weights sum to 1). */
  readonly share: number;
  /** Receiving windows, local time. */
  readonly windows: readonly TimeWindow[];
  /** Minutes at the door per stop, drawn uniformly in [min, max]. */
  readonly serviceMinutes: readonly [number, number];
  /** Orders (each from a different carrier) per receiver, drawn uniformly in [min, max], within 5–10. */
  readonly orders: readonly [number, number];
  /** Size multiplier applied to every order this kind receives (a hotel's linen bag is bigger than an office's). */
  readonly sizeFactor: number;
  /** May sit in the pedestrian core and be cargo-bike only. */
  readonly pedestrianEligible: boolean;
  /** Labels for receiver names. */
  readonly labels: readonly string[];
}

const MORNING_SPLIT: readonly TimeWindow[] = [
  { start: '08:00', end: '10:30' },
  { start: '14:30', end: '16:30' },
];

/**
 * Windows follow the usual rules of French city centres: shops receive before opening and before the
 * lunchtime crowds, restaurants and bars outside service hours, building sites at dawn.
 */
export const RECEIVER_KINDS: readonly ReceiverKindProfile[] = [
  {
    kind: 'shop',
    share: 0.38,
    windows: [{ start: '07:30', end: '11:00' }],
    serviceMinutes: [3, 6],
    orders: [5, 8],
    sizeFactor: 0.9,
    pedestrianEligible: true,
    labels: [
      'Boutique',
      'Librairie',
      'Fleuriste',
      'Opticien',
      'Épicerie fine',
      'Caviste',
      'Chocolatier',
      'Prêt-à-porter',
    ],
  },
  {
    kind: 'restaurant',
    share: 0.14,
    windows: MORNING_SPLIT,
    serviceMinutes: [4, 8],
    orders: [6, 10],
    sizeFactor: 1.1,
    pedestrianEligible: true,
    labels: ['Estaminet', 'Brasserie', 'Restaurant', 'Bistrot', 'Crêperie'],
  },
  {
    kind: 'bar',
    share: 0.08,
    windows: MORNING_SPLIT,
    serviceMinutes: [4, 7],
    orders: [5, 9],
    sizeFactor: 1,
    pedestrianEligible: true,
    labels: ['Café', 'Bar', 'Taverne', 'Bar à bières'],
  },
  {
    kind: 'pharmacy',
    share: 0.06,
    windows: [{ start: '08:00', end: '12:00' }],
    serviceMinutes: [3, 5],
    orders: [5, 8],
    sizeFactor: 0.8,
    pedestrianEligible: true,
    labels: ['Pharmacie'],
  },
  {
    kind: 'office',
    share: 0.16,
    windows: [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ],
    serviceMinutes: [3, 6],
    orders: [5, 7],
    sizeFactor: 0.8,
    pedestrianEligible: true,
    labels: ['Agence', 'Cabinet d’avocats', 'Bureaux', 'Étude notariale', 'Agence immobilière'],
  },
  {
    kind: 'hotel',
    share: 0.07,
    windows: [
      { start: '07:00', end: '11:00' },
      { start: '14:00', end: '17:00' },
    ],
    serviceMinutes: [5, 10],
    orders: [6, 10],
    sizeFactor: 1.2,
    pedestrianEligible: false,
    labels: ['Hôtel'],
  },
  {
    kind: 'clinic',
    share: 0.06,
    windows: [
      { start: '07:30', end: '12:00' },
      { start: '13:30', end: '16:00' },
    ],
    serviceMinutes: [4, 8],
    orders: [5, 9],
    sizeFactor: 1,
    pedestrianEligible: false,
    labels: ['Cabinet médical', 'Laboratoire d’analyses', 'Centre de santé', 'Clinique dentaire'],
  },
  {
    kind: 'building-site',
    share: 0.05,
    windows: [{ start: '06:30', end: '09:00' }],
    serviceMinutes: [8, 10],
    orders: [5, 7],
    sizeFactor: 1.3,
    pedestrianEligible: false,
    labels: ['Chantier'],
  },
];
