/**
 * SLA monitoring over the open tasks: what is past its deadline, near it, or escalated, filtered
 * by district, office, department, service and step and paged; and the counts per group. A breach
 * counts against the holder that had the task when it breached, not the one it went to after.
 */
import type { Queryable } from './database';
import { Params } from './sql';
import { itemOf, SELECT_ITEM, type ItemRecord, type WorkItemRow } from './worklists';

export type SlaList = 'breached' | 'at-risk' | 'escalated';
export type GroupBy = 'office' | 'department' | 'service' | 'district' | 'step';
type Counters = 'counters' | 'unit-counters';

export interface SlaFilter {
  district?: string;
  /** An office id: its open work, or for breaches the ones it let breach. */
  office?: string;
  /** A department unit (d05.urban-planning) or a department of every district (urban-planning). */
  department?: string;
  service?: string;
  step?: string;
  /** Only what is escalated to this principal (a supervisor's list). */
  escalatedTo?: string;
  /** The deadline fell on or after this instant, and before `to`. */
  from?: string;
  to?: string;
}

/**
 * The conditions of a list or summary, on the open tasks or on their counters, kept by triggers:
 * open_task_counts carry every column filtered here but the deadline and the escalation target;
 * open_task_counts_by_unit only the units, not the service, step or district. Where a filter
 * needs a column the counters lack, there are no counter conditions (undefined).
 */
function conditions(kind: SlaList | undefined, filter: SlaFilter, params: Params): string[];
function conditions(
  kind: SlaList | undefined,
  filter: SlaFilter,
  params: Params,
  on: Counters,
): string[] | undefined;
function conditions(
  kind: SlaList | undefined,
  filter: SlaFilter,
  params: Params,
  on: 'tasks' | Counters = 'tasks',
): string[] | undefined {
  const counters = on !== 'tasks';
  if (counters && (filter.from || filter.to || filter.escalatedTo)) return undefined;
  if (on === 'unit-counters' && (filter.district || filter.service || filter.step)) return undefined;
  const where = [counters ? 't.n > 0' : `t.status = 'open'`];
  if (kind === 'breached') where.push(`t.sla = 'breached'`);
  if (kind === 'at-risk') where.push(`t.sla = 'at-risk'`);
  if (kind === 'escalated') where.push(counters ? 't.escalated' : 't.escalation_level > 0');
  // A breach belongs to who held the task when it breached; other lists to who holds it now.
  const unitColumn = kind === 'breached' ? 't.breached_unit' : 't.holder_unit';
  if (filter.office) where.push(`${unitColumn} = ${params.add(filter.office)}`);
  if (filter.department) {
    const department = params.add(filter.department);
    where.push(
      filter.department.includes('.')
        ? `${unitColumn} = ${department}`
        : `t.holder_department = ${department}`,
    );
  }
  if (filter.district) where.push(`t.district = ${params.add(filter.district)}`);
  if (filter.service) where.push(`t.service_id = ${params.add(filter.service)}`);
  if (filter.step) where.push(`t.step_id = ${params.add(filter.step)}`);
  if (filter.from) where.push(`t.deadline >= ${params.add(filter.from)}`);
  if (filter.to) where.push(`t.deadline < ${params.add(filter.to)}`);
  if (filter.escalatedTo)
    where.push(`EXISTS (SELECT 1 FROM escalations e WHERE e.task_id = t.task_id AND e.action <> 'reassign'
                         AND e.to_principal = ${params.add(filter.escalatedTo)})`);
  return where;
}

export interface SlaItemRow extends WorkItemRow {
  /** Who held it when it breached, for a breach. */
  breachedHolder?: string;
}

/** One page of a list, with its total: breaches latest deadline first, the others nearest first. */
export async function slaList(
  db: Queryable,
  kind: SlaList,
  filter: SlaFilter,
  page: { page: number; pageSize: number },
): Promise<{ total: number; items: SlaItemRow[] }> {
  const countParams = new Params();
  const counters = conditions(kind, filter, countParams, 'counters');
  const [count] = await db.query<{ n: number }>(
    counters
      ? `SELECT coalesce(sum(t.n), 0)::int AS n FROM open_task_counts t WHERE ${counters.join(' AND ')}`
      : `SELECT count(*)::int AS n FROM tasks t WHERE ${conditions(kind, filter, countParams).join(' AND ')}`,
    countParams.values,
  );
  const total = count?.n ?? 0;
  if (total === 0) return { total, items: [] };
  const params = new Params();
  const where = conditions(kind, filter, params).join(' AND ');
  const order = kind === 'breached' ? 't.deadline DESC, t.task_id DESC' : 't.deadline, t.task_id';
  const rows = await db.query<ItemRecord & { breached_holder: string | null }>(
    `${SELECT_ITEM.replace('t.escalation_level,', 't.escalation_level, t.breached_holder,')}
      WHERE ${where} ORDER BY ${order}
      LIMIT ${params.add(page.pageSize)} OFFSET ${params.add((page.page - 1) * page.pageSize)}`,
    params.values,
  );
  return {
    total,
    items: rows.map((row) => ({
      ...itemOf(row),
      ...(kind === 'breached' && row.breached_holder ? { breachedHolder: row.breached_holder } : {}),
    })),
  };
}

