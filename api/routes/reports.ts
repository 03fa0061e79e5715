/**
 * Reports over the city's history in the work store: time per step, the share done on time,
 * breaches per day or week, requests started and finished, and the backlog over time, for a date
 * range, by service, district, office or department.
 */
import { Router } from 'express';
import {
  backlog,
  breachesPer,
  onTime,
  stepTimes,
  throughput,
  type Period,
  type ReportFilter,
  type ReportGroup,
} from '../../store/reports';
import * as answer from '../answers';
import type { ApiContext } from '../context';
import { ProblemError } from '../problem';
import { groupedReportQuery, periodReportQuery } from '../schemas';

const oversight = ['manager', 'inspector', 'admin'] as const;
const DAY_MS = 86_400_000;
/** A report reaches back at most this far in one call. */
const LONGEST_RANGE_DAYS = 731;

/** The range and filters of a report from its query string: the last 30 days by default. */
export function reportFilterOf(query: Record<string, string>, now = Date.now()): ReportFilter {
  const to = query.to ?? new Date(now).toISOString();
  const from = query.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  if (Date.parse(from) >= Date.parse(to))
    throw new ProblemError(
      'invalid-request',
      `The range is empty: 'from' (${from}) is not before 'to' (${to}).`,
    );
  if (Date.parse(to) - Date.parse(from) > LONGEST_RANGE_DAYS * DAY_MS)
    throw new ProblemError('invalid-request', `A report covers at most ${LONGEST_RANGE_DAYS} days.`);
  const keys = ['service', 'district', 'office', 'department'] as const;
  return {
    from,
    to,
    ...Object.fromEntries(keys.filter((key) => query[key]).map((key) => [key, query[key]])),
  };
}

export function reportRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, present, store, org, titles } = ctx;
  const tag = 'Reports';
  const zone = org.calendar.timeZone;
  const range = (filter: ReportFilter) => ({ from: present.when(filter.from), to: present.when(filter.to) });
  const day = (date: string) =>
    present.when(new Date(`${date}T00:00:00${offsetText(org.calendar.offsetMinutes)}`).toISOString());
  const common = { tag, access: oversight, problems: ['invalid-request' as const] };

  registry.mount(
    router,
    {
      ...common,
      id: 'stepTimesReport',
      method: 'get',
      path: '/api/reports/step-times',
      summary: 'Time per step: median and 90th percentile, in working hours and on the wall',
      description:
        'Over the tasks finished in the range, per service and step, and per group when `by` is given.',
      query: groupedReportQuery,
      responses: { 200: { description: 'One row per step (and group)', schema: answer.stepTimesReport } },
    },
    async (call) => {
      const filter = reportFilterOf(call.query);
      const by = call.query.by as ReportGroup | undefined;
      const items = await stepTimes(store.db, by, filter);
      return {
        body: {
          range: range(filter),
          ...(by ? { by } : {}),
          items: items.map((item) => ({
            ...item,
            stepTitle: titles.of('step', `${item.serviceId}/${item.stepId}`),
          })),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      ...common,
      id: 'onTimeReport',
      method: 'get',
      path: '/api/reports/on-time',
      summary: 'The share of tasks finished by their deadline',
      query: groupedReportQuery,
      responses: { 200: { description: 'One row per group', schema: answer.onTimeReport } },
    },
    async (call) => {
      const filter = reportFilterOf(call.query);
      const by = call.query.by as ReportGroup | undefined;
      return {
        body: { range: range(filter), ...(by ? { by } : {}), items: await onTime(store.db, by, filter) },
      };
    },
  );

  registry.mount(
    router,
    {
      ...common,
      id: 'breachesReport',
      method: 'get',
      path: '/api/reports/breaches',
      summary: 'Breaches per day or week',
      description: 'Tasks that passed their deadline still open, counted against who held them then.',
      query: periodReportQuery,
      responses: { 200: { description: 'One row per period (and group)', schema: answer.breachesReport } },
    },
    async (call) => {
      const filter = reportFilterOf(call.query);
      const period = (call.query.period ?? 'day') as Period;
      const by = call.query.by as ReportGroup | undefined;
      const items = await breachesPer(store.db, period, by, filter, zone);
      return {
        body: {
          range: range(filter),
          period,
          ...(by ? { by } : {}),
          items: items.map((item) => ({ ...item, period: day(item.period) })),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      ...common,
      id: 'throughputReport',
      method: 'get',
      path: '/api/reports/throughput',
      summary: 'Requests started and finished per day or week',
      query: periodReportQuery,
      responses: { 200: { description: 'One row per period', schema: answer.throughputReport } },
    },
    async (call) => {
      const filter = reportFilterOf(call.query);
      const period = (call.query.period ?? 'day') as Period;
      const items = await throughput(store.db, period, filter, zone);
      return {
        body: {
          range: range(filter),
          period,
          items: items.map((item) => ({ ...item, period: day(item.period) })),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      ...common,
      id: 'backlogReport',
      method: 'get',
      path: '/api/reports/backlog',
      summary: 'Requests open at the end of each day or week',
      query: periodReportQuery,
      responses: { 200: { description: 'One row per period', schema: answer.backlogReport } },
    },
    async (call) => {
      const filter = reportFilterOf(call.query);
      const period = (call.query.period ?? 'day') as Period;
      const items = await backlog(store.db, period, filter, zone);
      return {
        body: {
          range: range(filter),
          period,
          items: items.map((item) => ({ ...item, period: day(item.period) })),
        },
      };
    },
  );

  return router;
}

/** `+03:30` for 210 minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
