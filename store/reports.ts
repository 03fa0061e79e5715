/**
 * What managers ask of the city's history: how long each step takes (median and 90th percentile,
 * in working hours and in hours on the wall), the share done on time, breaches per day or week,
 * requests started and finished, and the backlog over time. Periods are the city's days and its
 * weeks, Saturday to Friday.
 */
import type { Queryable } from './database';
import { isEmpty, monthTotals, splitByMonths } from './month-totals';
import { Params } from './sql';

export type ReportGroup = 'service' | 'district' | 'office' | 'department';
export type Period = 'day' | 'week';

export interface ReportFilter {
  /** The first instant counted, and the first after it (ISO). */
  from: string;
  to: string;
  service?: string;
  district?: string;
  /** An office id. */
  office?: string;
  /** A department (urban-planning) or one district's (d05.urban-planning). */
  department?: string;
}

/** The group a task counts in, by who held it when it closed (or breached). */
function taskGroup(by: ReportGroup | undefined, breach = false): string {
  const unit = breach ? 't.breached_unit' : 't.holder_unit';
  const holder = breach ? 't.breached_holder' : 't.holder';
  switch (by) {
    case 'service':
      return 't.service_id';
    case 'district':
      return 't.district';
    case 'office':
      return `CASE WHEN ${holder} LIKE 'office:%' THEN ${unit} END`;
    case 'department':
      return `CASE WHEN ${holder} ~ '^(department|head):' THEN ${unit} END`;
    case undefined:
      return `'all'`;
  }
}

function taskFilters(filter: ReportFilter, params: Params, breach = false): string[] {
  const where: string[] = [];
  if (filter.service) where.push(`t.service_id = ${params.add(filter.service)}`);
  if (filter.district) where.push(`t.district = ${params.add(filter.district)}`);
  const unit = breach ? 't.breached_unit' : 't.holder_unit';
  if (filter.office) where.push(`${unit} = ${params.add(filter.office)}`);
  if (filter.department)
    where.push(
      filter.department.includes('.')
        ? `${unit} = ${params.add(filter.department)}`
        : `t.holder_department = ${params.add(filter.department)}`,
    );
  return where;
}

/** The start of the period an instant falls in, as the city's calendar day (YYYY-MM-DD). */
function bucket(column: string, period: Period, zone: string): string {
  const local = `(${column} AT TIME ZONE ${zone})`;
  // The city's week starts on Saturday: shift to Monday's week, truncate, shift back.
  return period === 'day'
    ? `to_char(date_trunc('day', ${local}), 'YYYY-MM-DD')`
    : `to_char(date_trunc('week', ${local} + interval '2 days') - interval '2 days', 'YYYY-MM-DD')`;
}

export interface StepTime {
  serviceId: string;
  stepId: string;
  group: string;
  done: number;
  workingHours: { median: number; p90: number };
  elapsedHours: { median: number; p90: number };
}

const round = (value: number | null) => (value === null ? 0 : Math.round(value * 10) / 10);

export async function stepTimes(
  db: Queryable,
  by: ReportGroup | undefined,
  filter: ReportFilter,
): Promise<StepTime[]> {
  const params = new Params();
  const where = [
    `t.status = 'done'`,
    `t.closed_at >= ${params.add(filter.from)}`,
    `t.closed_at < ${params.add(filter.to)}`,
    ...taskFilters(filter, params),
  ];
  const group = taskGroup(by);
  const rows = await db.query<{
    service_id: string;
    step_id: string;
    grp: string;
    done: number;
    w50: number | null;
    w90: number | null;
    e50: number | null;
    e90: number | null;
  }>(
    `SELECT t.service_id, t.step_id, ${group} AS grp, count(*)::int AS done,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY t.working_minutes) / 60 AS w50,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY t.working_minutes) / 60 AS w90,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.opened_at)) / 3600 AS e50,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.opened_at)) / 3600 AS e90
       FROM tasks t WHERE ${where.join(' AND ')}
      GROUP BY 1, 2, 3 HAVING ${group} IS NOT NULL
      ORDER BY 1, 2, 3`,
    params.values,
  );
  return rows.map((row) => ({
    serviceId: row.service_id,
    stepId: row.step_id,
    group: row.grp,
    done: row.done,
    workingHours: { median: round(row.w50), p90: round(row.w90) },
    elapsedHours: { median: round(row.e50), p90: round(row.e90) },
  }));
}

export interface OnTime {
  group: string;
  tasksDone: number;
  tasksOnTime: number;
  /** Share of finished tasks done by their deadline, 0 to 1; null when none finished. */
  taskRate: number | null;
}

export async function onTime(
  db: Queryable,
  by: ReportGroup | undefined,
  filter: ReportFilter,
): Promise<OnTime[]> {
  // The whole city's share: its whole months from the monthly totals, the two ends from the tasks.
  const split =
    by === undefined && taskFilters(filter, new Params()).length === 0 ? splitByMonths(filter) : undefined;
  if (split) {
    let done = 0;
    let onTimeCount = 0;
    for (const cell of await monthTotals(db, split.months)) {
      done += cell.tasksDone;
      onTimeCount += cell.tasksOnTime;
    }
    for (const end of [split.head, split.tail])
      if (!isEmpty(end))
        for (const row of await onTimeOfTasks(db, by, { ...filter, ...end })) {
          done += row.tasksDone;
          onTimeCount += row.tasksOnTime;
        }
    return done === 0 ? [] : [onTimeRow('all', done, onTimeCount)];
  }
  return onTimeOfTasks(db, by, filter);
}

