/**
 * Operations: liveness, readiness and Prometheus metrics. Public, like every load balancer and
 * scraper expects; they reveal counts, never requests.
 */
import type { Connection } from '@temporalio/client';
import { Router } from 'express';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import type { Metrics } from '../metrics';

export function healthRoutes(
  ctx: ApiContext,
  connection: Connection,
  namespace: string,
  metrics: Metrics,
): Router {
  const router = Router();
  const { registry, catalog } = ctx;
  const tag = 'Operations';

  registry.mount(
    router,
    {
      id: 'liveness',
      method: 'get',
      path: '/healthz',
      tag,
      summary: 'The process is up',
      access: 'public',
      responses: { 200: { description: 'Up', schema: answer.health } },
    },
    () => ({ body: { status: 'ok' } }),
  );

  registry.mount(
    router,
    {
      id: 'readiness',
      method: 'get',
      path: '/readyz',
      tag,
      summary: 'Ready for traffic: Temporal answers and the definitions are loaded',
      access: 'public',
      responses: {
        200: { description: 'Ready', schema: answer.readiness },
        503: { description: 'Not ready, and why', schema: answer.readiness },
      },
    },
    async () => {
      let reachable = true;
      try {
        await connection.withDeadline(Date.now() + 2_000, () => connection.workflowService.getSystemInfo({}));
      } catch {
        reachable = false;
      }
      const definitions = catalog.all().length;
      const ready = reachable && definitions > 0;
      return {
        status: ready ? 200 : 503,
        body: { status: ready ? 'ready' : 'not-ready', temporal: { reachable, namespace }, definitions },
      };
    },
  );

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return router;
}
