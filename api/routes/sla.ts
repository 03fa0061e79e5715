/**
 * SLA monitoring for managers: what is past its deadline, and to whom it was escalated.
 */
import { Router } from 'express';
import type { Presenter } from '../present';
import type { RequestService } from '../request-service';
import { breachListQuery } from '../schemas';
import { validateQuery } from '../validation';

const HOUR_MS = 3_600_000;

export function slaRoutes(service: RequestService, present: Presenter): Router {
  const router = Router();

  router.get('/breaches', validateQuery(breachListQuery), async (req, res) => {
    const escalatedTo = typeof req.query.escalatedTo === 'string' ? req.query.escalatedTo : undefined;
    const breaches = await service.breaches(escalatedTo);
    res.json({
      total: breaches.length,
      items: breaches.map((item) => ({
        ...item,
        deadline: present.when(item.deadline),
        lateBy: { ms: item.lateByMs, hours: Math.round((item.lateByMs / HOUR_MS) * 10) / 10 },
      })),
    });
  });

  return router;
}
