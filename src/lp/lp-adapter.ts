// The only importer of javascript-lp-solver and of HiGHS: their types and module shapes stay behind this file.
// Shared by consolidation (hub choice, facilities) and cooperation (nucleolus, least core).
import * as lpModule from 'javascript-lp-solver';
import * as highsModule from 'highs';

/** Under Node's ESM loader the solver is the default export; its .d.ts is read as CommonJS, so type it here. */
const lp = (lpModule as unknown as { default: { Solve(model: object, precision?: number): unknown } })
  .default;

/**
 * HiGHS (compiled to WebAssembly) loads once per process (~130 ms here); its solves are synchronous like the
 * rest of the planner. Loading the module is not a clock or a source of randomness: the layer stays pure.
 */
interface HighsSolution {
  Status: string;
  Columns: Record<string, { Primal?: number } | undefined>;
}
// its .d.ts is read as CommonJS under this project's settings while Node loads its ES module: type it here
const loadHighs = (
  highsModule as unknown as {
    default: () => Promise<{ solve(text: string, options: object): HighsSolution }>;
  }
).default;
const highs = await loadHighs();

export interface LinearModel {
  optimize: string;
  opType: 'min' | 'max';
  constraints: Record<string, { equal?: number; max?: number; min?: number }>;
  variables: Record<string, Record<string, number>>;
  /** Variables that must be 0 or 1 (a MIP); the others are continuous and non-negative. */
  binaries?: readonly string[];
}

/** `js`: javascript-lp-solver (dense tableau: small models); `highs`: HiGHS, for anything larger. */
export type LpBackend = 'js' | 'highs';

export interface LpOptions {
  /**
   * javascript-lp-solver's pivot tolerance, to which it also rounds the values it reports (its default 1e-8).
   * HiGHS ignores it.
   */
  readonly precision?: number;
}

/**
 * Variable values of an optimal solution, or undefined when infeasible, unbounded, or (a MIP) when the
 * solver returns binaries that are not 0 or 1: javascript-lp-solver reports a fractional answer as feasible
 * when its branch and bound times out (ecosystem.md), so integrality is checked here, never assumed.
 */
export function solveLinearProgram(
  model: LinearModel,
  backend: LpBackend = 'js',
  options: LpOptions = {},
): Map<string, number> | undefined {
  const values = backend === 'js' ? solveJs(model, options.precision) : solveHighs(model);
  if (!values) return undefined;
  const integral = (model.binaries ?? []).every((b) => {
    const x = values.get(b) ?? 0;
    return Math.abs(x) < 1e-6 || Math.abs(x - 1) < 1e-6;
  });
  return integral ? values : undefined;
}

function solveJs(model: LinearModel, precision: number | undefined): Map<string, number> | undefined {
  const binaries = Object.fromEntries((model.binaries ?? []).map((b) => [b, 1]));
  const result = lp.Solve({ ...model, binaries }, precision) as Record<string, unknown>;
  if (result['feasible'] !== true || result['bounded'] === false) return undefined;
  const values = new Map<string, number>();
  for (const name of Object.keys(model.variables)) values.set(name, Number(result[name] ?? 0));
  return values;
}

/** Writes the model in CPLEX LP format (what HiGHS' one-shot API reads) and solves it. */
function solveHighs(model: LinearModel): Map<string, number> | undefined {
  const names = Object.keys(model.variables);
  const term = (k: number, name: string): string => `${k < 0 ? '-' : '+'} ${Math.abs(k)} ${name}`;
  const objective = names.map((n) => term(model.variables[n]?.[model.optimize] ?? 0, n)).join(' ');
  const rows = new Map<string, string[]>();
  for (const n of names)
    for (const [row, k] of Object.entries(model.variables[n] ?? {}))
      if (row !== model.optimize && k !== 0) {
        // appended in place: a copy per term was quadratic in a row's length (3.6 GB of garbage on 10,000 receivers)
        const terms = rows.get(row);
        if (terms) terms.push(term(k, n));
        else rows.set(row, [term(k, n)]);
      }
  const constraints = Object.entries(model.constraints).flatMap(([row, c]) => {
    const lhs = (rows.get(row) ?? []).join(' ') || `+ 0 ${names[0]}`;
    return [
      ...(c.equal !== undefined ? [` ${row}_eq: ${lhs} = ${c.equal}`] : []),
      ...(c.max !== undefined ? [` ${row}_max: ${lhs} <= ${c.max}`] : []),
      ...(c.min !== undefined ? [` ${row}_min: ${lhs} >= ${c.min}`] : []),
    ];
  });
  const binaries = new Set(model.binaries ?? []);
  const text = [
    model.opType === 'min' ? 'Minimize' : 'Maximize',
    ` obj: ${objective}`,
    'Subject To',
    ...constraints,
    'Bounds',
    ...names.filter((n) => !binaries.has(n)).map((n) => ` ${n} >= 0`),
    ...(binaries.size > 0 ? ['Binary', ` ${[...binaries].join(' ')}`] : []),
    'End',
  ].join('\n');
  const result = highs.solve(text, { output_flag: false, random_seed: 0, threads: 1 });
  if (result.Status !== 'Optimal') return undefined;
  const values = new Map<string, number>();
  for (const n of names) values.set(n, Number(result.Columns[n]?.Primal ?? 0));
  return values;
}
