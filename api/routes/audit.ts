/**
 * The audit trail, for managers and inspectors: read and check it. Nothing writes to it but
 * the API itself; there is no route that changes or removes an entry.
 */
import { Router } from 'express';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import { auditQuery } from '../schemas';

export function auditRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, audit, present } = ctx;

  registry.mount(
    router,
    {
      id: 'listAuditEntries',
      method: 'get',
      path: '/api/audit',
      tag: 'Audit',
      summary: 'Who changed what, when, from where, and with what result; newest first',
      access: ['manager', 'inspector'],
      query: auditQuery,
      responses: { 200: { description: 'One page of entries', schema: answer.auditEntries } },
    },
    async (call) => {
      const { page = '1', pageSize = '50', ...filter } = call.query;
      const paging = { page: Number(page), pageSize: Number(pageSize) };
      const found = await audit.list(filter, paging);
      // Each instant twice, as everywhere: the ISO 8601 `at` the entry was kept (and hashed) with,
      // and the Jalali date and time of the city beside it.
      const items = found.items.map((entry) => ({ ...entry, jalali: present.when(entry.at).jalali }));
      return { body: { total: found.total, ...paging, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'checkAuditTrail',
      method: 'get',
      path: '/api/audit/check',
      tag: 'Audit',
      summary: "Re-computes the trail's hash chain: says whether any entry was changed or removed",
      access: ['manager', 'inspector'],
      responses: { 200: { description: 'Intact, or where the chain breaks', schema: answer.auditCheck } },
    },
    async () => ({ body: await audit.verify() }),
  );

  return router;
}
