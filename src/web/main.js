// The dashboard's entry: settings (key, language, tiles), the four views as tabs, one state they render from.
import { api, apiKey } from './api-client.js';
import { renderCarrier } from './carrier-view.js';
import { renderDayPanel } from './day-panel.js';
import { renderDispatcher } from './dispatcher-view.js';
import { fill, h } from './dom.js';
import { language, LANGUAGES, setLanguage, t } from './i18n.js';
import { refreshMap } from './map-view.js';
import { renderPlanner } from './planner-view.js';
import { renderReceiver } from './receiver-view.js';
import { onChange, state, update } from './state.js';

const VIEWS = {
  dispatcher: renderDispatcher,
  planner: renderPlanner,
  carrier: renderCarrier,
  receiver: renderReceiver,
};
const params = new URLSearchParams(location.search);
const settings = {
  /** `?tiles=` in the address, else the user's saved choice, else the server's (PICON_MAP_TILE_URL); empty: none. */
  get tiles() {
    return params.get('tiles') ?? localStorage.getItem('picon.tiles') ?? state.mapTileUrl ?? '';
  },
};
let tab = location.hash.slice(1) in VIEWS ? location.hash.slice(1) : 'dispatcher';

function renderSettings(root) {
  const key = h('input', {
    id: 'api-key',
    type: 'password',
    autocomplete: 'off',
    value: apiKey.get(),
    size: 24,
  });
  const tiles = h('input', { id: 'tile-url', value: settings.tiles, size: 40 });
  fill(
    root,
    h('h1', {}, t('title')),
    h(
      'form',
      {
        class: 'row',
        onsubmit: (e) => {
          e.preventDefault();
          const next = key.value.trim();
          // a plan read with one key is never shown to the next one (a shared browser, a planner then a carrier);
          // the day being looked at (hub, date) stays
          if (next !== apiKey.get()) update({ plan: undefined, planId: undefined });
          apiKey.set(next);
          // only a choice that differs from the server's is kept, so a later server change still reaches this user
          params.delete('tiles');
          const chosen = tiles.value.trim();
          if (chosen === (state.mapTileUrl ?? '')) localStorage.removeItem('picon.tiles');
          else localStorage.setItem('picon.tiles', chosen);
          renderAll();
        },
      },
      h('label', {}, t('settings.key'), ' ', key),
      h('label', {}, t('settings.tiles'), ' ', tiles),
      h('button', { type: 'submit' }, t('settings.save')),
    ),
    h(
      'div',
      { class: 'languages', role: 'group', 'aria-label': t('settings.language') },
      LANGUAGES.map((lang) =>
        h(
          'button',
          {
            type: 'button',
            id: `lang-${lang}`,
            'aria-pressed': String(lang === language()),
            onclick: () => {
              localStorage.setItem('picon.lang', lang);
              setLanguage(lang);
              renderAll();
            },
          },
          lang.toUpperCase(),
        ),
      ),
    ),
  );
}

function renderTabs(root) {
  fill(
    root,
    Object.keys(VIEWS).map((name) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${name}`,
          'aria-selected': String(name === tab),
          'aria-controls': `view-${name}`,
          onclick: () => {
            tab = name;
            history.replaceState(null, '', `${location.search}#${name}`);
            showTab();
          },
        },
        t(`nav.${name}`),
      ),
    ),
  );
}

function showTab() {
  for (const name of Object.keys(VIEWS)) {
    const el = document.getElementById(`view-${name}`);
    if (el) el.hidden = name !== tab;
    document.getElementById(`tab-${name}`)?.setAttribute('aria-selected', String(name === tab));
  }
  if (tab === 'dispatcher') refreshMap();
}

function renderAll() {
  renderSettings(document.getElementById('settings'));
  renderTabs(document.getElementById('tabs'));
  renderDayPanel(document.getElementById('day'));
  // one view failing (say, a plan older than this page expects) must not blank the others
  for (const [name, render] of Object.entries(VIEWS)) {
    const root = document.getElementById(`view-${name}`);
    try {
      render(root, settings.tiles);
    } catch (err) {
      fill(
        root,
        h(
          'p',
          { class: 'error' },
          t('common.error', { message: err instanceof Error ? err.message : String(err) }),
        ),
      );
      console.error(err);
    }
  }
  showTab();
  document.body.dataset.ready = state.plan ? 'plan' : 'no-plan';
}

// a link or another view may ask for a tab through the address (#planner, #dispatcher, …)
window.addEventListener('hashchange', () => {
  const name = location.hash.slice(1);
  if (name in VIEWS && name !== tab) {
    tab = name;
    showTab();
  }
});

async function start() {
  setLanguage(
    params.get('lang') ??
      localStorage.getItem('picon.lang') ??
      (navigator.language.startsWith('fr') ? 'fr' : 'en'),
  );
  const [fixtures, types, config] = await Promise.all([
    api.asset('/dashboard/fixtures.json'),
    api.asset('/dashboard/vehicle-types.json'),
    api.asset('/dashboard/config.json'),
  ]);
  onChange(renderAll);
  update({ fixtures: fixtures.fixtures, vehicleTypes: types.vehicleTypes, mapTileUrl: config.mapTileUrl });
}

void start();
