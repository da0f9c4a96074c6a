import type { Response } from 'express';
import { Router } from 'express';
import {
  areSeedsOfOneScenario,
  seedSpread,
  ComparisonSpecError,
  parseComparison,
  type ComparisonVariantInput,
  type LoadRef,
} from '../../contracts/index.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { principalOf } from '../auth.ts';
import { comparisonFor } from '../carrier-figures.ts';
import { allow } from '../route-table.ts';
import { COMPARISON_ID_PATTERN } from '../plan-id.ts';
import { prepareSubmission, refuseKeyReuse, requireReader } from '../submission.ts';
import { comparisonRequestSchema } from '../schemas.ts';
import { parseWith, pathParam } from '../validate.ts';
import { planJobInput } from './plans.ts';

/** Over HTTP there are no files to refer to: the base and every patch come inline. */
const noFiles: LoadRef = (_ref, path) => {
  throw new ComparisonSpecError([
    { path, message: 'files cannot be referred to over HTTP: send the base scenario and the patches inline' },
  ]);
};

/**
 * The variants of a comparison body: `{ variants: [{ name, scenario }] }`, or `{ base, variants: [{ name,
 * patch?, each? }] }` as `picon compare` reads it (told apart by `base`), each patched scenario validated.
 */
function variantsOf(body: unknown): ComparisonVariantInput[] {
  if (typeof body !== 'object' || body === null || !('base' in body))
    return parseWith(comparisonRequestSchema, body).variants;
  try {
    return parseComparison(body, noFiles);
  } catch (err) {
    if (err instanceof ComparisonSpecError)
      throw new ApiError('VALIDATION_FAILED', 'invalid comparison', [...err.issues]);
    throw err;
  }
}

/** POST /v1/comparisons: one child plan job per variant, a parent job aggregating their KPIs and savings. */
export function comparisonsRouter(deps: AppDeps): Router {
  const router = Router();

  router.post('/comparisons', allow('POST /v1/comparisons'), async (req, res) => {
    const variants = variantsOf(req.body).map((v) => ({
      name: v.name,
      ...(v.description !== undefined ? { description: v.description } : {}),
      input: planJobInput(v.scenario, deps.config.planner),
    }));
    const { id, submission } = prepareSubmission(req, res, 'comparison', variants);
    refuseKeyReuse(await deps.planJobs.submitComparison(id, variants, submission), submission);
    res.status(202).location(`/v1/comparisons/${id}`).json({ id, status: 'queued' });
  });

  const findComparison = async (res: Response, id: string) => {
    const view = COMPARISON_ID_PATTERN.test(id) ? await deps.planJobs.getComparison(id) : undefined;
    if (!view) throw new ApiError('NOT_FOUND', `no comparison "${id}"`);
    requireReader(principalOf(res.locals), view.owner, `comparison "${id}"`);
    return view;
  };

  router.get('/comparisons/:id', allow('GET /v1/comparisons/:id'), async (req, res) => {
    const { owner: _owner, ...view } = await findComparison(res, pathParam(req.params, 'id'));
    const reader = principalOf(res.locals);
    res.json(view.result ? { ...view, result: comparisonFor(reader, view.result) } : view);
  });

  /** `POST /v1/plans?seeds=N`'s answer: every figure as median and min–max over the seeds. */
  router.get('/comparisons/:id/spread', allow('GET /v1/comparisons/:id/spread'), async (req, res) => {
    const id = pathParam(req.params, 'id');
    const view = await findComparison(res, id);
    if (view.status !== 'completed' || !view.result)
      throw new ApiError('NOT_READY', `comparison "${id}" is ${view.status}`);
    const rows = view.result.variants;
    if (!areSeedsOfOneScenario(rows))
      throw new ApiError(
        'INVALID_INPUT',
        `comparison "${id}" is not one scenario planned with several seeds: no spread to compute`,
      );
    res.json(seedSpread(rows));
  });

  return router;
}
