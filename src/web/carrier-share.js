// A carrier's own share of a plan, as a carrier key reads it: GET /v1/plans/{id}/share answers a carrier key
// with its own cost row and GLEC emission statement only (and nothing of any other carrier), so this panel
// shows exactly that response: allocated cost against stand-alone, saving, marginal cost, the rule, and the
// tonne-km, CO2e and intensity of its orders alone and pooled.
import { api } from './api-client.js';
import { h, table } from './dom.js';
import { num, t } from './i18n.js';

/** Kept across re-renders: the plan id asked for, the share the API gave, or its error. */
const view = { planId: '', share: undefined, error: '' };

/** The form (a plan id) and, once loaded, the share; `rerender` redraws the carrier view. */
export function ownSharePanel(defaultPlanId, rerender) {
  const input = h('input', { id: 'carrier-plan-id', size: 30, value: view.planId || defaultPlanId || '' });
  const load = async () => {
    view.planId = input.value.trim();
    view.error = '';
    view.share = undefined;
    try {
      // no ?carrier=: the API answers a carrier key with its own share, and refuses any other key
      view.share = await api.get(`/v1/plans/${encodeURIComponent(view.planId)}/share`);
    } catch (err) {
      view.error = t('common.error', { message: err instanceof Error ? err.message : String(err) });
    }
    rerender();
  };
  return h(
    'section',
    { class: 'panel' },
    h('h2', {}, t('share.title')),
    h(
      'div',
      { class: 'row' },
      h('label', {}, t('share.planId'), ' ', input),
      h('button', { type: 'button', id: 'carrier-share-load', onclick: load }, t('share.load')),
    ),
    h('p', { class: 'note' }, t('share.note', { id: '{id}' })),
    view.error ? h('p', { class: 'error', id: 'carrier-share-error' }, view.error) : undefined,
    view.share ? shareFigures(view.share) : undefined,
  );
}

const eur = (x) => ({ v: x === undefined ? '–' : num(x, 2), cls: 'num' });
const figure = (x, digits) => ({ v: x === null || x === undefined ? '–' : num(x, digits), cls: 'num' });

function shareFigures(share) {
  const { cost, emissions } = share;
  const { baseline, consolidated } = emissions;
  return h(
    'div',
    { id: 'carrier-own-share', 'data-carrier': share.carrierId },
    h(
      'p',
      {},
      t('share.of', {
        carrier: share.carrierId,
        name: share.scenario.name ?? '',
        date: share.scenario.date ?? '',
      }),
    ),
    table(
      [t('share.figure'), 'EUR'],
      [
        [t('allocation.standalone'), eur(cost.standaloneCost)],
        [t('allocation.allocated'), eur(cost.allocatedCost)],
        [t('allocation.saving'), eur(cost.saving)],
        [t('share.marginal'), eur(cost.marginalCost)],
      ],
      { id: 'carrier-own-cost' },
    ),
    h('p', { id: 'carrier-own-method' }, `${t('share.method')}: ${cost.method}. ${share.allocationMethod}`),
    h('h3', {}, t('share.emissions', { orders: emissions.orders })),
    table(
      [t('share.figure'), t('allocation.standalone'), t('share.pooled')],
      [
        [t('share.tonneKm'), figure(baseline.tonneKm, 3), figure(consolidated.tonneKm, 3)],
        [t('share.wtw'), figure(baseline.wtwCo2eKg, 3), figure(consolidated.wtwCo2eKg, 3)],
        [t('share.ttw'), figure(baseline.ttwCo2eKg, 3), figure(consolidated.ttwCo2eKg, 3)],
        [t('share.intensity'), figure(baseline.wtwGPerTkm, 1), figure(consolidated.wtwGPerTkm, 1)],
      ],
      { id: 'carrier-own-emissions' },
    ),
    table(
      [t('unassigned.order'), t('share.wtwAlone'), t('share.wtwPooled'), t('share.tonneKmPooled')],
      emissions.consignments.map((c) => [
        c.orderId,
        figure(c.baseline?.wtwCo2eKg, 3),
        figure(c.consolidated?.wtwCo2eKg, 3),
        figure(c.consolidated?.tonneKm, 3),
      ]),
      { id: 'carrier-own-consignments' },
    ),
    h(
      'p',
      { id: 'carrier-own-emission-method' },
      t('share.emissionMethod', {
        saved: num(emissions.wtwSavedKg, 3),
        standard: emissions.method.standard,
        allocation: emissions.method.transportAllocation,
        distance: emissions.method.distanceBasis,
      }),
    ),
  );
}
