// npm run bench:scale -- [--sizes 1000,2000,5000,10000] [--iterations 20000] [--time-limit 120] [--seed 7]
// The search stops after --iterations (reproducible); --time-limit is only the wall-clock cap.
// Routes one generated Lille day per size as ONE pooled routing problem (no zones), each in its own
// child process so peak memory is that solve's alone; checks the solution with the independent checker.
import { execFileSync } from 'node:child_process';
import { arg, peakRssMb } from './support/child-process.ts';
import { planPooledRuns } from '../src/consolidation/pooled-runs.ts';
import { hubVehicles } from '../src/consolidation/pooled-runs.ts';
import { scenarioSchema } from '../src/contracts/index.ts';
import { buildCity } from '../src/planner/index.ts';
import { generateCityDay } from '../src/scenario-gen/index.ts';
import { checkRoutingSolution } from '../test/support/check-routing-solution.ts';

interface Row {
  stops: number;
  jobs: number;
  vehicles: number;
  timeLimitS: number;
  firstSolutionS: number;
  totalS: number;
  peakRssMb: number;
  routesKm: number;
  /** The solver's objective (fixed cost per vehicle used, per km, per hour), recomputed by the checker. */
  cost: number;
  vehiclesUsed: number;
  /** Iterations the search ran: the budget, or fewer when the wall-clock cap stopped it. */
  iterations: number;
  timeCapped: boolean;
  unassigned: number;
  violations: number;
}

function child(stops: number, timeLimitS: number, seed: number, iterations: number): Row {
  const scenario = scenarioSchema.parse(generateCityDay({ city: 'lille', receivers: stops, seed }));
  const city = buildCity(scenario, { timeLimitSeconds: timeLimitS });
  const clock = () => performance.now();
  const started = clock();
  let first = -1;
  const vehicles = hubVehicles(city, 0);
  const run = planPooledRuns(
    city,
    0,
    [...city.orders.keys()],
    vehicles,
    { iterations, timeLimitMs: timeLimitS * 1000 },
    {
      seed,
      clock,
      onProgress: () => {
        if (first < 0) first = (clock() - started) / 1000;
      },
    },
  );
  const totalS = (clock() - started) / 1000;
  const violations = checkRoutingSolution(run.routing.problem, run.solution);
  const km = run.solution.routes.flatMap((r) => r.trips).reduce((s, t) => s + t.distance, 0) / 1000;
  return {
    stops,
    jobs: run.routing.problem.jobs.length,
    vehicles: vehicles.length,
    timeLimitS,
    firstSolutionS: Number(first.toFixed(2)),
    totalS: Number(totalS.toFixed(2)),
    peakRssMb: peakRssMb(),
    routesKm: Number(km.toFixed(1)),
    cost: Number(run.solution.cost.toFixed(1)),
    vehiclesUsed: run.solution.routes.length,
    iterations: run.solution.stats.iterations,
    timeCapped: run.solution.stats.timeCapped,
    unassigned: run.solution.unassigned.length,
    violations: violations.length,
  };
}

if (process.argv.includes('--child')) {
  const row = child(
    Number(arg('--child', '1000')),
    Number(arg('--time-limit', '120')),
    Number(arg('--seed', '7')),
    Number(arg('--iterations', '20000')),
  );
  process.stdout.write(JSON.stringify(row) + '\n');
} else {
  const sizes = arg('--sizes', '1000,2000,5000,10000').split(',').map(Number);
  const rows: Row[] = [];
  for (const n of sizes) {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        import.meta.filename,
        '--child',
        String(n),
        '--time-limit',
        arg('--time-limit', '120'),
        '--seed',
        arg('--seed', '7'),
        '--iterations',
        arg('--iterations', '20000'),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const row = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Row;
    rows.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
  const header =
    '| stops | jobs | vehicles | time limit (s) | first solution (s) | total (s) | peak RSS (MB) | route km | cost | vehicles used | unassigned | violations |';
  const lines = rows.map(
    (r) =>
      `| ${r.stops} | ${r.jobs} | ${r.vehicles} | ${r.timeLimitS} | ${r.firstSolutionS} | ${r.totalS} | ${r.peakRssMb} | ${r.routesKm} | ${r.cost} | ${r.vehiclesUsed} | ${r.unassigned} | ${r.violations} |`,
  );
  process.stdout.write(
    [header, '|---|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n') + '\n',
  );
  if (rows.some((r) => r.violations > 0)) process.exitCode = 1;
}
