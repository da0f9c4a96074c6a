// The only importer of javascript-lp-solver: its types and module shape stay behind this file.
import * as lpModule from 'javascript-lp-solver';

/** Under Node's ESM loader the solver is the default export; its .d.ts is read as CommonJS, so type it here. */
const lp = (lpModule as unknown as { default: { Solve(model: object): unknown } }).default;

export interface LinearModel {
  optimize: string;
  opType: 'min' | 'max';
  constraints: Record<string, { equal?: number; max?: number; min?: number }>;
  variables: Record<string, Record<string, number>>;
}

/** Variable values of an optimal LP solution, or undefined when infeasible or unbounded. */
export function solveLinearProgram(model: LinearModel): Map<string, number> | undefined {
  const result = lp.Solve(model) as Record<string, unknown>;
  if (result['feasible'] !== true || result['bounded'] === false) return undefined;
  const values = new Map<string, number>();
  for (const name of Object.keys(model.variables)) values.set(name, Number(result[name] ?? 0));
  return values;
}
