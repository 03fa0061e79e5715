/**
 * Health: whether the process is up and Temporal answers.
 */
import type { Connection } from '@temporalio/client';
import { Router } from 'express';

export function healthRoutes(
  connection: Connection,
  details: { namespace: string; definitions: number },
): Router {
  const router = Router();

  router.get('/healthz', async (_req, res) => {
    let reachable = true;
    try {
      await connection.withDeadline(Date.now() + 2_000, () => connection.workflowService.getSystemInfo({}));
    } catch {
      reachable = false;
    }
    res.status(reachable ? 200 : 503).json({
      status: reachable ? 'ok' : 'degraded',
      temporal: { reachable, namespace: details.namespace },
      definitions: details.definitions,
    });
  });

  return router;
}
