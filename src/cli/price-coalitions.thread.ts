// A worker thread of `picon plan`: prices the cost game's chunks of coalitions its parent sends, for the day
// the parent plans (the same city: scenario, seed, effort, time cap and iteration override), and answers each
// chunk with the coalitions' costs (see game-threads.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../contracts/index.ts';
import { buildCity, priceCoalitions, solveContext, type GrandPlanParts } from '../planner/index.ts';
import type { GameThreadDay } from './game-threads.ts';

const { scenario, day, parts } = workerData as {
  scenario: Scenario;
  day: GameThreadDay;
  parts: GrandPlanParts;
};
const city = buildCity(scenario, day);
const ctx = solveContext(city, day.maxIterations !== undefined ? { maxIterations: day.maxIterations } : {});
parentPort?.on('message', (chunk: number[]) => {
  parentPort?.postMessage(priceCoalitions(city, parts, ctx, chunk));
});
