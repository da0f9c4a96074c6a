// The layer rules of docs/ARCHITECTURE.md, enforced by `npm run lint` (depcruise src workers bin).
// An allow-list: a dependency that no rule below allows is an error, so a new arrow between layers must be
// added here (and drawn in ARCHITECTURE.md) on purpose. test/house/layers.test.ts plants violations to prove it.

/**
 * What each layer may import besides itself: other layers (`layers`), npm packages (`npm`), Node built-ins
 * (`core`). Pure layers (domain, solver, energy, geo, lp, cooperation) import no Node built-in, no transport, no
 * config.
 */
const LAYERS = {
  domain: {},
  solver: { layers: ['domain'] },
  energy: { layers: ['domain'] },
  geo: { layers: ['domain'], npm: ['@turf/boolean-point-in-polygon', '@turf/distance', '@turf/helpers'] },
  contracts: { layers: ['domain'], npm: ['zod'] },
  // The one LP adapter, shared by hub and facility choice and by cost allocation.
  lp: { npm: ['javascript-lp-solver', 'highs'] },
  consolidation: { layers: ['solver', 'energy', 'geo', 'lp', 'domain'] },
  // Cooperative cost games (Shapley, nucleolus, core check) and ISO 14083 emission shares: pure arithmetic.
  cooperation: { layers: ['lp', 'domain'] },
  planner: { layers: ['consolidation', 'cooperation', 'solver', 'energy', 'geo', 'contracts', 'domain'] },
  // stream and events: JSON longer than one string, written in pieces as the stream drains (write-json.ts)
  io: {
    layers: ['contracts', 'geo', 'domain'],
    npm: ['csv-parse', 'exceljs', 'pdfkit'],
    core: ['fs/promises', 'stream', 'events'],
  },
  'scenario-gen': { layers: ['contracts', 'domain'] },
  // path, url: finding the package root from a module's own URL (src/config/package-root.ts)
  config: { npm: ['zod'], core: ['fs', 'path', 'url'] },
  // io: a plan sent in pieces (send-json.ts)
  api: {
    layers: ['contracts', 'config', 'io'],
    npm: [
      'express',
      'helmet',
      'prom-client',
      'zod',
      '@asteasolutions/zod-to-openapi',
      'swagger-ui-dist',
      'pino',
      'pino-http',
    ],
    // fs, path, url: the dashboard's static files and shipped fixtures (src/api/dashboard.ts)
    core: ['crypto', 'fs', 'path', 'url'],
  },
  // The dashboard's browser modules: Leaflet only (served from node_modules), nothing of the server.
  web: { npm: ['leaflet'] },
  // io: job results stored as JSON pieces (result-store.ts)
  queue: {
    layers: ['contracts', 'config', 'io'],
    npm: ['bullmq', 'ioredis', 'zod', '@bull-board/api', '@bull-board/express', 'express'],
    core: ['crypto', 'events'],
  },
  workers: {
    dir: 'workers',
    layers: ['queue', 'planner', 'contracts', 'config'],
    npm: ['bullmq', 'ioredis'],
    // worker_threads: the sandbox's watchdog (sandbox-context.ts)
    core: ['os', 'url', 'fs/promises', 'worker_threads'],
  },
  // The composition root: `picon serve` wires api + queue, `picon worker` starts workers, `picon vrptw` runs
  // the solver on benchmark instances, `picon generate` writes synthetic days.
  cli: {
    layers: [
      'planner',
      'io',
      'energy',
      'contracts',
      'config',
      'domain',
      'solver',
      'scenario-gen',
      'api',
      'queue',
      'workers',
    ],
    npm: ['commander'],
    // os and worker_threads: `picon plan` runs its routing tasks and cost game on one thread per core (plan-threads.ts)
    // stream and events: a large plan's JSON is written in pieces, waiting for the stream to drain (write-json.ts)
    core: [
      'fs',
      'fs/promises',
      'path',
      'http',
      'crypto',
      'perf_hooks',
      'os',
      'worker_threads',
      'stream',
      'stream/promises',
      'events',
    ],
  },
  // bin/picon.mjs runs dist/ (an output, imported by a computed URL) when bin/build-stamp.mjs finds it fresh,
  // else src/cli through tsx
  bin: { dir: 'bin', layers: ['cli'], npm: ['tsx'], core: ['crypto', 'fs', 'path', 'url'] },
};

const dirOf = (name) => LAYERS[name].dir ?? `src/${name}`;
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (items) => `(${items.map(escapeRegExp).join('|')})`;

function allowedFor(name) {
  const { layers = [], npm = [], core = [] } = LAYERS[name];
  const from = { path: `^${escapeRegExp(dirOf(name))}/` };
  const rules = [
    { from, to: { path: `^${anyOf([name, ...layers].map(dirOf))}/` } },
    ...(npm.length ? [{ from, to: { dependencyTypes: ['npm'], path: `^node_modules/${anyOf(npm)}/` } }] : []),
    ...(core.length ? [{ from, to: { dependencyTypes: ['core'], path: `^(node:)?${anyOf(core)}$` } }] : []),
  ];
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  allowed: Object.keys(LAYERS).flatMap(allowedFor),
  allowedSeverity: 'error',
  forbidden: [
    {
      // Cycles through type-only imports vanish at runtime; a runtime cycle makes evaluation order matter.
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      // lp-adapter.ts is the one place that knows the LP libraries, so they can be swapped.
      name: 'lp-solver-only-in-lp-adapter',
      severity: 'error',
      from: { pathNot: '^src/lp/lp-adapter\\.ts$' },
      to: { path: '^node_modules/(javascript-lp-solver|highs)/' },
    },
    {
      // bull-board.ts is the one bridge from the queue to HTTP: it mounts BullMQ's queues as an express router.
      name: 'express-only-in-api-and-bull-board',
      severity: 'error',
      from: { pathNot: ['^src/api/', '^src/queue/bull-board\\.ts$'] },
      to: { path: '^node_modules/express/' },
    },
    {
      name: 'no-dev-dependencies-in-production-code',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    // worktrees may link node_modules from another checkout: resolve packages where they are linked
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    doNotFollow: { path: '^node_modules/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main'],
    },
  },
};
