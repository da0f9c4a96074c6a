/** A load or capacity per dimension, as printed on the wire. */
export interface Load {
  kg: number;
  m3: number;
  units: number;
}

export const DIMENSIONS = ['kg', 'm3', 'units'] as const;
export const zeroLoad = (): Load => ({ kg: 0, m3: 0, units: 0 });

export function addTo(load: Load, size: readonly [number, number, number], sign: 1 | -1): void {
  load.kg += sign * size[0];
  load.m3 += sign * size[1];
  load.units += sign * size[2];
}

export const showLoad = (l: Load): string =>
  `${Number(l.kg.toFixed(3))} kg, ${Number(l.m3.toFixed(3))} m3, ${Number(l.units.toFixed(3))} units`;
