/**
 * A clock that advances a fixed step per reading: the solver's time limit becomes a budget of readings,
 * so a plan depends only on scenario, seed and time limit (PICON_STEP_CLOCK_MS; tests compare worker
 * results with in-process ones this way). Pass an `onProgress` on both sides: progress reads the clock too.
 */
export function stepClock(msPerStep: number): () => number {
  let now = 0;
  return () => (now += msPerStep);
}
