// npm run bench:facility -- [--receivers 1000] [--hubs 2,5,10] [--seed 7] [--timeout 120]
// The facility model (which hubs open, who goes where) on one generated Lille day with 2, 5 and 10 candidate
// hubs around the centre, by each LP backend, each run in its own child process (time and peak memory are that
// solve's alone; a backend that does not finish within --timeout seconds is reported as such).
import { execFileSync } from 'node:child_process';
import { arg, peakRssMb } from './support/child-process.ts';
import { chooseFacilities } from '../src/consolidation/facility.ts';
import type { LpBackend } from '../src/lp/lp-adapter.ts';
import { scenarioSchema, type Scenario } from '../src/contracts/index.ts';
import { buildCity } from '../src/planner/index.ts';
import { generateCityDay } from '../src/scenario-gen/index.ts';

interface Row {
  hubs: number;
  backend: LpBackend;
  variables: number;
  seconds: number | null;
  peakRssMb: number | null;
  objectiveEur: number | null;
  open: number | null;
  note: string;
}

/** Candidate hubs on a ring 2-8 km around the centre, fixed costs rising with the index, 10 e-vans each. */
function withHubs(base: Scenario, n: number): Scenario {
  const [lon, lat] = base.hubs[0]?.location ?? [3.06, 50.63];
  const hubs = Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    const km = 2 + (6 * i) / Math.max(1, n - 1);
    return {
      id: `H${i + 1}`,
      location: [lon + (km / 71) * Math.cos(angle), lat + (km / 111) * Math.sin(angle)] as [number, number],
      open: '05:00',
      close: '20:00',
      fixedCostEurPerDay: 300 + 200 * i,
      capacityUnits: 4000,
    };
  });
  const fleet = hubs.map((h) => ({
    hubId: h.id,
    vehicleType: 'e-van',
    count: 10,
    shift: { start: '06:00', end: '17:00' },
    maxTrips: 3,
  }));
  return { ...base, hubs, fleet };
}

function child(receivers: number, hubs: number, backend: LpBackend, seed: number): Row {
  const base = scenarioSchema.parse(generateCityDay({ city: 'lille', receivers, seed }));
  const city = buildCity(scenarioSchema.parse(withHubs(base, hubs)));
  const started = performance.now();
  const choice = chooseFacilities(city, backend);
  const seconds = (performance.now() - started) / 1000;
  return {
    hubs,
    backend,
    variables: receivers * (hubs + 1) + hubs,
    seconds: Number(seconds.toFixed(2)),
    peakRssMb: peakRssMb(),
    objectiveEur: choice.backend === 'none' ? null : Number(choice.objectiveEur.toFixed(2)),
    open: choice.open.filter(Boolean).length,
    note: choice.backend === 'none' ? 'no integral solution' : '',
  };
}

if (process.argv.includes('--child')) {
  const row = child(
    Number(arg('--receivers', '1000')),
    Number(arg('--child', '2')),
    arg('--backend', 'highs') as LpBackend,
    Number(arg('--seed', '7')),
  );
  process.stdout.write(JSON.stringify(row) + '\n');
} else {
  const receivers = arg('--receivers', '1000');
  const timeoutS = Number(arg('--timeout', '120'));
  const rows: Row[] = [];
  for (const hubs of arg('--hubs', '2,5,10').split(',').map(Number))
    for (const backend of ['highs', 'js'] as const) {
      const args = ['--import', 'tsx', import.meta.filename, '--child', String(hubs), '--backend', backend];
      try {
        const out = execFileSync(
          process.execPath,
          [...args, '--receivers', receivers, '--seed', arg('--seed', '7')],
          {
            encoding: 'utf8',
            timeout: timeoutS * 1000,
            maxBuffer: 1 << 24,
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        rows.push(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Row);
      } catch {
        rows.push({
          hubs,
          backend,
          variables: Number(receivers) * (hubs + 1) + hubs,
          seconds: null,
          peakRssMb: null,
          objectiveEur: null,
          open: null,
          note: `no answer within ${timeoutS} s (killed)`,
        });
      }
      process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
    }
  const best = new Map<number, number>();
  for (const r of rows)
    if (r.objectiveEur !== null) best.set(r.hubs, Math.min(best.get(r.hubs) ?? Infinity, r.objectiveEur));
  const gap = (r: Row): string => {
    const b = best.get(r.hubs);
    return r.objectiveEur === null || b === undefined
      ? '—'
      : `${((100 * (r.objectiveEur - b)) / b).toFixed(2)} %`;
  };
  const lines = rows.map(
    (r) =>
      `| ${r.hubs} | ${r.backend === 'js' ? 'javascript-lp-solver' : 'HiGHS'} | ${r.variables} | ${r.seconds ?? '—'} | ${r.peakRssMb ?? '—'} | ${r.objectiveEur ?? '—'} | ${gap(r)} | ${r.open ?? '—'} | ${r.note} |`,
  );
  process.stdout.write(
    [
      '| candidate hubs | backend | variables | solve (s) | peak RSS (MB) | objective (EUR/day) | gap to best | hubs open | note |',
      '|---|---|---|---|---|---|---|---|---|',
      ...lines,
    ].join('\n') + '\n',
  );
}