export interface SummaryGroup {
  key: string;
  open: number;
  atRisk: number;
  breached: number;
  escalated: number;
}

/**
 * The key a task counts under, now (its holder) and for its breach (who let it breach), on the
 * tasks or on their counters, which keep the kind of holder (office, department, head) apart.
 */
function keys(by: GroupBy, counters: boolean): { now: string; breach: string } {
  const kindIs = (column: 'holder' | 'breached', kinds: string[]) =>
    counters
      ? `t.${column}_kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')})`
      : `t.${column === 'holder' ? 'holder' : 'breached_holder'} ~ '^(${kinds.join('|')}):'`;
  switch (by) {
    case 'office':
      return {
        now: `CASE WHEN ${kindIs('holder', ['office'])} THEN t.holder_unit END`,
        breach: `CASE WHEN ${kindIs('breached', ['office'])} THEN t.breached_unit END`,
      };
    case 'department':
      return {
        now: `CASE WHEN ${kindIs('holder', ['department', 'head'])} THEN t.holder_unit END`,
        breach: `CASE WHEN ${kindIs('breached', ['department', 'head'])} THEN t.breached_unit END`,
      };
    case 'service':
      return { now: 't.service_id', breach: 't.service_id' };
    case 'district':
      return { now: 't.district', breach: 't.district' };
    case 'step':
      return { now: `t.service_id || '/' || t.step_id`, breach: `t.service_id || '/' || t.step_id` };
  }
}

/** Open, at-risk, breached and escalated tasks per group, most breaches first. */
export async function slaSummary(db: Queryable, by: GroupBy, filter: SlaFilter): Promise<SummaryGroup[]> {
  const params = new Params();
  // The smallest source that can answer: units' counters for units, all counters, the tasks.
  const byUnit = by === 'office' || by === 'department';
  const unitCounters = byUnit ? conditions(undefined, filter, params, 'unit-counters') : undefined;
  const counters = unitCounters ?? conditions(undefined, filter, params, 'counters');
  const key = keys(by, counters !== undefined);
  // Each task counts once (n = 1) when read from the tasks, n times when read from a counter.
  const [from, where, n, escalated] = counters
    ? [
        unitCounters ? 'open_task_counts_by_unit t' : 'open_task_counts t',
        counters.join(' AND '),
        't.n',
        't.escalated',
      ]
    : ['tasks t', conditions(undefined, filter, params).join(' AND '), '1', 't.escalation_level > 0'];
  const atRisk = `CASE WHEN t.sla = 'at-risk' THEN ${n} ELSE 0 END`;
  const breached = `CASE WHEN t.sla = 'breached' THEN ${n} ELSE 0 END`;
  const escalatedN = `CASE WHEN ${escalated} THEN ${n} ELSE 0 END`;
  // One pass over the source: a task counts once under its key, or, when a breach belongs to
  // someone other than the holder, its breach under the breach's key as a second row.
  const counted =
    key.now === key.breach
      ? `(VALUES (${key.now}, ${n}, ${atRisk}, ${breached}, ${escalatedN}))`
      : `(VALUES (${key.now}, ${n}, ${atRisk}, 0, ${escalatedN}), (${key.breach}, 0, 0, ${breached}, 0))`;
  const rows = await db.query<{
    key: string;
    open: number;
    at_risk: number;
    breached: number;
    escalated: number;
  }>(
    `SELECT c.key, sum(c.open)::int AS open, sum(c.at_risk)::int AS at_risk, sum(c.breached)::int AS breached,
            sum(c.escalated)::int AS escalated
       FROM ${from} CROSS JOIN LATERAL ${counted} c(key, open, at_risk, breached, escalated)
      WHERE ${where} AND c.key IS NOT NULL AND c.key <> ''
      GROUP BY c.key HAVING sum(c.open) > 0 OR sum(c.breached) > 0
      ORDER BY breached DESC, open DESC, c.key`,
    params.values,
  );
  return rows.map((row) => ({
    key: row.key,
    open: row.open,
    atRisk: row.at_risk,
    breached: row.breached,
    escalated: row.escalated,
  }));
}
