import type { Request, Response } from 'express';
import { Router } from 'express';
import type { Scenario } from '../../contracts/index.ts';
import {
  carrierShare,
  planHasOrdersOf,
  scenarioSchema,
  unknownCarrierMessage,
} from '../../contracts/index.ts';
import { planFor } from '../carrier-figures.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { principalOf, requireHub } from '../auth.ts';
import { allow } from '../route-table.ts';
import { gatedRead, type ReadGate } from '../read-gate.ts';
import { sendChunks, sendJson } from '../send-json.ts';
import { PLAN_ID_PATTERN } from '../plan-id.ts';
import { prepareSubmission, refuseKeyReuse, requireReader } from '../submission.ts';
import type { PlanEvent, PlanJobInput, PlanView } from '../../contracts/ports.ts';
import { hubDayParamsSchema, seedsQuerySchema, shareQuerySchema } from '../schemas.ts';
import { parseWith, pathParam } from '../validate.ts';
import { streamPlanEvents } from './plan-events.ts';

/** Effective seed and time limit (capped by config): part of the job payload and of the content hash. */
export function planJobInput(scenario: Scenario, planner: AppDeps['config']['planner']): PlanJobInput {
  const requested = scenario.options?.timeLimitSeconds ?? planner.defaultTimeLimitSeconds;
  return {
    scenario,
    seed: scenario.options?.seed ?? 1,
    timeLimitSeconds: Math.min(requested, planner.maxTimeLimitSeconds),
  };
}

/**
 * A plan the caller may read (404 for an unknown id and for someone else's plan alike); its status alone
 * with `withResult: false`, which needs no permit of the read gate.
 */
async function findPlan(
  deps: AppDeps,
  res: Response,
  id: string,
  options: { withResult?: boolean } = {},
): Promise<PlanView> {
  const plan = PLAN_ID_PATTERN.test(id) ? await deps.planJobs.getPlan(id, options) : undefined;
  if (!plan) throw new ApiError('NOT_FOUND', `no plan "${id}"`);
  requireReader(principalOf(res.locals), plan.owner, `plan "${id}"`);
  return plan;
}

/**
 * The view as sent: the owner record is the server's business, and per-carrier figures are shown to planners
 * and admins only (src/api/carrier-figures.ts).
 */
const publicView = (res: Response, { owner: _owner, ...view }: PlanView) =>
  view.result ? { ...view, result: planFor(principalOf(res.locals), view.result) } : view;

async function completedPlan(deps: AppDeps, res: Response, id: string) {
  const plan = await findPlan(deps, res, id);
  if (plan.status !== 'completed' || !plan.result)
    throw new ApiError('NOT_READY', `plan "${id}" is ${plan.status}`);
  return plan.result;
}

