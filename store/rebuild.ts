/**
 * The store rebuilt from Temporal, and checked against it. Each request's workflow answers the
 * rows it stands for (a query, for running requests and ended ones Temporal still keeps); the
 * rebuild writes them at the workflow's own revision, so it repeats nothing and overwrites no
 * later write; the reconcile check compares them with the store and lists every difference.
 */
import type { Client } from '@temporalio/client';
import { workRowsQuery } from '../workflows/messages';
import type { WorkRows } from '../workflows/work-rows';
import type { Queryable } from './database';
import type { WorkWriter } from './work-writer';

export interface TemporalSource {
  client: Client;
  taskQueue: string;
}

const DAY_MS = 86_400_000;

/** Requests running now, and those that ended within `days`. */
export async function requestIds(source: TemporalSource, days: number): Promise<string[]> {
  const since = new Date(Date.now() - days * DAY_MS).toISOString();
  const query =
    `TaskQueue = '${source.taskQueue}' AND WorkflowType = 'serviceRequest' AND ` +
    `(ExecutionStatus = 'Running' OR CloseTime >= '${since}')`;
  const ids = new Set<string>();
  for await (const info of source.client.workflow.list({ query })) ids.add(info.workflowId);
  return [...ids].sort();
}

type AnsweredRows = WorkRows & { revision: number; nationalId?: string };

async function rowsOf(source: TemporalSource, workflowId: string): Promise<AnsweredRows> {
  return source.client.workflow.getHandle(workflowId).query(workRowsQuery);
}

export async function rebuild(
  writer: WorkWriter,
  source: TemporalSource,
  options: { days: number; onProgress?: (done: number, total: number) => void },
): Promise<{ requests: number; written: number; failed: { workflowId: string; error: string }[] }> {
  const ids = await requestIds(source, options.days);
  const failed: { workflowId: string; error: string }[] = [];
  let written = 0;
  for (const [i, workflowId] of ids.entries()) {
    try {
      const { revision, nationalId, ...rows } = await rowsOf(source, workflowId);
      await writer.write({
        trackingCode: rows.request.trackingCode,
        revision,
        ...rows,
        ...(nationalId ? { nationalId } : {}),
      });
      written++;
    } catch (error) {
      failed.push({ workflowId, error: (error as Error).message });
    }
    options.onProgress?.(i + 1, ids.length);
  }
  await writer.recountOpenTasks();
  return { requests: ids.length, written, failed };
}

export interface Difference {
  trackingCode: string;
  /** What differs: `request.state`, `task 123-2 holder`, `missing request`, `events`. */
  what: string;
  temporal: unknown;
  store: unknown;
}

/** What the store holds of one request, in the terms the comparison needs. */
async function storedRows(db: Queryable, trackingCode: string) {
  const [request] = await db.query<{ state: string; sla: string; ended_at: Date | null }>(
    'SELECT state, sla, ended_at FROM requests WHERE tracking_code = $1',
    [trackingCode],
  );
  const tasks = await db.query<{
    task_id: string;
    status: string;
    holder: string;
    sla: string;
    escalation_level: number;
    deadline: Date;
    claimed_by: string | null;
  }>(
    `SELECT task_id, status, holder, sla, escalation_level, deadline, claimed_by FROM tasks
      WHERE tracking_code = $1`,
    [trackingCode],
  );
  const [counts] = await db.query<{
    events: number;
    escalations: number;
    changes: number;
    notifications: number;
  }>(
    `SELECT (SELECT count(*) FROM request_events WHERE tracking_code = $1)::int AS events,
            (SELECT count(*) FROM escalations WHERE tracking_code = $1)::int AS escalations,
            (SELECT count(*) FROM deadline_changes WHERE tracking_code = $1)::int AS changes,
            (SELECT count(*) FROM notifications WHERE tracking_code = $1)::int AS notifications`,
    [trackingCode],
  );
  return { request, tasks, counts };
}

/** Every difference between what a request's workflow stands for and what the store holds of it. */
export function differences(rows: WorkRows, stored: Awaited<ReturnType<typeof storedRows>>): Difference[] {
  const code = rows.request.trackingCode;
  const found: Difference[] = [];
  const differ = (what: string, temporal: unknown, store: unknown) => {
    if (JSON.stringify(temporal) !== JSON.stringify(store))
      found.push({ trackingCode: code, what, temporal, store });
  };
  if (!stored.request)
    return [{ trackingCode: code, what: 'missing request', temporal: rows.request.state, store: null }];
  differ('request.state', rows.request.state, stored.request.state);
  differ('request.sla', rows.request.sla, stored.request.sla);
  differ('request.endedAt', rows.request.endedAt, stored.request.ended_at?.toISOString() ?? null);
  const byId = new Map(stored.tasks.map((task) => [task.task_id, task]));
  for (const task of rows.tasks) {
    const held = byId.get(task.taskId);
    if (!held) {
      found.push({
        trackingCode: code,
        what: `missing task ${task.taskId}`,
        temporal: task.status,
        store: null,
      });
      continue;
    }
    byId.delete(task.taskId);
    differ(`task ${task.taskId} status`, task.status, held.status);
    differ(`task ${task.taskId} holder`, task.holder.principal, held.holder);
    differ(`task ${task.taskId} sla`, task.sla, held.sla);
    differ(`task ${task.taskId} escalation level`, task.escalationLevel, held.escalation_level);
    differ(`task ${task.taskId} deadline`, task.deadline, held.deadline.toISOString());
    differ(`task ${task.taskId} claimed by`, task.claimedBy, held.claimed_by);
  }
  for (const extra of byId.keys())
    found.push({ trackingCode: code, what: `task ${extra} only in the store`, temporal: null, store: extra });
  differ('events', rows.events.length, stored.counts?.events ?? 0);
  differ('escalations', rows.escalations.length, stored.counts?.escalations ?? 0);
  differ('deadline changes', rows.deadlineChanges.length, stored.counts?.changes ?? 0);
  differ('notifications', rows.notifications.length, stored.counts?.notifications ?? 0);
  return found;
}

