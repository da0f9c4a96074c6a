// The dispatcher's view of a plan: map, vehicles with their loads, the day's timeline, run sheets to print
// and the orders the hub could not pool.
import { shareBar } from './charts.js';
import { fill, h, table } from './dom.js';
import { num, t } from './i18n.js';
import { drawPlanMap, removeMap, showVehicle } from './map-view.js';
import { orderIndex, vehicleSummaries } from './plan-figures.js';
import { drawRunSheets } from './runsheet-view.js';
import { state } from './state.js';
import { drawTimeline } from './timeline-view.js';

export function renderDispatcher(root, tileUrl) {
  const { plan, scenario } = state;
  removeMap();
  if (!plan) return fill(root, h('p', { class: 'note' }, t('common.noPlan')));
  const mapBox = h('div', { id: 'map', role: 'region', 'aria-label': t('map.title') });
  const timeline = h('div', { id: 'timeline' });
  const sheets = h('div', { id: 'runsheets' });
  const vehicles = vehicleSummaries(plan.consolidated.routes, scenario, state.vehicleTypes);
  const pick = h(
    'select',
    { id: 'runsheet-vehicle', onchange: (e) => drawRunSheets(sheets, plan, scenario, e.target.value) },
    h('option', { value: '' }, t('runsheet.all')),
    vehicles.map((v) => h('option', { value: v.vehicle }, v.vehicle)),
  );
  const only = h(
    'select',
    { id: 'map-vehicle', onchange: (e) => showVehicle(e.target.value) },
    h('option', { value: '' }, t('runsheet.all')),
    vehicles.map((v) => h('option', { value: v.vehicle }, v.vehicle)),
  );
  fill(
    root,
    plan.meta.warnings.length
      ? h(
          'ul',
          { class: 'warnings panel', id: 'plan-warnings' },
          plan.meta.warnings.map((w) => h('li', {}, w)),
        )
      : undefined,
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('map.title')),
      h('div', { class: 'row' }, h('label', {}, t('map.show'), ' ', only)),
      mapBox,
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('vehicles.title')), vehicleTable(vehicles)),
    h('section', { class: 'panel' }, h('h2', {}, t('timeline.title')), timeline),
    h(
      'section',
      { class: 'panel runsheets-panel' },
      h('h2', {}, t('runsheet.title')),
      h(
        'div',
        { class: 'row no-print' },
        h('label', {}, t('runsheet.vehicle'), ' ', pick),
        h('button', { type: 'button', onclick: () => window.print() }, t('runsheet.print')),
      ),
      sheets,
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('unassigned.title')), unassignedTable(plan, scenario)),
  );
  drawPlanMap(mapBox, plan, scenario, tileUrl);
  drawTimeline(timeline, plan);
  drawRunSheets(sheets, plan, scenario, '');
}

function vehicleTable(vehicles) {
  const hours = (min) => {
    const m = Math.round(min);
    return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
  };
  // a vehicle's name shows its trips alone on the map
  const focus = (vehicle) => () => {
    const select = document.getElementById('map-vehicle');
    if (select) select.value = vehicle;
    showVehicle(vehicle);
    document.getElementById('map')?.scrollIntoView({ behavior: 'smooth' });
  };
  return table(
    [
      t('vehicles.vehicle'),
      t('vehicles.type'),
      t('vehicles.trips'),
      t('vehicles.stops'),
      t('vehicles.km'),
      t('vehicles.time'),
      t('vehicles.load'),
      t('vehicles.energy'),
      t('vehicles.co2e'),
    ],
    vehicles.map((v) => [
      h('button', { type: 'button', class: 'link', onclick: focus(v.vehicle) }, v.vehicle),
      v.vehicleType,
      { v: String(v.trips.length), cls: 'num' },
      { v: String(v.stops), cls: 'num' },
      { v: num(v.distanceKm), cls: 'num' },
      { v: hours(v.durationMin), cls: 'num' },
      h(
        'div',
        { class: 'loads' },
        v.loads.map((l) => {
          const text = `${l.dimension}: ${num(l.peak)}${l.capacity ? ` / ${num(l.capacity)}` : ''}`;
          return h(
            'div',
            { class: 'load' },
            h('span', { class: 'load-label' }, text),
            shareBar(l.share, text),
          );
        }),
      ),
      { v: num(v.energyKWh), cls: 'num' },
      { v: num(v.co2eKg), cls: 'num' },
    ]),
    { id: 'vehicle-list' },
  );
}

function unassignedTable(plan, scenario) {
  const list = plan.consolidated.unassigned;
  if (list.length === 0) return h('p', { id: 'unassigned' }, t('unassigned.none'));
  const orders = orderIndex(scenario);
  return table(
    [t('unassigned.order'), t('unassigned.carrier'), t('unassigned.receiver'), t('unassigned.reason')],
    list.map((u) => [
      u.orderId,
      orders.get(u.orderId)?.carrierId ?? '',
      orders.get(u.orderId)?.receiverId ?? '',
      `${t(`reason.${u.reason}`)}${u.detail ? ` (${u.detail})` : ''}`,
    ]),
    { id: 'unassigned' },
  );
}
