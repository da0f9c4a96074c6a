import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import { solveLinearProgram, type LpBackend } from '../../src/lp/lp-adapter.ts';
import type * as LpAdapter from '../../src/lp/lp-adapter.ts';
import { facilityCity, fleet, hub, order, receiver, TYPE } from './facility-city.ts';

// the real solver, watched, and made to give up where a test says so
vi.mock('../../src/lp/lp-adapter.ts', async (importOriginal) => {
  const real = await importOriginal<typeof LpAdapter>();
  return { ...real, solveLinearProgram: vi.fn(real.solveLinearProgram) };
});
const solve = vi.mocked(solveLinearProgram);
const real = solve.getMockImplementation() as typeof solveLinearProgram;
const givesUp = (backend: LpBackend) =>
  solve.mockImplementation((model, b, options) => (b === backend ? undefined : real(model, b, options)));
afterEach(() => {
  solve.mockImplementation(real);
  solve.mockClear();
});

/** One hub A at x = 0 worth opening (1 EUR a day) for R0 at x = 2, 20 kg from C0; `n` receivers in all. */
const city = (n = 1) =>
  facilityCity({
    hubs: [hub('A', 0, { fixedCostEurPerDay: 1 })],
    fleet: [fleet(0, TYPE.van)],
    receivers: Array.from({ length: n }, (_, i) => receiver(`R${i}`, 5)),
    orders: [order(0, 0, [20, 0.1, 1])],
  });
const backends = () => solve.mock.calls.map((c) => c[1]);

describe('the facility model backend', () => {
  it('javascript-lp-solver up to 3,000 variables: 1,499 receivers × (1 hub + alone) + 1 hub = 2,999', () => {
    solve.mockImplementation(() => new Map());
    expect(chooseFacilities(city(1499)).backend).toBe('js');
    expect(backends()).toEqual(['js']);
  });

  it('HiGHS above: 1,500 receivers give 3,001 variables', () => {
    solve.mockImplementation(() => new Map());
    expect(chooseFacilities(city(1500)).backend).toBe('highs');
    expect(backends()).toEqual(['highs']);
    // and when it gives up there, nothing else is tried
    solve.mockClear();
    solve.mockImplementation(() => undefined);
    expect(chooseFacilities(city(1500)).backend).toBe('none');
    expect(backends()).toEqual(['highs']);
  });

  it('javascript-lp-solver gives up: HiGHS solves the same model', () => {
    givesUp('js');
    const choice = chooseFacilities(city());
    expect(backends()).toEqual(['js', 'highs']);
    expect(choice.open).toEqual([true]);
    expect(choice.hubOf).toEqual([0]);
  });

  it('the backend asked for gives up: no hub, reason hub-closed, nothing else tried', () => {
    givesUp('js');
    expect(chooseFacilities(city(2), 'js')).toEqual({
      hubOf: [-1, -1],
      reasonOf: ['hub-closed', 'hub-closed'],
      open: [false],
      hubReasons: ['closed: the facility model found no feasible choice'],
      backend: 'none',
      objectiveEur: 0,
    });
    expect(backends()).toEqual(['js']);
  });

  it('HiGHS when asked for, even for a small model', () => {
    const choice = chooseFacilities(city(), 'highs');
    expect(choice.backend).toBe('highs');
    expect(choice.hubOf).toEqual([0]);
    expect(backends()).toEqual(['highs']);
  });

  it('HiGHS asked for gives up: nothing else tried', () => {
    givesUp('highs');
    expect(chooseFacilities(city(), 'highs').backend).toBe('none');
    expect(backends()).toEqual(['highs']);
  });

  it('HiGHS gives up too: the same', () => {
    givesUp('highs');
    solve.mockImplementationOnce(() => undefined);
    expect(chooseFacilities(city()).backend).toBe('none');
    expect(backends()).toEqual(['js', 'highs']);
  });

  it('no hub with a pooled fleet: nothing to solve, no-vehicle-allowed', () => {
    const none = facilityCity({
      hubs: [hub('A', 0), hub('B', 1)],
      fleet: [fleet(0, TYPE.van, 0)],
      receivers: [receiver('R0', 5)],
      orders: [order(0, 0, [20, 0.1, 1])],
    });
    expect(chooseFacilities(none)).toEqual({
      hubOf: [-1],
      reasonOf: ['no-vehicle-allowed'],
      open: [false, false],
      hubReasons: ['closed: no pooled fleet', 'closed: no pooled fleet'],
      backend: 'none',
      objectiveEur: 0,
    });
    expect(solve).not.toHaveBeenCalled();
  });
});
