/**
 * Citizens' requests: start one, read where it is.
 */
import { Router } from 'express';
import { isTrackingCode } from '../../lib/tracking-code';
import { ProblemError } from '../problem';
import type { Presenter } from '../present';
import type { RequestService, StartRequest } from '../request-service';
import { startRequestBody } from '../schemas';
import { validateBody } from '../validation';

export function requestRoutes(service: RequestService, present: Presenter): Router {
  const router = Router();

  router.post('/', validateBody(startRequestBody), async (req, res) => {
    const { trackingCode, plan } = await service.start(req.body as StartRequest);
    res
      .status(201)
      .location(`/api/requests/${trackingCode}`)
      .json({
        trackingCode,
        service: { id: plan.serviceId, title: plan.title, version: plan.version },
        state: 'active',
      });
  });

  router.get('/:trackingCode', async (req, res) => {
    const code = String(req.params.trackingCode);
    if (!isTrackingCode(code)) {
      throw new ProblemError('invalid-tracking-code', `'${code}' is not a tracking code: check the digits.`);
    }
    res.json(present.status(await service.status(code)));
  });

  return router;
}
