/**
 * SLA monitoring for managers and inspectors: what is past its deadline, close to it, or was
 * escalated, narrowed by district, office, department, service, step and deadline range, and the
 * counts per office, department, service, district or step, with titles. Read from the work store.
 */
import { Router } from 'express';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import { slaListQuery, slaSummaryQuery } from '../schemas';
import type { GroupBy, SlaFilter } from '../work-queries';

const HOUR_MS = 3_600_000;
const oversight = ['manager', 'inspector', 'admin'] as const;

/** The filters of an SLA list or summary, from its query string. */
export function slaFilterOf(query: Record<string, string>): SlaFilter {
  const keys = ['district', 'office', 'department', 'service', 'step', 'from', 'to', 'escalatedTo'] as const;
  const filter: SlaFilter = Object.fromEntries(
    keys.filter((key) => query[key]).map((key) => [key, query[key]]),
  );
  return filter;
}

export function slaRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, work, present, titles } = ctx;
  const tag = 'SLA';

  const lists = [
    [
      'listBreaches',
      'breaches',
      'breached',
      'Open tasks past their deadline, the most recently breached first',
    ],
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
        description:
          '`escalatedTo` narrows the list to what was escalated to one supervisor; `office` and `department` to a holder (for breaches, the holder the task had when it breached); `from` and `to` to deadlines in a range. Paged.',
        access: oversight,
        query: slaListQuery,
        responses: { 200: { description: 'One page of the tasks', schema: answer.slaList } },
      },
      async (call) => {
        const now = Date.now();
        const page = { page: Number(call.query.page ?? 1), pageSize: Number(call.query.pageSize ?? 50) };
        const found = await work.sla(kind, slaFilterOf(call.query), page);
        const items = found.items.map((item) => {
          const lateByMs = Math.max(0, now - Date.parse(item.deadline));
          return {
            ...present.workItem(item, now),
            lateBy: { ms: lateByMs, hours: Math.round((lateByMs / HOUR_MS) * 10) / 10 },
          };
        });
        return { body: { total: found.total, ...page, items } };
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
        'Open, at-risk, breached and escalated tasks counted per office, department, service, district or step',
      description:
        'Breaches count against the holder the task had when it breached, not the one it was moved to.',
      access: oversight,
      query: slaSummaryQuery,
      responses: { 200: { description: 'Counts per group, most breaches first', schema: answer.slaSummary } },
    },
    async (call) => {
      const by = call.query.by as GroupBy;
      const groups = await work.summary(by, slaFilterOf(call.query));
      return { body: { by, groups: groups.map((group) => ({ ...group, title: titles.of(by, group.key) })) } };
    },
  );

  return router;
}
