/**
 * Worklists: the open tasks of the holders a reader acts for, filtered, counted and paged in SQL
 * on the open-task indexes. The counts are of the whole list before the SLA state and claim
 * filters, so a tab can show how many wait in each.
 */
import type { Queryable } from './database';
import { holderCondition, Params, type HolderScope } from './sql';

export type SlaState = 'ok' | 'at-risk' | 'breached';

export interface WorklistFilter {
  service?: string;
  district?: string;
  step?: string;
  sla?: SlaState;
  view?: 'pool' | 'mine' | 'all';
  /** Only the tasks escalated to the reader's own unit (a supervisor's list). */
  escalatedToMe?: boolean;
  trackingCode?: string;
  /** The keyed hash of an applicant's national id. */
  nationalIdHash?: string;
  sort?: 'deadline' | '-deadline';
  page: number;
  pageSize: number;
}

export interface WorkItemRow {
  taskId: string;
  trackingCode: string;
  serviceId: string;
  serviceTitle: { fa: string; en: string };
  district: string;
  stepId: string;
  kind: string;
  title: { fa: string; en: string };
  assignee: { principal: string; title: { fa: string; en: string } };
  claimedBy?: string;
  openedAt: string;
  deadline: string;
  clock: string;
  sla: SlaState;
  escalationLevel: number;
  escalatedTo: string[];
}

export interface WorklistCounts {
  total: number;
  claimed: number;
  unclaimed: number;
  bySla: Record<SlaState, number>;
  nearingSla: number;
  escalatedToMe: number;
}

/** The reader: whose work they see, who they are (for "mine"), what is escalated to them. */
export interface Reader {
  scope: HolderScope;
  me: string;
  /** The principals escalations reach the reader by: `head:<unit>` for a head. */
  escalationTargets: string[];
}

const SELECT_ITEM = `
  SELECT t.task_id, t.tracking_code, t.service_id, r.service_title_fa, r.service_title_en, t.district,
         t.step_id, t.kind, t.title_fa, t.title_en, t.holder, t.holder_title_fa, t.holder_title_en,
         t.claimed_by, t.opened_at, t.deadline, t.clock, t.sla, t.escalation_level,
         ARRAY(SELECT DISTINCT e.to_principal FROM escalations e
                WHERE e.task_id = t.task_id AND e.action <> 'reassign' AND e.to_principal <> ''
                ORDER BY 1) AS escalated_to
    FROM tasks t JOIN requests r ON r.tracking_code = t.tracking_code`;

interface ItemRecord {
  task_id: string;
  tracking_code: string;
  service_id: string;
  service_title_fa: string;
  service_title_en: string;
  district: string;
  step_id: string;
  kind: string;
  title_fa: string;
  title_en: string;
  holder: string;
  holder_title_fa: string;
  holder_title_en: string;
  claimed_by: string | null;
  opened_at: Date;
  deadline: Date;
  clock: string;
  sla: SlaState;
  escalation_level: number;
  escalated_to: string[];
}

export function itemOf(row: ItemRecord): WorkItemRow {
  return {
    taskId: row.task_id,
    trackingCode: row.tracking_code,
    serviceId: row.service_id,
    serviceTitle: { fa: row.service_title_fa, en: row.service_title_en },
    district: row.district,
    stepId: row.step_id,
    kind: row.kind,
    title: { fa: row.title_fa, en: row.title_en },
    assignee: { principal: row.holder, title: { fa: row.holder_title_fa, en: row.holder_title_en } },
    ...(row.claimed_by ? { claimedBy: row.claimed_by } : {}),
    openedAt: row.opened_at.toISOString(),
    deadline: row.deadline.toISOString(),
    clock: row.clock,
    sla: row.sla,
    escalationLevel: row.escalation_level,
    escalatedTo: row.escalated_to,
  };
}

export { SELECT_ITEM, type ItemRecord };

/** A condition that the task was escalated to one of the targets (a reassignment is not an escalation). */
function escalatedTo(targets: string[], params: Params): string {
  return `EXISTS (SELECT 1 FROM escalations e WHERE e.task_id = t.task_id AND e.action <> 'reassign'
                   AND e.to_principal = ANY(${params.add(targets)}::text[]))`;
}

/** The conditions of the list before its SLA state and claim filters. */
function listConditions(reader: Reader, filter: WorklistFilter, params: Params): string[] {
  const where = [`t.status = 'open'`];
  where.push(
    filter.escalatedToMe
      ? escalatedTo(reader.escalationTargets, params)
      : holderCondition(reader.scope, params),
  );
  if (filter.service) where.push(`t.service_id = ${params.add(filter.service)}`);
  if (filter.district) where.push(`t.district = ${params.add(filter.district)}`);
  if (filter.step) where.push(`t.step_id = ${params.add(filter.step)}`);
  if (filter.trackingCode) where.push(`t.tracking_code = ${params.add(filter.trackingCode)}`);
  if (filter.nationalIdHash)
    where.push(
      `t.tracking_code IN (SELECT tracking_code FROM requests WHERE national_id_hash = ${params.add(filter.nationalIdHash)})`,
    );
  return where;
}

