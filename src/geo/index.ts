export { circuityTravel, DEFAULT_CIRCUITY } from './circuity-travel.ts';
export { matrixTravel } from './matrix-travel.ts';
export { greatCircleMetres } from './great-circle.ts';
export type { SpeedProfilesKmh } from './speed-profiles.ts';
export { pointInArea } from './point-in-area.ts';
export {
  DAY_S,
  daySpeedFactors,
  drivingArrivingS,
  drivingLeavingS,
  drivingTimeArrivingS,
  drivingTimeLeavingS,
  timeDependentTravel,
  type SpeedPeriod,
} from './time-dependent-travel.ts';
