/**
 * Time and memory of serving a big plan's GeoJSON over HTTP, the way GET /v1/plans/{id}/geojson does it
 * (planToGeoJson, then sendJson), on a synthetic plan shaped like a generated Lille day: `--receivers N`
 * receivers, 6.8 baseline stops each on routes of 7, the consolidated day one stop each on routes of 7.
 * `--mode string` sends JSON.stringify's one string (the route before streaming). The client is curl in
 * another process; the server's RSS is sampled every 10 ms. Prints one JSON line.
 *   node --expose-gc --import tsx bench/geojson-stream.ts --receivers 10000 --mode stream --depth 2 --repeat 3
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { planToGeoJson } from '../src/io/plan-geojson.ts';
import { writeJson } from '../src/io/write-json.ts';
import { syntheticPlan } from './support/synthetic-plan.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const receivers = Number(arg('receivers', '10000'));
const mode = arg('mode', 'stream');
const repeat = Number(arg('repeat', '3'));
const out = arg('out', '/dev/null');
// 2: as the route sends it; 3: as it did before the features were batched
const depth = Number(arg('depth', '2'));

const plan = syntheticPlan(receivers);
const server = createServer((req, res) => {
  const geo = planToGeoJson(plan);
  res.setHeader('content-type', 'application/geo+json; charset=utf-8');
  if (mode === 'string') res.end(JSON.stringify(geo));
  else void writeJson(res, geo, { compact: true, depth }).then((done) => done && res.end());
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const curl = promisify(execFile);

for (let i = 0; i < repeat; i++) {
  global.gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await curl('curl', ['-s', '-o', out, `http://127.0.0.1:${port}/`], { maxBuffer: 1 << 20 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const line: Record<string, unknown> = {
    mode,
    depth: mode === 'string' ? undefined : depth,
    receivers,
    seconds: +(ms / 1000).toFixed(2),
    serverUserS: +(cpu.user / 1e6).toFixed(2),
    peakRssAboveMb: Math.round((peak - base) / 2 ** 20),
    baseRssMb: Math.round(base / 2 ** 20),
  };
  if (out !== '/dev/null') {
    const body = readFileSync(out);
    line['bytes'] = body.length;
    line['sha256'] = createHash('sha256').update(body).digest('hex').slice(0, 16);
  }
  console.log(JSON.stringify(line));
}
server.close();
