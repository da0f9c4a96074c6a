import { InputError } from '../domain/errors.ts';
import { intensityGPerTkm, type EmissionAllocation } from './emission-shares.ts';

/**
 * One transport chain element of ISO 14083 (trunk legs, hub operations, pooled runs, carriers' residual
 * rounds; any label the caller uses): its emissions, its activity and its intensity. Transport elements are
 * measured in tonne-km (g CO2e / t-km); hub operations in tonnes handled (g CO2e / t), as GLEC reports them.
 */
export interface ChainElementSummary {
  readonly element: string;
  readonly kind: 'transport' | 'hub';
  readonly wtwCo2eG: number;
  readonly ttwCo2eG: number;
  readonly tonneKm: number;
  /** Tonnes carried (summed over trips) or handled (summed over hubs). */
  readonly tonnes: number;
  readonly wtwIntensityGPerTkm: number | undefined;
  readonly ttwIntensityGPerTkm: number | undefined;
  /** For hubs: WTW grams per tonne handled. */
  readonly wtwIntensityGPerTonne: number | undefined;
}

/** The elements of an allocation, in the order they first appear; their grams add up to the allocation's total. */
export function chainElementSummary(allocation: EmissionAllocation): ChainElementSummary[] {
  const acc = new Map<
    string,
    { kind: 'transport' | 'hub'; wtw: number; ttw: number; tkm: number; t: number }
  >();
  for (const s of allocation.shares) {
    const a = acc.get(s.element) ?? { kind: s.kind, wtw: 0, ttw: 0, tkm: 0, t: 0 };
    if (a.kind !== s.kind)
      throw new InputError('INVALID_VALUE', `element label '${s.element}' names both trips and hubs`, {
        field: 'element',
      });
    a.wtw += s.wtwCo2eG;
    a.ttw += s.ttwCo2eG;
    a.tkm += s.tonneKm;
    a.t += s.tonnes;
    acc.set(s.element, a);
  }
  return [...acc].map(([element, a]) => ({
    element,
    kind: a.kind,
    wtwCo2eG: a.wtw,
    ttwCo2eG: a.ttw,
    tonneKm: a.tkm,
    tonnes: a.t,
    wtwIntensityGPerTkm: a.kind === 'transport' ? intensityGPerTkm(a.wtw, a.tkm) : undefined,
    ttwIntensityGPerTkm: a.kind === 'transport' ? intensityGPerTkm(a.ttw, a.tkm) : undefined,
    wtwIntensityGPerTonne: a.kind === 'hub' && a.t > 0 ? a.wtw / a.t : undefined,
  }));
}
