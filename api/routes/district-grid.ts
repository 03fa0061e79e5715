/**
 * The district × domain grid of the managers' dashboard: breaches and the share done on time in
 * each district for each domain of services, over a date range. Read from the work store.
 */
import { Router } from 'express';
import { districtDomainGrid } from '../../store/district-grid';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import { districtGridQuery } from '../schemas';
import { reportFilterOf } from './reports';

export function districtGridRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, present, store } = ctx;

  registry.mount(
    router,
    {
      id: 'districtDomainReport',
      method: 'get',
      path: '/api/reports/districts',
      tag: 'Reports',
      summary: 'Breaches and tasks done on time per district and domain',
      description:
        'Breaches are tasks that passed their deadline in the range; tasks done are those finished in it. The last 30 days by default.',
      access: ['manager', 'inspector', 'admin'],
      query: districtGridQuery,
      responses: { 200: { description: 'One row per district and domain', schema: answer.districtGrid } },
      problems: ['invalid-request'],
    },
    async (call) => {
      const filter = reportFilterOf(call.query);
      const items = await districtDomainGrid(store.db, filter);
      return { body: { range: { from: present.when(filter.from), to: present.when(filter.to) }, items } };
    },
  );

  return router;
}
