/**
 * The services the engine runs, as designers and front ends see them.
 */
import { Router } from 'express';
import type { PlanCatalog } from '../../lib/definitions/plan-catalog';
import type { ServicePlan } from '../../lib/plan/types';
import { ProblemError } from '../problem';

function summary(plan: ServicePlan) {
  return {
    id: plan.serviceId,
    title: plan.title,
    domain: plan.domain,
    intake: plan.intake,
    sla: plan.sla.text,
    version: plan.version,
    hash: plan.hash,
    steps: Object.keys(plan.steps).length,
  };
}

export function definitionRoutes(catalog: PlanCatalog): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    const items = catalog.all().map(summary);
    res.json({ total: items.length, items });
  });

  router.get('/:serviceId', (req, res) => {
    const plan = catalog.latest(String(req.params.serviceId));
    if (!plan) throw new ProblemError('not-found', `There is no service '${String(req.params.serviceId)}'.`);
    res.json({ ...summary(plan), plan });
  });

  return router;
}
