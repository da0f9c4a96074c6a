import type { CarrierShare, Plan, PlanEmissionTotals } from '../contracts/index.ts';
import { textTable } from '../io/text-table.ts';

const fixed = (x: number | null, digits: number): string => (x === null ? '–' : x.toFixed(digits));

/** The plan's ISO 14083 transport chain elements, both plans: WTW and TTW CO2e, tonne-km and intensities. */
export function formatEmissionElements(plan: Plan): string {
  const e = plan.emissions;
  const rows = e.elements.map((x) => [
    `${x.plan} ${x.element}`,
    String(x.count),
    x.wtwCo2eKg.toFixed(1),
    x.ttwCo2eKg.toFixed(1),
    x.tonneKm.toFixed(1),
    x.kind === 'hub' ? `${fixed(x.wtwGPerTonne, 0)} g/t` : fixed(x.wtwGPerTkm, 0),
    fixed(x.ttwGPerTkm, 0),
  ]);
  return [
    'Emissions by transport chain element (ISO 14083 / GLEC v3; activity = mass x distance from each trip start):',
    textTable(['Element', 'Trips/hubs', 'WTW kg', 'TTW kg', 't-km', 'WTW g/t-km', 'TTW g/t-km'], rows),
  ].join('\n');
}

const totalsRow = (label: string, t: PlanEmissionTotals): string[] => [
  label,
  t.tonneKm.toFixed(3),
  t.wtwCo2eKg.toFixed(3),
  t.ttwCo2eKg.toFixed(3),
  fixed(t.wtwGPerTkm, 1),
];

/** One carrier's GLEC-style statement, as `picon report --carrier` prints it: its own figures only. */
export function formatCarrierStatement(share: CarrierShare): string {
  const e = share.emissions;
  const c = share.cost;
  const served = (t: PlanEmissionTotals | null): string => (t ? '' : ' (not served)');
  const orders = textTable(
    ['Order', 'Baseline t-km', 'Baseline kg CO2e', 'Pooled t-km', 'Pooled kg CO2e', 'Pooled g/t-km'],
    e.consignments.map((o) => [
      o.orderId + served(o.consolidated),
      o.baseline ? o.baseline.tonneKm.toFixed(3) : '–',
      o.baseline ? o.baseline.wtwCo2eKg.toFixed(3) : '–',
      o.consolidated ? o.consolidated.tonneKm.toFixed(3) : '–',
      o.consolidated ? o.consolidated.wtwCo2eKg.toFixed(3) : '–',
      fixed(o.consolidated?.wtwGPerTkm ?? null, 1),
    ]),
  );
  const s = share.scenario;
  return [
    `Carrier statement: ${share.carrierId} — ${s.name} ${s.date} (seed ${s.seed}, ${s.effort} effort)`,
    '',
    `Cost (${share.allocationMethod.split(':')[0]}): alone ${c.standaloneCost.toFixed(2)} EUR, pooled ` +
      `${c.allocatedCost.toFixed(2)} EUR, saving ${c.saving.toFixed(2)} EUR`,
    '',
    `Emissions (${e.method.standard}), ${e.orders} orders:`,
    textTable(
      ['', 't-km', 'WTW kg CO2e', 'TTW kg CO2e', 'WTW g/t-km'],
      [totalsRow('Alone (baseline)', e.baseline), totalsRow('Pooled', e.consolidated)],
    ),
    `Pooling saves ${e.wtwSavedKg.toFixed(3)} kg CO2e WTW` +
      (e.baseline.wtwCo2eKg > 0 ? ` (${((100 * e.wtwSavedKg) / e.baseline.wtwCo2eKg).toFixed(1)} %).` : '.'),
    '',
    orders,
    '',
    'Method (ISO 14083 disclosure):',
    `  Allocation: ${e.method.transportAllocation}.`,
    `  Hubs: ${e.method.hubAllocation}.`,
    `  Distance basis: ${e.method.distanceBasis}.`,
    `  Rounding: ${e.method.rounding}.`,
    '  Factors:',
    ...e.factors.map(
      (f) =>
        `    ${f.appliesTo}: ${f.wtw} ${f.unit} WTW, TTW ${(100 * f.ttwShare).toFixed(1)} % of it ` +
        `(${f.dataType} data). ${f.source}`,
    ),
    '',
  ].join('\n');
}
