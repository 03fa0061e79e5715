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

function conditions(kind: SlaList | undefined, filter: SlaFilter, params: Params): string[] {
  const where = [`t.status = 'open'`];
  if (kind === 'breached') where.push(`t.sla = 'breached'`);
  if (kind === 'at-risk') where.push(`t.sla = 'at-risk'`);
  if (kind === 'escalated') where.push('t.escalation_level > 0');
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
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tasks t WHERE ${conditions(kind, filter, countParams).join(' AND ')}`,
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

/** The key a task counts under, now (its holder) and for its breach (who let it breach). */
function keys(by: GroupBy): { now: string; breach: string } {
  switch (by) {
    case 'office':
      return {
        now: `CASE WHEN t.holder LIKE 'office:%' THEN t.holder_unit END`,
        breach: `CASE WHEN t.breached_holder LIKE 'office:%' THEN t.breached_unit END`,
      };
    case 'department':
      return {
        now: `CASE WHEN t.holder ~ '^(department|head):' THEN t.holder_unit END`,
        breach: `CASE WHEN t.breached_holder ~ '^(department|head):' THEN t.breached_unit END`,
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
  const where = conditions(undefined, filter, params).join(' AND ');
  const key = keys(by);
  const rows = await db.query<{
    key: string;
    open: number;
    at_risk: number;
    breached: number;
    escalated: number;
  }>(
    `SELECT key, sum(open)::int AS open, sum(at_risk)::int AS at_risk, sum(breached)::int AS breached,
            sum(escalated)::int AS escalated
       FROM (SELECT ${key.now} AS key, 1 AS open, (t.sla = 'at-risk')::int AS at_risk, 0 AS breached,
                    (t.escalation_level > 0)::int AS escalated
               FROM tasks t WHERE ${where}
             UNION ALL
             SELECT ${key.breach}, 0, 0, 1, 0 FROM tasks t WHERE ${where} AND t.sla = 'breached') counted
      WHERE key IS NOT NULL
      GROUP BY key ORDER BY breached DESC, open DESC, key`,
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