/** `gate`: every route below that reads a whole plan runs under one of its permits (read-gate.ts). */
export function plansRouter(deps: AppDeps, gate: ReadGate): Router {
  const router = Router();

  const submit = async (
    req: Request,
    res: Response,
    scenario: Scenario,
    hubId?: string,
    extra: object = {},
  ) => {
    const input = planJobInput(scenario, deps.config.planner);
    const { id, submission } = prepareSubmission(req, res, 'plan', input, hubId);
    refuseKeyReuse(await deps.planJobs.submitPlan(id, input, submission), submission);
    res
      .status(202)
      .location(`/v1/plans/${id}`)
      .json({ id, status: 'queued', ...extra });
  };

  router.post('/plans', allow('POST /v1/plans'), async (req, res) => {
    const { seeds } = parseWith(seedsQuerySchema, { ...req.query }, 'query');
    const scenario = parseWith(scenarioSchema, req.body, 'scenario');
    if (seeds === undefined) return await submit(req, res, scenario);
    // several seeds: one plan per seed as a comparison; its spread is GET /v1/comparisons/{id}/spread
    const first = scenario.options?.seed ?? 1;
    const variants = Array.from({ length: seeds }, (_, i) => {
      const seeded = { ...scenario, options: { ...scenario.options, seed: first + i } };
      return { name: `seed ${first + i}`, input: planJobInput(seeded, deps.config.planner) };
    });
    const { id, submission } = prepareSubmission(req, res, 'comparison', variants);
    refuseKeyReuse(await deps.planJobs.submitComparison(id, variants, submission), submission);
    res
      .status(202)
      .location(`/v1/comparisons/${id}`)
      .links({ spread: `/v1/comparisons/${id}/spread` })
      .json({ id, status: 'queued' });
  });

  router.post(
    '/hubs/:hubId/days/:date/plan',
    allow('POST /v1/hubs/:hubId/days/:date/plan'),
    async (req, res) => {
      const { hubId, date } = parseWith(hubDayParamsSchema, req.params, 'path');
      const reference = await deps.reference.current();
      if (!reference.hasHub(hubId)) throw new ApiError('NOT_FOUND', `unknown hub "${hubId}"`);
      requireHub(principalOf(res.locals), hubId);
      const { scenario, rejected } = reference.hubDayScenario(
        hubId,
        date,
        await deps.orders.dayOrders(hubId, date),
      );
      await submit(req, res, scenario, hubId, rejected.length > 0 ? { rejected } : {});
    },
  );

  router.get(
    '/plans/:id',
    allow('GET /v1/plans/:id'),
    gatedRead(gate, async (req, res) => {
      await sendJson(res, publicView(res, await findPlan(deps, res, pathParam(req.params, 'id'))));
    }),
  );

  /**
   * One carrier's cost row and emission statement: a carrier key its own, for any completed plan with its
   * orders (404 otherwise, 403 for another carrier's); planners and admins any carrier's (`?carrier=`) of a
   * plan they may read.
   */
  router.get(
    '/plans/:id/share',
    allow('GET /v1/plans/:id/share'),
    gatedRead(gate, async (req, res) => {
      const id = pathParam(req.params, 'id');
      const { carrier } = parseWith(shareQuerySchema, { ...req.query }, 'query');
      const principal = principalOf(res.locals);
      if (principal.role === 'carrier') {
        const own = principal.carrierId ?? '';
        if (carrier !== undefined && carrier !== own)
          throw new ApiError(
            'FORBIDDEN',
            `a carrier key reads its own share only ("${own}"), not "${carrier}"`,
          );
        const view = PLAN_ID_PATTERN.test(id) ? await deps.planJobs.getPlan(id) : undefined;
        const plan = view?.status === 'completed' ? view.result : undefined;
        // unknown, unfinished and other carriers' plans alike: nothing to tell a carrier about them
        if (!plan || !planHasOrdersOf(plan, own))
          throw new ApiError('NOT_FOUND', `no completed plan "${id}" with orders of carrier "${own}"`);
        res.json(carrierShare(plan, own));
        return;
      }
      if (carrier === undefined)
        throw new ApiError('VALIDATION_FAILED', 'whose share? give ?carrier=ID', [
          { path: 'carrier', message: 'required for planner and admin keys' },
        ]);
      const plan = await completedPlan(deps, res, id);
      const share = carrierShare(plan, carrier);
      if (!share) throw new ApiError('NOT_FOUND', unknownCarrierMessage(plan, carrier));
      res.json(share);
    }),
  );

  // status reads only (the events carry no plan): no permit, and an open stream holds none
  router.get('/plans/:id/events', allow('GET /v1/plans/:id/events'), async (req, res) => {
    const id = pathParam(req.params, 'id');
    const statusOnly = { withResult: false };
    await findPlan(deps, res, id, statusOnly);
    streamPlanEvents(req, res, {
      watch: (listener: (e: PlanEvent) => void) => deps.planJobs.watchPlan(id, listener),
      snapshot: async () => publicView(res, await findPlan(deps, res, id, statusOnly)),
    });
  });

  // the two big text exports are streamed, never one string (send-json.ts)
  router.get(
    '/plans/:id/geojson',
    allow('GET /v1/plans/:id/geojson'),
    gatedRead(gate, async (req, res) => {
      if (!deps.exporters) throw new ApiError('NOT_FOUND', 'GeoJSON export is not available on this server');
      const plan = await completedPlan(deps, res, pathParam(req.params, 'id'));
      // depth 2: the features, small and many, are stringified whole and in batches (io/json-chunks.ts)
      await sendJson(res, deps.exporters.geojson(plan), {
        type: 'application/geo+json; charset=utf-8',
        depth: 2,
      });
    }),
  );

  router.get(
    '/plans/:id/runsheets.csv',
    allow('GET /v1/plans/:id/runsheets.csv'),
    gatedRead(gate, async (req, res) => {
      if (!deps.exporters)
        throw new ApiError('NOT_FOUND', 'run sheet export is not available on this server');
      const id = pathParam(req.params, 'id');
      const lines = deps.exporters.runsheetsCsv(await completedPlan(deps, res, id));
      res.type('text/csv; charset=utf-8').attachment(`${id}-runsheets.csv`);
      await sendChunks(res, lines);
    }),
  );

  const binaryRunSheets = [
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'runsheetsXlsx'],
    ['pdf', 'application/pdf', 'runsheetsPdf'],
  ] as const;
  for (const [ext, type, exporter] of binaryRunSheets)
    router.get(
      `/plans/:id/runsheets.${ext}`,
      allow(`GET /v1/plans/:id/runsheets.${ext}`),
      gatedRead(gate, async (req, res) => {
        const write = deps.exporters?.[exporter];
        if (!write)
          throw new ApiError('NOT_FOUND', `run sheet ${ext} export is not available on this server`);
        const id = pathParam(req.params, 'id');
        const plan = await completedPlan(deps, res, id);
        res
          .type(type)
          .attachment(`${id}-runsheets.${ext}`)
          .send(Buffer.from(await write(plan)));
      }),
    );

  return router;
}
