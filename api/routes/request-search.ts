/**
 * Finding requests in the work store: by tracking code or national id, service, district, state
 * and the day they started. Staff find the requests their unit worked on or took in; managers,
 * inspectors and admins every one.
 */
import { Router } from 'express';
import { nationalIdHash } from '../../store/national-id';
import { searchRequests } from '../../store/request-search';
import * as answer from '../answers';
import type { Actor } from '../auth/actor';
import type { ApiContext } from '../context';
import { requestSearchQuery } from '../schemas';

export function requestSearchRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, present, store, work } = ctx;

  registry.mount(
    router,
    {
      id: 'searchRequests',
      method: 'get',
      path: '/api/requests',
      tag: 'Requests',
      summary: 'Find requests',
      description:
        "`q` is a tracking code (12 digits) or an applicant's national id (10 digits, matched exactly: the store keeps only a keyed hash of it). Newest first, paged.",
      access: ['office', 'department', 'manager', 'inspector', 'admin'],
      query: requestSearchQuery,
      responses: { 200: { description: 'One page of the requests found', schema: answer.requestSearch } },
    },
    async (call) => {
      const q = call.query;
      const actor = call.actor as Actor;
      const page = { page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 20) };
      const found = await searchRequests(
        store.db,
        { ...work.scopeOf(actor), ...(actor.office ? { office: actor.office } : {}) },
        {
          ...(q.q && q.q.length === 12 ? { trackingCode: q.q } : {}),
          ...(q.q && q.q.length === 10 ? { nationalIdHash: nationalIdHash(store.nationalIdKey, q.q) } : {}),
          ...(q.service ? { service: q.service } : {}),
          ...(q.district ? { district: q.district } : {}),
          ...(q.state ? { state: q.state } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          ...page,
        },
      );
      return {
        body: {
          total: found.total,
          ...page,
          items: found.items.map(({ serviceId, serviceTitle, startedAt, endedAt, deadline, ...rest }) => ({
            ...rest,
            service: { id: serviceId, title: serviceTitle },
            startedAt: present.when(startedAt),
            ...(endedAt ? { endedAt: present.when(endedAt) } : {}),
            deadline: present.when(deadline),
          })),
        },
      };
    },
  );

  return router;
}
