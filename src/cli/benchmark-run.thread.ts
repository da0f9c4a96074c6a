// A worker thread of the benchmark commands' `--threads`: one independent run of the instance with the seed
// and budget it is given, answered as the file's routes (see benchmark-runs.ts).
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { toRoutingProblem } from '../io/benchmark/to-routing-problem.ts';
import { solve } from '../solver/index.ts';
import { BENCHMARK_FORMATS, runOutcome, type RunThreadData, type RunThreadReply } from './benchmark-runs.ts';

const data = workerData as RunThreadData;
let reply: RunThreadReply;
try {
  const instance = BENCHMARK_FORMATS[data.format](data.text, data.source);
  const { problem, customerOfJob } = toRoutingProblem(instance);
  const clock = (): number => performance.timeOrigin + performance.now();
  const timeLimitMs = Math.max(1, data.params.timeLimitMs - (clock() - data.startedAtMs));
  const solution = solve(problem, { ...data.params, timeLimitMs, clock });
  reply = { kind: 'done', outcome: runOutcome(instance, solution, customerOfJob) };
} catch (err) {
  reply = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
}
parentPort?.postMessage(reply);
