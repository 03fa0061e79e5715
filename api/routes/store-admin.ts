/**
 * Keeping the work store true to Temporal, for administrators: rebuild it from the requests'
 * workflows (running ones, and those ended within some days), and check it against them.
 */
import { Router } from 'express';
import { rebuild, reconcile } from '../../store/rebuild';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import { storeCheckQuery, storeRebuildBody } from '../schemas';

export function storeAdminRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, store, temporal } = ctx;
  const tag = 'Operations';

  registry.mount(
    router,
    {
      id: 'rebuildStore',
      method: 'post',
      path: '/api/admin/store/rebuild',
      tag,
      summary: 'Rewrite the work store from the requests in Temporal',
      description:
        "Each running request, and each that ended within `days` (30 by default), answers the rows it stands for; they are written at the request's own revision, so nothing newer is overwritten and nothing is written twice.",
      access: ['admin'],
      body: storeRebuildBody,
      responses: { 200: { description: 'What was rebuilt', schema: answer.storeRebuilt } },
    },
    async (call) => {
      const { days = 30 } = (call.body ?? {}) as { days?: number };
      return { body: await rebuild(store.writer, temporal, { days }) };
    },
  );

  registry.mount(
    router,
    {
      id: 'checkStore',
      method: 'get',
      path: '/api/admin/store/check',
      tag,
      summary: 'Compare the work store with the requests in Temporal',
      description:
        'Lists every difference between what each running request (and each ended within `days`) stands for and what the store holds of it. An empty list means the store is true.',
      access: ['admin'],
      query: storeCheckQuery,
      responses: { 200: { description: 'The differences', schema: answer.storeChecked } },
    },
    async (call) => ({ body: await reconcile(store.db, temporal, { days: Number(call.query.days ?? 30) }) }),
  );

  return router;
}
