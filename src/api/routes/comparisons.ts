import { Router } from 'express';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { principalOf, requireRole } from '../auth.ts';
import { COMPARISON_ID_PATTERN, jobIdFor } from '../plan-id.ts';
import { comparisonRequestSchema } from '../schemas.ts';
import { parseWith, pathParam } from '../validate.ts';
import { planJobInput } from './plans.ts';

/** POST /v1/comparisons: one child plan job per variant, a parent job aggregating their KPIs and savings. */
export function comparisonsRouter(deps: AppDeps): Router {
  const router = Router();

  router.post('/comparisons', requireRole('planner'), async (req, res) => {
    const body = parseWith(comparisonRequestSchema, req.body);
    const variants = body.variants.map((v) => ({
      name: v.name,
      input: planJobInput(v.scenario, deps.config.planner),
    }));
    const key = req.get('Idempotency-Key');
    const id = jobIdFor(
      'comparison',
      variants,
      key ? { caller: principalOf(res.locals).fingerprint, key } : undefined,
    );
    await deps.planJobs.submitComparison(id, variants);
    res.status(202).location(`/v1/comparisons/${id}`).json({ id, status: 'queued' });
  });

  router.get('/comparisons/:id', requireRole('planner', 'dispatcher'), async (req, res) => {
    const id = pathParam(req.params, 'id');
    const view = COMPARISON_ID_PATTERN.test(id) ? await deps.planJobs.getComparison(id) : undefined;
    if (!view) throw new ApiError('NOT_FOUND', `no comparison "${id}"`);
    res.json(view);
  });

  return router;
}
