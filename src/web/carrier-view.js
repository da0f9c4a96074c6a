// A carrier's view: its own orders and their fate, its hub arrival slots and its share; nothing of the other
// carriers. A carrier key reads its orders through GET /v1/orders and its share of a plan (cost row and
// emission statement) through GET /v1/plans/{id}/share (the API scopes both to the key's carrier); it cannot
// open a plan itself, so statuses and slots need a plan opened by a dispatcher or planner key.
import { api } from './api-client.js';
import { ownSharePanel } from './carrier-share.js';
import { fill, h, table } from './dom.js';
import { num, t } from './i18n.js';
import { carrierOrders } from './plan-figures.js';
import { state } from './state.js';

/** Kept across re-renders. */
const view = { carrierId: '', apiOrders: undefined, error: '' };

export function renderCarrier(root) {
  const { plan, scenario } = state;
  const carriers = scenario?.carriers ?? [];
  if (!view.carrierId && carriers[0]) view.carrierId = carriers[0].id;
  const pick = h(
    'select',
    { id: 'carrier-pick', onchange: (e) => ((view.carrierId = e.target.value), renderCarrier(root)) },
    carriers.map((c) => h('option', { value: c.id, selected: c.id === view.carrierId }, c.name ?? c.id)),
  );
  const hub = h('input', {
    id: 'carrier-hub',
    size: 8,
    value: state.hubDay?.hubId ?? scenario?.hubs?.[0]?.id ?? '',
  });
  const date = h('input', { id: 'carrier-date', type: 'date', value: scenario?.date ?? '' });
  const load = async () => {
    try {
      view.error = '';
      view.apiOrders = (
        await api.get(
          `/v1/orders?hub=${encodeURIComponent(hub.value)}&date=${encodeURIComponent(date.value)}`,
        )
      ).orders;
    } catch (err) {
      view.error = t('common.error', { message: err instanceof Error ? err.message : String(err) });
    }
    renderCarrier(root);
  };
  fill(
    root,
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('carrier.title')),
      h('div', { class: 'row' }, h('label', {}, t('carrier.pick'), ' ', pick)),
      h(
        'div',
        { class: 'row' },
        h('span', {}, t('carrier.fromApi'), ': '),
        h('label', {}, t('source.hub'), ' ', hub),
        h('label', {}, t('source.date'), ' ', date),
        h('button', { type: 'button', onclick: load }, t('carrier.load')),
      ),
      view.error ? h('p', { class: 'error' }, view.error) : undefined,
    ),
    ownSharePanel(state.planId, () => renderCarrier(root)),
    view.apiOrders
      ? h('section', { class: 'panel' }, h('h2', {}, t('carrier.fromApi')), apiOrdersTable(view.apiOrders))
      : undefined,
    plan && view.carrierId
      ? planPart(plan, scenario, view.carrierId)
      : h('p', { class: 'note' }, t('carrier.noPlanAccess')),
  );
}

function apiOrdersTable(orders) {
  return table(
    [t('unassigned.order'), t('unassigned.receiver'), 'kg', t('carrier.status')],
    orders.map((o) => [o.id, o.receiverId, { v: num(o.size.kg), cls: 'num' }, t('carrier.received')]),
    { id: 'carrier-api-orders' },
  );
}

function planPart(plan, scenario, carrierId) {
  const share = plan.allocation.find((a) => a.carrierId === carrierId);
  // consolidated.trunk: one entry per trunk trip with carrierIds and times (older plans: per carrier, no times)
  // (second-echelon feeders, platform to micro-hub, are no slot of the carrier's)
  const slots = (plan.consolidated.trunk ?? []).filter(
    (leg) => (leg.carrierIds ?? [leg.carrierId]).includes(carrierId) && leg.arrival && leg.echelon !== 2,
  );
  const rows = carrierOrders(plan, scenario, carrierId);
  return [
    share
      ? h(
          'section',
          { class: 'panel' },
          h('h2', {}, t('carrier.share')),
          table(
            [t('allocation.standalone'), t('allocation.allocated'), t('allocation.saving')],
            [
              [
                { v: num(share.standaloneCost, 2), cls: 'num' },
                { v: num(share.allocatedCost, 2), cls: 'num' },
                { v: num(share.saving, 2), cls: 'num' },
              ],
            ],
            { id: 'carrier-share' },
          ),
        )
      : undefined,
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('carrier.slots')),
      slots.length
        ? table(
            [t('source.hub'), t('runsheet.departure'), t('runsheet.arrival'), 'kg'],
            slots.map((s) => [
              s.hubId,
              s.departure ?? '',
              s.arrival,
              { v: num(s.load?.kg ?? 0), cls: 'num' },
            ]),
          )
        : h('p', { class: 'note' }, t('carrier.noSlots')),
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('carrier.orders')),
      table(
        [t('unassigned.order'), t('unassigned.receiver'), 'kg', t('carrier.status')],
        rows.map((r) => [
          r.order.id,
          r.order.receiverId,
          { v: num(r.order.size.kg), cls: 'num' },
          r.status === 'pooled'
            ? t('carrier.pooled', { vehicle: r.vehicle, arrival: r.arrival })
            : t('carrier.notPooled', { reason: r.reason ? t(`reason.${r.reason}`) : '' }),
        ]),
        { id: 'carrier-orders' },
      ),
    ),
  ];
}
