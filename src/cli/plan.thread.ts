// A worker thread of `picon plan`: solves the routing tasks and prices the cost game's chunks of coalitions its
// parent sends, for the day the parent plans (the same city: scenario, seed, effort, time cap and iteration
// override), and answers each with its result, or with the error that stopped it (see plan-threads.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../contracts/index.ts';
import { InternalError, isPlanningError } from '../domain/errors.ts';
import {
  adoptFacilityChoice,
  buildCity,
  priceCoalitions,
  runPlanTask,
  solveContext,
  type GrandPlanParts,
} from '../planner/index.ts';
import type { ThreadData, ThreadReply, ThreadRequest } from './plan-threads.ts';

const data = workerData as ThreadData;
const { day } = data;
const city = buildCity(JSON.parse(data.scenarioJson) as Scenario, day);
// the parent's answer of the facility model for this very day: not solved again here
if (data.facilities) adoptFacilityChoice(city, data.facilities);
// the city is all a request needs: the scenario's JSON (~11 MB on a 10,000-receiver day) need not outlive it
delete (workerData as { scenarioJson?: string }).scenarioJson;
const overrides = day.maxIterations !== undefined ? { maxIterations: day.maxIterations } : {};
let parts: GrandPlanParts | undefined;
const reply = (message: ThreadReply) => parentPort?.postMessage(message);

function answer(request: Extract<ThreadRequest, { id: number }>): ThreadReply {
  if (request.kind === 'task') {
    // progress in whole percent of the task's iterations: at most a hundred messages a task
    let percent = -1;
    const ctx = solveContext(city, overrides, (p) => {
      const now = Math.floor(100 * p.fraction);
      if (now === percent) return;
      percent = now;
      reply({ kind: 'progress', id: request.id, fraction: p.fraction, bestCost: p.bestCost });
    });
    return { kind: 'task', id: request.id, result: runPlanTask(city, request.task, request.budget, ctx) };
  }
  if (!parts) throw new InternalError('BROKEN_INVARIANT', 'coalitions to price before the game’s parts');
  const priced = priceCoalitions(city, parts, solveContext(city, overrides), request.chunk);
  return { kind: 'coalitions', id: request.id, priced };
}

parentPort?.on('message', (request: ThreadRequest) => {
  if (request.kind === 'parts') {
    parts = request.parts;
    return;
  }
  if (request.kind === 'facilities') {
    // sent before the first pooled task when this thread started before the parent had solved the model
    adoptFacilityChoice(city, request.choice);
    return;
  }
  try {
    reply(answer(request));
  } catch (err) {
    // a thread's thrown error reaches the parent as a plain Error: send its kind so the CLI maps it as usual
    const e = isPlanningError(err) ? err : undefined;
    reply({
      kind: 'failed',
      id: request.id,
      error: {
        message: err instanceof Error ? err.message : String(err),
        ...(e ? { kind: e.kind, code: e.code, ...(e.field !== undefined ? { field: e.field } : {}) } : {}),
      },
    });
  }
});
