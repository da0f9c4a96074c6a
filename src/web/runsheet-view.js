// Printable run sheets, one section per vehicle (one printed page each, print CSS), each trip a table of
// its stops with the receiver's name, arrival and what to deliver and collect.
import { h, table } from './dom.js';
import { num, t } from './i18n.js';
import { orderIndex, vehicleSummaries } from './plan-figures.js';

export function drawRunSheets(container, plan, scenario, vehicle) {
  const orders = orderIndex(scenario);
  const names = new Map((scenario?.receivers ?? []).map((r) => [r.id, r.name ?? r.id]));
  const kgOf = (ids, kind) =>
    ids.reduce((sum, id) => {
      const o = orders.get(id);
      return o && (o.kind ?? 'delivery') === kind ? sum + o.size.kg : sum;
    }, 0);
  const vehicles = vehicleSummaries(plan.consolidated.routes, scenario, []).filter(
    (v) => !vehicle || v.vehicle === vehicle,
  );
  container.replaceChildren(
    ...vehicles.map((v) =>
      h(
        'section',
        { class: 'runsheet', 'data-vehicle': v.vehicle },
        h('h3', {}, `${t('runsheet.vehicle')} ${v.vehicle} (${v.vehicleType})`),
        h('p', { class: 'runsheet-day' }, `${plan.scenario.name} · ${plan.scenario.date}`),
        v.trips.map((trip) => [
          h(
            'h4',
            {},
            t('runsheet.trip', {
              trip: trip.trip,
              departure: trip.departure,
              returnAt: trip.returnAt,
              km: num(trip.distanceKm),
            }),
          ),
          table(
            [
              t('runsheet.seq'),
              t('runsheet.arrival'),
              t('runsheet.departure'),
              t('runsheet.receiver'),
              t('runsheet.orders'),
              t('runsheet.deliverKg'),
              t('runsheet.pickupKg'),
            ],
            trip.stops.map((stop, i) => [
              String(i + 1),
              stop.arrival,
              stop.departure,
              names.get(stop.receiverId) ?? stop.receiverId,
              String(stop.orderIds.length),
              { v: num(kgOf(stop.orderIds, 'delivery')), cls: 'num' },
              { v: num(kgOf(stop.orderIds, 'pickup')), cls: 'num' },
            ]),
            { class: 'runsheet-table' },
          ),
        ]),
      ),
    ),
  );
}
