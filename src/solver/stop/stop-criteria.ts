import type { SearchProgress, StopCriterion } from '../api.ts';

/** Stops once `limitMs` of the injected clock have elapsed. */
export const maxRuntime =
  (limitMs: number): StopCriterion =>
  (p: SearchProgress) =>
    p.elapsedMs >= limitMs;

/** Stops after `limit` iterations (the deterministic budget tests use). */
export const maxIterations =
  (limit: number): StopCriterion =>
  (p: SearchProgress) =>
    p.iteration >= limit;

/** Stops as soon as the signal is aborted. */
export const aborted =
  (signal: AbortSignal | undefined): StopCriterion =>
  () =>
    signal?.aborted === true;

/** Stops when any criterion says so. */
export const anyOf =
  (...criteria: readonly StopCriterion[]): StopCriterion =>
  (p: SearchProgress) =>
    criteria.some((c) => c(p));
