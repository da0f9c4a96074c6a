import { describe, expect, it } from 'vitest';
import { errorIssues, errorKind, scenarioSchema } from '../../src/contracts/index.ts';
import { InputError, InternalError, PlanningError } from '../../src/domain/errors.ts';
import { buildVehicleEnergyModel } from '../../src/energy/index.ts';
import { buildCity, runPlanTask, solveContext } from '../../src/planner/index.ts';
import { BenchmarkFormatError } from '../../src/io/benchmark/benchmark-instance.ts';
import { OrdersFileError } from '../../src/io/orders-table.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

describe('the error model: who can fix it', () => {
  it('takes the kind a PlanningError states', () => {
    const input = new InputError('UNKNOWN_REFERENCE', 'no carrier "Z"', { field: 'task.carrierId' });
    const internal = new InternalError('BROKEN_INVARIANT', 'index out of range');
    expect([input, internal].every((e) => e instanceof PlanningError && e instanceof Error)).toBe(true);
    expect([errorKind(input), errorKind(internal)]).toEqual(['input', 'internal']);
    expect([input.name, input.code, input.field]).toEqual([
      'InputError',
      'UNKNOWN_REFERENCE',
      'task.carrierId',
    ]);
    expect([internal.name, internal.code, internal.field]).toEqual([
      'InternalError',
      'BROKEN_INVARIANT',
      undefined,
    ]);
  });

  it('counts a failed validation as input, any other error (RangeError included) as internal', () => {
    const zod = scenarioSchema.safeParse({ name: 'x' }).error;
    expect(errorKind(zod)).toBe('input');
    expect(errorIssues(zod).map((i) => i.path)).toContain('date');
    for (const err of [new RangeError('x'), new TypeError('y'), new Error('z'), 'a string', undefined])
      expect(errorKind(err)).toBe('internal');
  });

  it('files format errors of src/io as input errors', () => {
    expect(errorKind(new BenchmarkFormatError('c101.txt:3: expected 7 numbers'))).toBe('input');
    expect(errorKind(new OrdersFileError([{ file: 'o.csv', line: 2, message: 'expected number' }]))).toBe(
      'input',
    );
  });
});

describe('what the planning core throws', () => {
  it('a task naming a carrier the scenario lacks: input, naming the field', () => {
    const city = buildCity(smallScenario());
    const task = { kind: 'baseline', carrierId: 'Z', zone: 0, zones: 1 } as const;
    let thrown: unknown;
    try {
      runPlanTask(city, task, { iterations: 1, timeLimitMs: 1000 }, solveContext(city, {}));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'task.carrierId' });
    expect((thrown as Error).message).toMatch(/"Z"/);
  });

  it('an energy profile that falls with payload: input, naming the field', () => {
    const energy = { emptyKWhPerKm: 2, fullKWhPerKm: 1 };
    expect(() => buildVehicleEnergyModel({ id: 'v', capacity: [100, 1, 1], energy })).toThrow(
      expect.objectContaining({
        kind: 'input',
        code: 'INVALID_VALUE',
        field: 'vehicleTypes[id=v].energy.fullKWhPerKm',
      }),
    );
  });

  it('a generator option out of range: input, naming the option', () => {
    expect(() => generateCityDay({ city: 'lille', receivers: 0, seed: 1 })).toThrow(
      expect.objectContaining({ kind: 'input', code: 'INVALID_OPTION', field: 'receivers' }),
    );
  });
});
