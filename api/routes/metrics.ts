/**
 * Prometheus metrics, behind a token: they show breaches and load, which are nobody else's
 * business. A scraper sends the configured metrics token (`PISHKHAN_METRICS_TOKEN`) as a bearer
 * token; an administrator may send their own.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { bearerToken, type tokenVerifier } from '../auth/authenticate';
import type { Metrics } from '../metrics';
import { ProblemError } from '../problem';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsRoute(
  metrics: Metrics,
  verify: ReturnType<typeof tokenVerifier>,
  metricsToken: string | undefined,
): Router {
  const router = Router();
  const expected = metricsToken ? digest(metricsToken) : undefined;
  router.get('/metrics', async (req, res) => {
    const token = bearerToken(req.get('authorization') ?? '');
    if (!token)
      throw new ProblemError(
        'unauthenticated',
        "Send the metrics token, or an administrator's token, as a bearer token.",
      );
    const scraper = expected !== undefined && timingSafeEqual(digest(token), expected);
    if (!scraper && (await verify(token)).role !== 'admin')
      throw new ProblemError('forbidden', 'Only the metrics scraper and administrators read the metrics.');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
