/**
 * SLA monitoring for managers and inspectors: what is past its deadline, what is close to it,
 * what was escalated, and the counts per office, department, service or district.
 */
import { Router } from 'express';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import { slaListQuery, slaSummaryQuery } from '../schemas';
import type { GroupBy, WorkItem } from '../work-queries';

const HOUR_MS = 3_600_000;
const oversight = ['manager', 'inspector', 'admin'] as const;

export function slaRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, work, present } = ctx;
  const tag = 'SLA';

  const view = (item: WorkItem, now: number) => {
    const lateByMs = Math.max(0, now - Date.parse(item.deadline));
    return {
      ...item,
      deadline: present.when(item.deadline),
      lateBy: { ms: lateByMs, hours: Math.round((lateByMs / HOUR_MS) * 10) / 10 },
    };
  };

  const lists = [
    ['listBreaches', 'breaches', 'breached', 'Open tasks past their deadline, the latest first'],
    ['listAtRisk', 'at-risk', 'at-risk', 'Open tasks past their reminder point, nearest deadline first'],
    ['listEscalations', 'escalations', 'escalated', 'Open tasks escalated to a supervisor or higher'],
  ] as const;
  for (const [id, path, kind, summary] of lists) {
    registry.mount(
      router,
      {
        id,
        method: 'get',
        path: `/api/sla/${path}`,
        tag,
        summary,
        description: '`escalatedTo` narrows the list to what was escalated to one supervisor.',
        access: oversight,
        query: slaListQuery,
        responses: { 200: { description: 'The tasks', schema: answer.slaList } },
      },
      async (call) => {
        const now = Date.now();
        const items = (await work.sla(kind, call.query.escalatedTo)).map((item) => view(item, now));
        if (kind === 'breached') items.reverse();
        return { body: { total: items.length, items } };
      },
    );
  }

  registry.mount(
    router,
    {
      id: 'slaSummary',
      method: 'get',
      path: '/api/sla/summary',
      tag,
      summary:
        'Open, at-risk, breached and escalated tasks counted per office, department, service or district',
      access: oversight,
      query: slaSummaryQuery,
      responses: { 200: { description: 'Counts per group, most breaches first', schema: answer.slaSummary } },
    },
    async (call) => {
      const by = call.query.by as GroupBy;
      return { body: { by, groups: await work.summary(by) } };
    },
  );

  return router;
}