const onTimeRow = (group: string, done: number, onTime: number): OnTime => ({
  group,
  tasksDone: done,
  tasksOnTime: onTime,
  taskRate: done ? Math.round((onTime / done) * 1000) / 1000 : null,
});

async function onTimeOfTasks(
  db: Queryable,
  by: ReportGroup | undefined,
  filter: ReportFilter,
): Promise<OnTime[]> {
  const params = new Params();
  const where = [
    `t.status = 'done'`,
    `t.closed_at >= ${params.add(filter.from)}`,
    `t.closed_at < ${params.add(filter.to)}`,
    ...taskFilters(filter, params),
  ];
  const group = taskGroup(by);
  const rows = await db.query<{ grp: string; done: number; on_time: number }>(
    `SELECT ${group} AS grp, count(*)::int AS done,
            count(*) FILTER (WHERE t.closed_at <= t.deadline AND t.breached_at IS NULL)::int AS on_time
       FROM tasks t WHERE ${where.join(' AND ')}
      GROUP BY 1 HAVING ${group} IS NOT NULL ORDER BY 1`,
    params.values,
  );
  return rows.map((row) => onTimeRow(row.grp, row.done, row.on_time));
}

export interface PeriodCount {
  period: string;
  group: string;
  count: number;
}

/** Tasks that passed their deadline still open, per period, counted against who held them then. */
export async function breachesPer(
  db: Queryable,
  period: Period,
  by: ReportGroup | undefined,
  filter: ReportFilter,
  zone: string,
): Promise<PeriodCount[]> {
  const params = new Params();
  const tz = params.add(zone);
  const where = [
    `t.breached_at >= ${params.add(filter.from)}`,
    `t.breached_at < ${params.add(filter.to)}`,
    ...taskFilters(filter, params, true),
  ];
  const group = taskGroup(by, true);
  const rows = await db.query<{ period: string; grp: string; n: number }>(
    `SELECT ${bucket('t.breached_at', period, tz)} AS period, ${group} AS grp, count(*)::int AS n
       FROM tasks t WHERE ${where.join(' AND ')}
      GROUP BY 1, 2 HAVING ${group} IS NOT NULL ORDER BY 1, 2`,
    params.values,
  );
  return rows.map((row) => ({ period: row.period, group: row.grp, count: row.n }));
}

export interface Throughput {
  period: string;
  started: number;
  finished: number;
  completed: number;
  rejected: number;
}

function requestFilters(filter: ReportFilter, params: Params): string[] {
  const where: string[] = [];
  if (filter.service) where.push(`r.service_id = ${params.add(filter.service)}`);
  if (filter.district) where.push(`r.district = ${params.add(filter.district)}`);
  if (filter.office) where.push(`r.office = ${params.add(filter.office)}`);
  return where;
}

/** Requests started and finished per period. */
export async function throughput(
  db: Queryable,
  period: Period,
  filter: ReportFilter,
  zone: string,
): Promise<Throughput[]> {
  const params = new Params();
  const tz = params.add(zone);
  const from = params.add(filter.from);
  const to = params.add(filter.to);
  const extra = requestFilters(filter, params)
    .map((c) => ` AND ${c}`)
    .join('');
  const rows = await db.query<{
    period: string;
    started: number;
    finished: number;
    completed: number;
    rejected: number;
  }>(
    `SELECT period, sum(started)::int AS started, sum(finished)::int AS finished,
            sum(completed)::int AS completed, sum(rejected)::int AS rejected
       FROM (SELECT ${bucket('r.started_at', period, tz)} AS period, 1 AS started, 0 AS finished,
                    0 AS completed, 0 AS rejected
               FROM requests r WHERE r.started_at >= ${from} AND r.started_at < ${to}${extra}
             UNION ALL
             SELECT ${bucket('r.ended_at', period, tz)}, 0, 1, (r.state = 'completed')::int,
                    (r.state = 'rejected')::int
               FROM requests r WHERE r.ended_at >= ${from} AND r.ended_at < ${to}${extra}) counted
      GROUP BY period ORDER BY period`,
    params.values,
  );
  return rows;
}

/** Requests open at the end of each period: those open at the start, plus started, less finished. */
export async function backlog(
  db: Queryable,
  period: Period,
  filter: ReportFilter,
  zone: string,
): Promise<{ period: string; open: number }[]> {
  const params = new Params();
  const from = params.add(filter.from);
  const extra = requestFilters(filter, params)
    .map((c) => ` AND ${c}`)
    .join('');
  const [before] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM requests r
      WHERE r.started_at < ${from} AND (r.ended_at IS NULL OR r.ended_at >= ${from})${extra}`,
    params.values,
  );
  let open = before?.n ?? 0;
  return (await throughput(db, period, filter, zone)).map((row) => {
    open += row.started - row.finished;
    return { period: row.period, open };
  });
}
