/**
 * Operations: liveness and readiness, public like every load balancer expects; they reveal
 * whether the system answers, never requests. Metrics are behind a token (metrics.ts).
 */
import type { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { Router } from 'express';
import * as answer from '../answers';
import type { ApiContext } from '../context';

/** A worker counts as there when it polled the task queue within this long. */
const POLLED_WITHIN_MS = 70_000;

export function healthRoutes(
  ctx: ApiContext,
  connection: Connection,
  namespace: string,
  taskQueue: string,
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
      summary:
        'Ready for traffic: Temporal answers, a worker polls, the work store answers, the definitions are loaded',
      access: 'public',
      responses: {
        200: { description: 'Ready', schema: answer.readiness },
        503: { description: 'Not ready, and why', schema: answer.readiness },
      },
    },
    async () => {
      const within = <T>(call: () => Promise<T>) => connection.withDeadline(Date.now() + 2_000, call);
      const reachable = await within(() => connection.workflowService.getSystemInfo({})).then(
        () => true,
        () => false,
      );
      // A request started with no worker would wait: ready means some worker polls our queue.
      const workers = reachable
        ? await within(() =>
            connection.workflowService.describeTaskQueue({
              namespace,
              taskQueue: { name: taskQueue, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
              taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
            }),
          ).then(
            (answer) =>
              (answer.pollers ?? []).filter(
                (poller) =>
                  Date.now() - Number(poller.lastAccessTime?.seconds ?? 0) * 1000 < POLLED_WITHIN_MS,
              ).length,
            () => 0,
          )
        : 0;
      const store = await ctx.store.db.query('SELECT 1').then(
        () => true,
        () => false,
      );
      const definitions = catalog.all().length;
      const ready = reachable && workers > 0 && store && definitions > 0;
      return {
        status: ready ? 200 : 503,
        body: {
          status: ready ? 'ready' : 'not-ready',
          temporal: { reachable, namespace, workers },
          store: { reachable: store },
          definitions,
        },
      };
    },
  );

  return router;
}
