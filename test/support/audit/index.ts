/**
 * The independent plan auditor (issue 12): imports nothing from src/ but wire types. Entry points:
 * auditPlan (violations), auditPlanDetailed (plus the recomputed figures) and auditPlanPart (one plan
 * part, for parts such as ownRoundsCleanFleet).
 */
export { auditPlan, auditPlanDetailed, type PlanAudit } from './audit-plan.ts';
export { auditContext, type AuditContext, type AuditOptions } from './context.ts';
export { auditPlanPart, type PartFigures, type PartSpec, type PlanPart } from './part.ts';
export { haversineKm } from './geo.ts';
export {
  EMISSION_VIOLATION_CODES,
  VIOLATION_CODES,
  Violations,
  type Violation,
  type ViolationCode,
} from './violations.ts';
export * from './tolerances.ts';
