// A receiver's day: the vans that call today, one per carrier round, against the pooled visit(s).
import { fill, h, s } from './dom.js';
import { t } from './i18n.js';
import { clockOf, minutesOf, receiverDay, receiversByBaselineVisits } from './plan-figures.js';
import { state } from './state.js';

const view = { receiverId: '' };

export function renderReceiver(root) {
  const { plan, scenario } = state;
  if (!plan) return fill(root, h('p', { class: 'note' }, t('common.noPlan')));
  const names = new Map((scenario?.receivers ?? []).map((r) => [r.id, r.name ?? r.id]));
  const carriers = new Map((scenario?.carriers ?? []).map((c) => [c.id, c.name ?? c.id]));
  const ranked = receiversByBaselineVisits(plan);
  if (!ranked.some((r) => r.id === view.receiverId)) view.receiverId = ranked[0]?.id ?? '';
  const pick = h(
    'select',
    { id: 'receiver-pick', onchange: (e) => ((view.receiverId = e.target.value), renderReceiver(root)) },
    ranked.map((r) =>
      h(
        'option',
        { value: r.id, selected: r.id === view.receiverId },
        `${names.get(r.id) ?? r.id} (${r.visits})`,
      ),
    ),
  );
  const day = receiverDay(plan, view.receiverId);
  const times = (visits) => visits.map((v) => v.arrival).join(', ');
  const who = (v) => `${carriers.get(v.start) ?? v.start}, ${v.vehicleType}`;
  fill(
    root,
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('receiver.title')),
      h('label', {}, t('receiver.pick'), ' ', pick),
      h(
        'p',
        { id: 'receiver-summary' },
        t('receiver.summary', {
          before: day.baseline.length,
          times: times(day.baseline),
          after: day.pooled.length,
          pooledTimes: times(day.pooled),
        }),
      ),
      dayStrip(day),
    ),
    h(
      'div',
      { class: 'two-columns' },
      visitList('receiver-baseline', t('receiver.baseline'), day.baseline, who),
      visitList('receiver-pooled', t('receiver.pooled'), day.pooled, (v) => v.vehicle),
    ),
  );
}

/** The visits of one side, in time order: when, who (`who(visit)`), how many orders. */
function visitList(id, title, visits, who) {
  return h(
    'section',
    { class: 'panel' },
    h('h3', {}, title),
    h(
      'ol',
      { id },
      visits.map((v) =>
        h(
          'li',
          {},
          t(v.orders === 1 ? 'receiver.visitOne' : 'receiver.visit', {
            time: v.arrival,
            who: who(v),
            orders: v.orders,
          }),
        ),
      ),
    ),
  );
}

/** Two lanes on one time axis: a tick per baseline visit above, the pooled visit(s) below. */
function dayStrip(day) {
  const all = [...day.baseline, ...day.pooled].map((v) => minutesOf(v.arrival) ?? 0);
  const first = Math.floor(Math.min(...all, 24 * 60) / 60) * 60;
  const last = Math.max(first + 120, Math.ceil(Math.max(...all, 0) / 60) * 60);
  const x = (m) => 160 + ((m - first) / (last - first)) * 620;
  const hours = [];
  for (let m = first; m <= last; m += 60)
    hours.push(
      s('line', { x1: x(m), x2: x(m), y1: 10, y2: 90, class: 'tick' }),
      s('text', { x: x(m), y: 105, 'text-anchor': 'middle', class: 'tick-label' }, clockOf(m)),
    );
  const lane = (visits, y, cls) =>
    visits.map((v) =>
      s(
        'circle',
        { cx: x(minutesOf(v.arrival) ?? 0), cy: y, r: 7, class: cls },
        s('title', {}, `${v.arrival} ${v.vehicle}`),
      ),
    );
  return s(
    'svg',
    { viewBox: '0 0 800 110', class: 'receiver-strip', role: 'img', 'aria-label': t('receiver.title') },
    hours,
    s('text', { x: 150, y: 34, 'text-anchor': 'end' }, t('kpis.before')),
    s('text', { x: 150, y: 74, 'text-anchor': 'end' }, t('kpis.after')),
    lane(day.baseline, 30, 'visit-baseline'),
    lane(day.pooled, 70, 'visit-pooled'),
  );
}