export async function reconcile(
  db: Queryable,
  source: TemporalSource,
  options: { days: number },
): Promise<{ checked: number; differences: Difference[]; unreadable: string[] }> {
  const ids = await requestIds(source, options.days);
  const found: Difference[] = [];
  const unreadable: string[] = [];
  for (const workflowId of ids) {
    let rows: AnsweredRows;
    try {
      rows = await rowsOf(source, workflowId);
    } catch {
      unreadable.push(workflowId);
      continue;
    }
    found.push(...differences(rows, await storedRows(db, rows.request.trackingCode)));
  }
  found.push(...(await counterDifferences(db)));
  return { checked: ids.length, differences: found, unreadable };
}

/**
 * Where the open-task counters the summaries and worklists read, or the monthly totals the reports
 * read, disagree with a count of the tasks.
 */
export async function counterDifferences(db: Queryable): Promise<Difference[]> {
  const rows = await db.query<{ what: string; counted: number; kept: number }>(
    `SELECT 'open tasks counted for ' || service_id || '/' || step_id || ' in ' || district || ' at ' || unit
              || ' (' || sla || ')' AS what, coalesce(c.n, 0)::int AS counted, coalesce(k.n, 0)::int AS kept
       FROM (SELECT service_id, step_id, district, coalesce(holder_unit, '') AS unit, sla, count(*) AS n
               FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3, 4, 5) c
       FULL JOIN (SELECT service_id, step_id, district, holder_unit AS unit, sla, sum(n) AS n
                    FROM open_task_counts GROUP BY 1, 2, 3, 4, 5) k
      USING (service_id, step_id, district, unit, sla)
      WHERE coalesce(c.n, 0) <> coalesce(k.n, 0)
     UNION ALL
     SELECT 'open tasks counted for ' || holder || ' (' || sla || (CASE WHEN claimed THEN ', claimed' ELSE '' END) || ')',
            coalesce(c.n, 0)::int, coalesce(k.n, 0)::int
       FROM (SELECT holder, sla, claimed_by IS NOT NULL AS claimed, count(*) AS n
               FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3) c
       FULL JOIN open_task_counts_by_holder k USING (holder, sla, claimed)
      WHERE coalesce(c.n, 0) <> coalesce(k.n, 0)
     UNION ALL
     SELECT 'open tasks counted for ' || coalesce(nullif(unit, ''), kind) || ' (' || sla
              || CASE WHEN breached_unit <> '' THEN ', breached at ' || breached_unit ELSE '' END || ')',
            coalesce(c.n, 0)::int, coalesce(k.n, 0)::int
       FROM (SELECT split_part(holder, ':', 1) AS kind, coalesce(holder_unit, '') AS unit,
                    coalesce(breached_unit, '') AS breached_unit, sla, count(*) AS n
               FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3, 4) c
       FULL JOIN (SELECT holder_kind AS kind, holder_unit AS unit, breached_unit, sla, sum(n) AS n
                    FROM open_task_counts_by_unit GROUP BY 1, 2, 3, 4) k
      USING (kind, unit, breached_unit, sla)
      WHERE coalesce(c.n, 0) <> coalesce(k.n, 0)
     UNION ALL
     SELECT 'tasks ' || counted_as || ' in ' || to_char(month, 'YYYY-MM') || ' in ' || district || ' (' || domain || ')',
            coalesce(c.n, 0)::int, coalesce(k.n, 0)::int
       FROM (SELECT month, district, domain, counted_as, sum(n) AS n
               FROM (SELECT date_trunc('month', t.breached_at AT TIME ZONE 'UTC')::date AS month, t.district,
                            coalesce(r.domain, '') AS domain, 'breached' AS counted_as, 1 AS n
                       FROM tasks t LEFT JOIN requests r ON r.tracking_code = t.tracking_code
                      WHERE t.breached_at IS NOT NULL
                     UNION ALL
                     SELECT date_trunc('month', t.closed_at AT TIME ZONE 'UTC')::date, t.district,
                            coalesce(r.domain, ''), counted_as, 1
                       FROM tasks t LEFT JOIN requests r ON r.tracking_code = t.tracking_code
                       CROSS JOIN LATERAL (VALUES ('done'), (CASE WHEN t.closed_at <= t.deadline
                                                               AND t.breached_at IS NULL THEN 'done on time' END)) v(counted_as)
                      WHERE t.status = 'done' AND t.closed_at IS NOT NULL AND counted_as IS NOT NULL) tasks_counted
              GROUP BY 1, 2, 3, 4) c
       FULL JOIN (SELECT month, district, domain, counted_as, n
                    FROM task_month_totals
                    CROSS JOIN LATERAL (VALUES ('breached', breaches), ('done', done), ('done on time', on_time)) v(counted_as, n)
                   WHERE n <> 0) k
      USING (month, district, domain, counted_as)
      WHERE coalesce(c.n, 0) <> coalesce(k.n, 0)`,
  );
  return rows.map((row) => ({ trackingCode: '', what: row.what, temporal: row.counted, store: row.kept }));
}
