// The day being planned, shared by every view: a shipped day, an uploaded scenario, or a hub's orders from the
// API; then "plan" (POST /v1/plans or the hub-day route) with live progress over SSE, or open a plan by id.
import { api, followPlan } from './api-client.js';
import { fill, fixtureOptions, h, jsonFileInput, table } from './dom.js';
import { t } from './i18n.js';
import { naturalCompare } from './plan-figures.js';
import { state, update } from './state.js';

let effort = 'quick';
/** The cost-sharing rule: the cost game (exact Shapley: 2^n - 1 coalitions priced) or pro rata by kg (instant). */
let allocation = 'shapley';
const ALLOCATION_RULES = ['shapley', 'proportional', 'scrb', 'nucleolus', 'pro-rata-by-kg'];
/** Kept across re-renders (a language switch redraws the panel mid-plan). */
const shown = { status: '', percent: undefined };

export function renderDayPanel(root) {
  const fixtures = state.fixtures.filter((f) => f.kind === 'scenario');
  const status = h('p', { id: 'plan-status', role: 'status', 'aria-live': 'polite' }, shown.status);
  const progress = h('progress', {
    id: 'plan-progress',
    max: 100,
    value: shown.percent ?? 0,
    hidden: shown.percent === undefined,
  });
  const effortSelect = h(
    'select',
    { id: 'effort', onchange: (e) => (effort = e.target.value) },
    ['draft', 'quick', 'normal', 'thorough'].map((e) =>
      h('option', { value: e, selected: e === effort }, t(`effort.${e}`)),
    ),
  );
  const allocationSelect = h(
    'select',
    { id: 'allocation', onchange: (e) => (allocation = e.target.value) },
    ALLOCATION_RULES.map((r) => h('option', { value: r, selected: r === allocation }, t(`allocation.${r}`))),
  );
  const fixtureSelect = h(
    'select',
    { id: 'fixture', onchange: (e) => loadFixture(e.target.value, status) },
    fixtureOptions(fixtures, state.scenarioSource),
  );
  const upload = jsonFileInput(
    'scenario-file',
    (scenario, name) => setScenario(scenario, name),
    (err) => say(status, t('common.error', { message: err instanceof Error ? err.message : String(err) })),
  );
  const hub = h('input', { id: 'hub-id', size: 8, value: state.hubDay?.hubId ?? '' });
  const date = h('input', { id: 'day-date', type: 'date', value: state.hubDay?.date ?? '' });
  const planIdInput = h('input', { id: 'plan-id', size: 30 });
  const summary = state.scenario
    ? h(
        'p',
        { id: 'scenario-summary' },
        t('source.loaded', {
          name: state.scenario.name ?? '',
          orders: state.scenario.orders?.length ?? 0,
          receivers: state.scenario.receivers?.length ?? 0,
          carriers: state.scenario.carriers?.length ?? 0,
        }),
      )
    : undefined;
  fill(
    root,
    h('h2', {}, t('source.title')),
    h(
      'div',
      { class: 'row' },
      h('label', {}, t('source.fixture'), ' ', fixtureSelect),
      h('label', {}, t('source.upload'), ' ', upload),
    ),
    h(
      'div',
      { class: 'row' },
      h('span', {}, t('source.hubDay'), ': '),
      h('label', {}, t('source.hub'), ' ', hub),
      h('label', {}, t('source.date'), ' ', date),
      h(
        'button',
        { type: 'button', onclick: () => guard(status, () => loadHubDay(hub.value, date.value)) },
        t('carrier.load'),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h('label', {}, t('source.planId'), ' ', planIdInput),
      h(
        'button',
        {
          type: 'button',
          onclick: () => guard(status, () => openPlan(planIdInput.value.trim(), status, progress)),
        },
        t('source.open'),
      ),
    ),
    summary,
    state.planId
      ? h('p', {}, `${t('source.shownPlan')} `, h('code', { id: 'shown-plan-id' }, state.planId))
      : undefined,
    state.scenario ? ordersPerCarrier(state.scenario) : undefined,
    h(
      'div',
      { class: 'row' },
      h('label', {}, t('source.effort'), ' ', effortSelect),
      h('label', {}, t('source.allocation'), ' ', allocationSelect),
      h(
        'button',
        {
          id: 'plan-button',
          type: 'button',
          disabled: !state.scenario,
          onclick: () => guard(status, () => planDay(status, progress)),
        },
        t('source.plan'),
      ),
      progress,
      status,
    ),
  );
}

function ordersPerCarrier(scenario) {
  const counts = new Map();
  for (const o of scenario.orders ?? []) counts.set(o.carrierId, (counts.get(o.carrierId) ?? 0) + 1);
  const name = new Map((scenario.carriers ?? []).map((c) => [c.id, c.name ?? c.id]));
  return h(
    'details',
    {},
    h('summary', {}, t('source.ordersPerCarrier')),
    table(
      [t('unassigned.carrier'), t('carrier.orders')],
      [...counts.entries()]
        .sort(([a], [b]) => naturalCompare(name.get(a) ?? a, name.get(b) ?? b))
        .map(([id, n]) => [name.get(id) ?? id, { v: String(n), cls: 'num' }]),
    ),
  );
}

async function guard(status, fn) {
  try {
    await fn();
  } catch (err) {
    say(status, t('common.error', { message: err instanceof Error ? err.message : String(err) }));
  }
}

function say(status, text) {
  shown.status = text;
  status.textContent = text;
}

function setScenario(scenario, source, hubDay) {
  update({ scenario, scenarioSource: source, hubDay, plan: undefined, planId: undefined });
}

async function loadFixture(path, status) {
  if (!path) return;
  await guard(status, async () => setScenario(await api.asset(`/dashboard/fixtures/${path}`), path));
}

/** The day as the API holds it: the hub's stored orders and the reference data (names, locations). */
async function loadHubDay(hubId, date) {
  const [orders, hubs, carriers, receivers] = await Promise.all([
    api.get(`/v1/orders?hub=${encodeURIComponent(hubId)}&date=${encodeURIComponent(date)}`),
    api.get('/v1/hubs'),
    api.get('/v1/carriers'),
    api.get('/v1/receivers'),
  ]);
  setScenario(
    {
      name: `${hubId} ${date}`,
      date,
      hubs: hubs.hubs,
      carriers: carriers.carriers,
      receivers: receivers.receivers,
      orders: orders.orders,
    },
    `api:${hubId}/${date}`,
    { hubId, date },
  );
}

async function planDay(status, progress) {
  const submitted = state.hubDay
    ? await api.post(
        `/v1/hubs/${encodeURIComponent(state.hubDay.hubId)}/days/${state.hubDay.date}/plan`,
        undefined,
      )
    : await api.post('/v1/plans', {
        ...state.scenario,
        options: { ...state.scenario.options, effort, allocation },
      });
  await watch(submitted.id, status, progress);
}

async function openPlan(id, status, progress) {
  if (id) await watch(id, status, progress, true);
}

/** Live progress over SSE, then the plan itself. */
async function watch(id, status, progress, opened = false) {
  const show = (percent) => {
    shown.percent = percent;
    progress.hidden = false;
    progress.value = percent;
  };
  show(0);
  say(status, t('progress.queued'));
  const last = await followPlan(id, (event, data) => {
    if (event === 'progress' || event === 'status') {
      const percent = Math.round(data.progress?.percent ?? data.percent ?? 0);
      show(percent);
      say(status, data.status === 'queued' ? t('progress.queued') : t('progress.active', { percent }));
    } else if (event === 'active') say(status, t('progress.active', { percent: shown.percent ?? 0 }));
  });
  if (last.event !== 'completed') {
    say(status, t('progress.failed', { error: last.data?.error ?? last.event }));
    return;
  }
  const view = await api.get(`/v1/plans/${encodeURIComponent(id)}`);
  show(100);
  say(status, t('progress.completed'));
  await showPlan(id, view.result, opened ? undefined : state.scenario);
}

/**
 * Shows a completed plan; `scenario` is the day it was planned from (names, orders, zones). A plan opened by
 * id keeps the loaded day only when it is the same day.
 */
export async function showPlan(id, plan, scenario) {
  const same =
    state.scenario &&
    state.scenario.name === plan.scenario.name &&
    state.scenario.date === plan.scenario.date;
  update({ plan, planId: id, scenario: scenario ?? (same ? state.scenario : undefined) });
}
