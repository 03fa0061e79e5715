/**
 * Citizens' requests: start one, read where it is.
 */
import { Router } from 'express';
import { isTrackingCode } from '../../lib/tracking-code';
import { ProblemError } from '../problem';
import type { Presenter } from '../present';
import type { RequestService, StartRequest } from '../request-service';
import {
  documentsBody,
  extendBody,
  paymentBody,
  resumeBody,
  startRequestBody,
  suspendBody,
  withdrawBody,
} from '../schemas';
import { idempotencyKey, validateBody } from '../validation';

/** A tracking code from the path, refused at once when a digit is mistyped. */
function code(value: unknown): string {
  const text = String(value);
  if (!isTrackingCode(text))
    throw new ProblemError('invalid-tracking-code', `'${text}' is not a tracking code: check the digits.`);
  return text;
}

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
    res.json(present.status(await service.status(code(req.params.trackingCode))));
  });

  // The citizen's actions: withdraw, answer a request for documents, pay.
  router.post('/:trackingCode/withdraw', validateBody(withdrawBody), async (req, res) => {
    const body = req.body as { reason: string; actor?: string };
    const trackingCode = code(req.params.trackingCode);
    const actor = body.actor ?? `applicant:${trackingCode}`;
    res.json(present.status(await service.withdraw(trackingCode, { reason: body.reason, actor })));
  });

  router.post('/:trackingCode/documents', validateBody(documentsBody), async (req, res) => {
    const body = req.body as { outcome?: string; data?: Record<string, unknown> };
    res.json(present.status(await service.answerAsApplicant(code(req.params.trackingCode), body)));
  });

  router.post('/:trackingCode/payments', validateBody(paymentBody), async (req, res) => {
    const body = req.body as { billId: string; receipt: string; actor?: string };
    const payment = { billId: body.billId, receipt: body.receipt, actor: body.actor ?? 'treasury-gateway' };
    res.json(present.status(await service.pay(code(req.params.trackingCode), payment, idempotencyKey(req))));
  });

  // Staff: stop and restart the clock, extend a deadline; each change is kept on the request.
  router.post('/:trackingCode/clock/suspend', validateBody(suspendBody), async (req, res) => {
    const body = req.body as { reason: string; actor: string };
    res.json(present.status(await service.suspendClock(code(req.params.trackingCode), body)));
  });

  router.post('/:trackingCode/clock/resume', validateBody(resumeBody), async (req, res) => {
    const body = req.body as { actor: string };
    res.json(present.status(await service.resumeClock(code(req.params.trackingCode), body)));
  });

  router.post('/:trackingCode/extensions', validateBody(extendBody), async (req, res) => {
    const body = req.body as { of: string; by: string; reason: string; actor: string };
    res.json(present.status(await service.extendDeadline(code(req.params.trackingCode), body)));
  });

  return router;
}
