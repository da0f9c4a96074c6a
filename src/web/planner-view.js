// The planner's view: before/after KPI cards, the saving by cause, the carriers' shares, downloads, and
// variants compared side by side (POST /v1/comparisons).
import { api, followComparison } from './api-client.js';
import { groupedBars } from './charts.js';
import { download, fill, fixtureOptions, h, jsonFileInput, table } from './dom.js';
import { num, t } from './i18n.js';
import { kpiCards, savingsRows } from './plan-figures.js';
import { showPlan } from './day-panel.js';
import { state } from './state.js';

const BEFORE = '#8c510a';
const AFTER = '#01665e';
/** A comparison picked or uploaded, and its result: kept across re-renders. */
const compare = { source: '', spec: undefined, id: '', result: undefined, status: '' };

export function renderPlanner(root) {
  const { plan } = state;
  fill(
    root,
    plan
      ? [
          h('section', { class: 'panel' }, h('h2', {}, t('kpis.title')), kpiSection(plan)),
          h('section', { class: 'panel' }, h('h2', {}, t('savings.title')), savingsTable(plan)),
          h('section', { class: 'panel' }, h('h2', {}, t('allocation.title')), allocationSection(plan)),
          h('section', { class: 'panel' }, h('h2', {}, t('downloads.title')), downloads(plan)),
        ]
      : h('p', { class: 'note' }, t('common.noPlan')),
    h('section', { class: 'panel', id: 'compare' }, h('h2', {}, t('compare.title')), compareSection()),
  );
}

const DIGITS = { vehicles: 0, tripsIncludingTrunk: 0, deliveriesPerReceiver: 2, fillRate: 3 };

function kpiSection(plan) {
  return h(
    'div',
    { id: 'kpis', class: 'cards' },
    kpiCards(plan).map((c) =>
      h(
        'div',
        { class: 'card', 'data-kpi': c.key },
        h('h3', {}, t(`kpi.${c.key}`)),
        h(
          'p',
          {},
          h('span', { class: 'before', title: t('kpis.before') }, num(c.before, DIGITS[c.key] ?? 1)),
          ' → ',
          h('span', { class: 'after', title: t('kpis.after') }, num(c.after, DIGITS[c.key] ?? 1)),
        ),
        h(
          'p',
          { class: c.savedPct >= 0 ? 'change less' : 'change more' },
          t(c.savedPct >= 0 ? 'kpi.saved' : 'kpi.more', { pct: num(Math.abs(c.savedPct)) }),
        ),
      ),
    ),
  );
}

function savingsTable(plan) {
  return table(
    [t('savings.metric'), t('savings.vehicleTechnology'), t('savings.consolidation'), t('savings.total')],
    savingsRows(plan).map((r) => [
      t(`kpi.${r.key}`),
      { v: num(r.vehicleTechnology), cls: 'num' },
      { v: num(r.consolidation), cls: 'num' },
      { v: num(r.total), cls: 'num' },
    ]),
    { id: 'savings' },
  );
}

function allocationSection(plan) {
  const names = new Map((state.scenario?.carriers ?? []).map((c) => [c.id, c.name ?? c.id]));
  const rows = plan.allocation;
  return h(
    'div',
    {},
    table(
      [
        t('allocation.carrier'),
        t('allocation.standalone'),
        t('allocation.allocated'),
        t('allocation.saving'),
      ],
      rows.map((a) => [
        names.get(a.carrierId) ?? a.carrierId,
        { v: num(a.standaloneCost, 2), cls: 'num' },
        { v: num(a.allocatedCost, 2), cls: 'num' },
        { v: num(a.saving, 2), cls: 'num' },
      ]),
      { id: 'allocation' },
    ),
    groupedBars({
      title: t('allocation.title'),
      categories: rows.map((a) => names.get(a.carrierId) ?? a.carrierId),
      series: [t('allocation.standalone'), t('allocation.allocated')],
      values: rows.map((a) => [a.standaloneCost, a.allocatedCost]),
      colours: [BEFORE, AFTER],
    }),
  );
}

function downloads(plan) {
  const id = state.planId;
  const fetchAndSave = (path, name) => async () => download(name, await api.blob(path));
  return h(
    'div',
    { class: 'row' },
    h(
      'button',
      {
        type: 'button',
        id: 'download-geojson',
        onclick: fetchAndSave(`/v1/plans/${id}/geojson`, `${id}.geojson`),
      },
      t('downloads.geojson'),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'download-csv',
        onclick: fetchAndSave(`/v1/plans/${id}/runsheets.csv`, `${id}-runsheets.csv`),
      },
      t('downloads.csv'),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'download-json',
        onclick: () =>
          download(`${id}.json`, new Blob([JSON.stringify(plan, null, 2)], { type: 'application/json' })),
      },
      t('downloads.json'),
    ),
  );
}

function compareSection() {
  const box = h('div', {});
  const status = h('p', { id: 'compare-status', role: 'status', 'aria-live': 'polite' }, compare.status);
  const say = (text) => {
    compare.status = text;
    status.textContent = text;
  };
  const fail = (err) => say(t('common.error', { message: err instanceof Error ? err.message : String(err) }));
  /** A new comparison to run: its variants to pick, the previous result gone. */
  const setSpec = (source, spec) => {
    compare.source = source;
    compare.spec = spec;
    compare.result = undefined;
    document.getElementById('compare-result')?.remove();
    fill(box, variantsForm(say));
  };
  const comparisons = state.fixtures.filter((f) => f.kind === 'comparison');
  const pick = h(
    'select',
    {
      id: 'comparison-file',
      onchange: async (e) => {
        const path = e.target.value;
        try {
          setSpec(path, path ? await api.asset(`/dashboard/fixtures/${path}`) : undefined);
        } catch (err) {
          fail(err);
        }
      },
    },
    fixtureOptions(comparisons, compare.source),
  );
  const upload = jsonFileInput('comparison-upload', (spec, name) => setSpec(name, spec), fail);
  fill(box, variantsForm(say));
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'row' },
      h('label', {}, t('compare.file'), ' ', pick),
      h('label', {}, t('planner.upload'), ' ', upload),
    ),
    box,
    status,
    compare.result ? comparisonResult(compare.id, compare.result) : undefined,
  );
}

