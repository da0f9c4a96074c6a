// The ids live in the domain (src/energy needs them and must not import contracts); the wire re-exports them.
export {
  BUILT_IN_VEHICLE_CLASSES,
  BUILT_IN_VEHICLE_TYPE_IDS,
  BUILT_IN_VEHICLE_TYPE_KINDS,
  type BuiltInVehicleTypeId,
} from '../domain/vehicle-type.ts';