export async function worklist(
  db: Queryable,
  reader: Reader,
  filter: WorklistFilter,
): Promise<{ items: WorkItemRow[]; total: number; counts: WorklistCounts }> {
  const countParams = new Params();
  const conditions = listConditions(reader, filter, countParams);
  const groups = countersServe(reader, filter)
    ? await countedGroups(db, reader, filter)
    : await db.query<Group>(
        `SELECT t.sla, t.claimed_by IS NOT NULL AS claimed, COALESCE(t.claimed_by = ${countParams.add(reader.me)}, FALSE) AS mine,
                count(*)::int AS n
           FROM tasks t WHERE ${conditions.join(' AND ')} GROUP BY 1, 2, 3`,
        countParams.values,
      );
  const sum = (keep: (g: Group) => boolean) => groups.filter(keep).reduce((n, g) => n + g.n, 0);
  const bySla = {
    ok: sum((g) => g.sla === 'ok'),
    'at-risk': sum((g) => g.sla === 'at-risk'),
    breached: sum((g) => g.sla === 'breached'),
  };
  const counts: WorklistCounts = {
    total: sum(() => true),
    claimed: sum((g) => g.claimed),
    unclaimed: sum((g) => !g.claimed),
    bySla,
    nearingSla: bySla['at-risk'],
    escalatedToMe: filter.escalatedToMe ? sum(() => true) : await escalatedToReader(db, reader),
  };
  const listed = (g: Group) =>
    (!filter.sla || g.sla === filter.sla) &&
    (filter.view === 'mine' ? g.mine : filter.view === 'pool' ? !g.claimed : true);
  const total = sum(listed);
  if (total === 0) return { items: [], total, counts };

  const params = new Params();
  const where = listConditions(reader, filter, params);
  if (filter.sla) where.push(`t.sla = ${params.add(filter.sla)}`);
  if (filter.view === 'mine') where.push(`t.claimed_by = ${params.add(reader.me)}`);
  if (filter.view === 'pool') where.push('t.claimed_by IS NULL');
  const order = filter.sort === '-deadline' ? 't.deadline DESC, t.task_id DESC' : 't.deadline, t.task_id';
  const rows = await db.query<ItemRecord>(
    `${SELECT_ITEM} WHERE ${where.join(' AND ')} ORDER BY ${order}
      LIMIT ${params.add(filter.pageSize)} OFFSET ${params.add((filter.page - 1) * filter.pageSize)}`,
    params.values,
  );
  return { items: rows.map(itemOf), total, counts };
}

interface Group {
  sla: SlaState;
  claimed: boolean;
  mine: boolean;
  n: number;
}

/**
 * Whether the holders' counters (open_task_counts_by_holder) can count the list: they know each
 * holder's open tasks per SLA state and claim, not their service, district or step.
 */
function countersServe(reader: Reader, filter: WorklistFilter): boolean {
  const agencies = reader.scope.agencies;
  return (
    !filter.escalatedToMe &&
    !filter.trackingCode &&
    !filter.nationalIdHash &&
    !filter.service &&
    !filter.district &&
    !filter.step &&
    !(agencies && agencies.principals.length > 0 && agencies.district)
  );
}

/**
 * A worklist's tasks per SLA state and claim, from the holders' counters; the counters know
 * whether a task is claimed, not by whom, so the reader's own are counted from their index.
 */
async function countedGroups(db: Queryable, reader: Reader, filter: WorklistFilter): Promise<Group[]> {
  const params = new Params();
  const groups = await db.query<Group>(
    `SELECT t.sla, t.claimed, FALSE AS mine, sum(t.n)::int AS n FROM open_task_counts_by_holder t
      WHERE t.n > 0 AND ${holderCondition(reader.scope, params)} GROUP BY 1, 2`,
    params.values,
  );
  const mineParams = new Params();
  const mine = await db.query<{ sla: SlaState; n: number }>(
    `SELECT t.sla, count(*)::int AS n FROM tasks t
      WHERE ${listConditions(reader, filter, mineParams).join(' AND ')} AND t.claimed_by = ${mineParams.add(reader.me)}
      GROUP BY 1`,
    mineParams.values,
  );
  for (const { sla, n } of mine) {
    const claimed = groups.find((g) => g.sla === sla && g.claimed);
    if (claimed) claimed.n -= n;
    groups.push({ sla, claimed: true, mine: true, n });
  }
  return groups;
}

/** Open tasks escalated to the reader's unit, whoever holds them. */
async function escalatedToReader(db: Queryable, reader: Reader): Promise<number> {
  if (reader.escalationTargets.length === 0) return 0;
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT e.task_id)::int AS n FROM escalations e JOIN tasks t ON t.task_id = e.task_id
      WHERE t.status = 'open' AND e.action <> 'reassign' AND e.to_principal = ANY($1::text[])`,
    [reader.escalationTargets],
  );
  return row?.n ?? 0;
}