/** Checkboxes of the variants, then Compare. */
function variantsForm(say) {
  if (!compare.spec) return undefined;
  const variants = compare.spec.variants ?? [];
  const boxes = variants.map((v, i) =>
    h('input', { type: 'checkbox', value: String(i), checked: i < 2, 'data-variant': v.name }),
  );
  return h(
    'div',
    { id: 'variant-picker' },
    h(
      'ul',
      {},
      variants.map((v, i) => h('li', {}, h('label', { title: v.description ?? '' }, boxes[i], ' ', v.name))),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'compare-button',
        onclick: async () => {
          const chosen = variants.filter((_, i) => boxes[i].checked);
          if (chosen.length === 0) return say(t('compare.pick'));
          try {
            const effort =
              /** @type {HTMLSelectElement|null} */ (document.getElementById('effort'))?.value ?? 'quick';
            // a shipped comparison comes expanded (each variant's scenario); an uploaded one is sent as written
            const body = compare.spec.base
              ? { ...compare.spec, base: withEffort(compare.spec.base, effort), variants: chosen }
              : { variants: chosen.map((v) => ({ name: v.name, scenario: withEffort(v.scenario, effort) })) };
            const { id } = await api.post('/v1/comparisons', body);
            const view = await followComparison(id, (v) =>
              say(t('compare.progress', { done: v.progress.variantsDone, total: v.progress.variants })),
            );
            if (view.status !== 'completed')
              return say(t('progress.failed', { error: view.error ?? view.status }));
            compare.id = id;
            compare.result = view.result;
            say(t('compare.done'));
            document.getElementById('compare-result')?.remove();
            document.getElementById('compare')?.append(comparisonResult(id, view.result));
          } catch (err) {
            say(t('common.error', { message: err instanceof Error ? err.message : String(err) }));
          }
        },
      },
      t('compare.run'),
    ),
  );
}

const withEffort = (scenario, effort) => ({ ...scenario, options: { ...scenario.options, effort } });

const COMPARED = [
  'vehicleKm',
  'co2eKg',
  'energyKWh',
  'vehicles',
  'tripsIncludingTrunk',
  'deliveriesPerReceiver',
];

function comparisonResult(id, result) {
  const variants = result.variants;
  const metric = h(
    'select',
    { id: 'compare-metric', onchange: (e) => chart.replaceChildren(bars(e.target.value)) },
    COMPARED.map((k) => h('option', { value: k }, t(`kpi.${k}`))),
  );
  const bars = (key) =>
    groupedBars({
      title: t(`kpi.${key}`),
      categories: variants.map((v) => v.name),
      series: [t('kpis.before'), t('kpis.after')],
      values: variants.map((v) => [v.kpis.baseline[key], v.kpis.consolidated[key]]),
      colours: [BEFORE, AFTER],
    });
  const chart = h('div', { id: 'compare-bars' }, bars(COMPARED[0]));
  return h(
    'div',
    { id: 'compare-result', 'data-comparison-id': id },
    table(
      [t('compare.metric'), ...variants.map((v) => v.name)],
      COMPARED.map((k) => [
        t(`kpi.${k}`),
        ...variants.map((v) => ({
          v: `${num(v.kpis.baseline[k])} → ${num(v.kpis.consolidated[k])}`,
          cls: 'num',
        })),
      ]).concat(
        ['vehicleTechnology', 'consolidation'].map((cause) => [
          t(`compare.co2eSaved.${cause}`),
          ...variants.map((v) => ({ v: num(v.savingsBreakdown[cause].co2eKg), cls: 'num' })),
        ]),
        [
          [
            t('unassigned.title'),
            ...variants.map((v) => ({ v: String(v.ordersNotPooled ?? 0), cls: 'num' })),
          ],
        ],
      ),
      { id: 'compare-table' },
    ),
    // what a reader of the figures must know (different deliveries compared, time cap hit): the plans say it
    h(
      'ul',
      { class: 'warnings', id: 'compare-warnings' },
      variants.flatMap((v) => (v.warnings ?? []).map((w) => h('li', {}, `${v.name}: ${w}`))),
    ),
    h(
      'div',
      { class: 'row' },
      variants.map((v) =>
        h(
          'button',
          { type: 'button', class: 'open-variant', onclick: () => openVariant(v) },
          t('compare.open', { name: v.name }),
        ),
      ),
    ),
    h('label', {}, t('compare.metric'), ' ', metric),
    chart,
  );
}

/** A variant's plan in the other views, with its scenario when the comparison came expanded (a shipped one). */
async function openVariant(variant) {
  try {
    const view = await api.get(`/v1/plans/${encodeURIComponent(variant.planId)}`);
    const scenario = compare.spec?.variants?.find((v) => v.name === variant.name)?.scenario;
    showPlan(variant.planId, view.result, scenario);
    location.hash = '#dispatcher';
  } catch (err) {
    const status = document.getElementById('compare-status');
    if (status)
      status.textContent = t('common.error', { message: err instanceof Error ? err.message : String(err) });
  }
}
