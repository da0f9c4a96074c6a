export * from './primitives.ts';
export * from './scenario.ts';
export * from './plan.ts';
export * from './built-in-vehicle-types.ts';
export * from './format-issues.ts';
export * from './plan-task.ts';
export * from './scenario-zones.ts';
export * from './closest-name.ts';
export { strictObject } from './strict-object.ts';

export * from './scenario-warnings.ts';
