/**
 * Licensed offices and their licences; changes to a licence; routing and office reports.
 */
import { Router } from 'express';
import type { PublishedCatalog } from '../../lib/definitions/published-catalog';
import type { OfficeService } from '../office-service';
import { ProblemError } from '../problem';
import { licenceChangeBody, officeReportQuery, routingReportQuery } from '../schemas';
import { validateBody, validateQuery } from '../validation';

export function officeRoutes(offices: OfficeService): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const items = await offices.list();
    res.json({ total: items.length, items });
  });

  router.get('/:officeId', async (req, res) => {
    res.json(await offices.get(String(req.params.officeId)));
  });

  router.post('/:officeId/licence', validateBody(licenceChangeBody), async (req, res) => {
    const body = req.body as {
      action: 'suspend' | 'revoke' | 'reinstate' | 'renew';
      reason: string;
      by?: string;
      validUntil?: string;
    };
    res.json(
      await offices.changeLicence(String(req.params.officeId), {
        action: body.action,
        reason: body.reason,
        by: body.by ?? 'api',
        ...(body.validUntil ? { validUntil: body.validUntil } : {}),
      }),
    );
  });

  return router;
}

export function reportRoutes(offices: OfficeService, catalog: PublishedCatalog): Router {
  const router = Router();

  router.get('/routing', validateQuery(routingReportQuery), async (req, res) => {
    const serviceId = req.query.service as string;
    const district = req.query.district as string;
    const plan = catalog.latest(serviceId);
    if (!plan) throw new ProblemError('unknown-service', `There is no service '${serviceId}'.`);
    const report = await offices.routingReport(serviceId, district, plan.domain);
    res.json({
      service: serviceId,
      district,
      ...report,
      maxMinRatio: Number.isFinite(report.maxMinRatio) ? report.maxMinRatio : null,
    });
  });

  router.get('/offices', validateQuery(officeReportQuery), async (req, res) => {
    const service = typeof req.query.service === 'string' ? req.query.service : undefined;
    const district = typeof req.query.district === 'string' ? req.query.district : undefined;
    const items = await offices.performance(service, district);
    res.json({ total: items.length, items });
  });

  return router;
}
