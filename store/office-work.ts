/**
 * What routing and the office-oversight actions read about an office's work: how many requests it
 * holds open work of now, which ones, and how it did on the work it finished.
 */
import type { Queryable } from './database';

/** Requests in which the holder has an open task now. */
export async function openLoad(db: Queryable, holder: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT tracking_code)::int AS n FROM tasks WHERE status = 'open' AND holder = $1`,
    [holder],
  );
  return row?.n ?? 0;
}

/** An open task a holder has, with what routing needs to give it to someone else. */
export interface HeldTask {
  trackingCode: string;
  taskId: string;
  stepId: string;
  serviceId: string;
  domain: string;
  district: string;
  /** Where the request's definition looks when no office of the district may take the work. */
  fallback?: 'neighbours' | 'city';
}

/** The open tasks the holder has now, request by request. */
export async function openTasksHeldBy(db: Queryable, holder: string): Promise<HeldTask[]> {
  // Each definition's fallback is read once, not once per task: its plan is a large JSON text.
  const rows = await db.query<{
    tracking_code: string;
    task_id: string;
    step_id: string;
    service_id: string;
    domain: string;
    district: string;
    fallback: string | null;
  }>(
    `WITH held AS (
       SELECT t.tracking_code, t.task_id, t.step_id, r.service_id, r.domain, r.district,
              r.definition_version
         FROM tasks t JOIN requests r USING (tracking_code)
        WHERE t.status = 'open' AND t.holder = $1),
     versions AS MATERIALIZED (
       SELECT d.service_id, d.version, d.plan->'routing'->>'fallback' AS fallback
         FROM definition_versions d
        WHERE (d.service_id, d.version) IN (SELECT service_id, definition_version FROM held))
     SELECT held.tracking_code, held.task_id, held.step_id, held.service_id, held.domain,
            held.district, versions.fallback
       FROM held LEFT JOIN versions
         ON versions.service_id = held.service_id AND versions.version = held.definition_version
      ORDER BY held.tracking_code, held.task_id`,
    [holder],
  );
  return rows.map((row) => ({
    trackingCode: row.tracking_code,
    taskId: row.task_id,
    stepId: row.step_id,
    serviceId: row.service_id,
    domain: row.domain,
    district: row.district,
    ...(row.fallback === 'city' || row.fallback === 'neighbours' ? { fallback: row.fallback } : {}),
  }));
}

/** Tasks an office finished, every task it ever held, and those that breached while it held them. */
export async function officeRecord(
  db: Queryable,
  officeId: string,
): Promise<{ tasksDone: number; tasks: number; breached: number }> {
  const [row] = await db.query<{ done: number; tasks: number; breached: number }>(
    `SELECT (SELECT count(*) FROM tasks WHERE status = 'done' AND holder = $1)::int AS done,
            (SELECT count(DISTINCT task_id) FROM task_holders WHERE holder = $1)::int AS tasks,
            (SELECT count(*) FROM tasks WHERE breached_holder = $1)::int AS breached`,
    [`office:${officeId}`],
  );
  return { tasksDone: row?.done ?? 0, tasks: row?.tasks ?? 0, breached: row?.breached ?? 0 };
}

/** How the requests of a service in a district reached their office: per office and way (walk-in, chosen, rule). */
export async function officeShares(
  db: Queryable,
  serviceId: string,
  district: string,
): Promise<{ office: string; how: string; requests: number }[]> {
  return db.query(
    `SELECT office, office_how AS how, count(*)::int AS requests FROM requests
      WHERE service_id = $1 AND district = $2 AND office IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    [serviceId, district],
  );
}

export interface OfficeTotals {
  office: string;
  tasksDone: number;
  /** Mean hours from opening to completion of the tasks done. */
  meanCompletionHours: number | null;
  breaches: number;
}

/** Per office: tasks done and how long they took, and the tasks it let breach. */
export async function officeTotals(
  db: Queryable,
  filter: { service?: string; district?: string },
): Promise<OfficeTotals[]> {
  const params: unknown[] = [];
  const extra = (['service', 'district'] as const)
    .filter((key) => filter[key])
    .map((key) => {
      params.push(filter[key]);
      return ` AND ${key === 'service' ? 'service_id' : 'district'} = $${params.length}`;
    })
    .join('');
  const rows = await db.query<{ office: string; done: number; mean_hours: number | null; breaches: number }>(
    `SELECT office, sum(done)::int AS done, avg(hours) AS mean_hours, sum(breaches)::int AS breaches
       FROM (SELECT holder_unit AS office, 1 AS done, extract(epoch FROM closed_at - opened_at) / 3600 AS hours,
                    0 AS breaches
               FROM tasks WHERE status = 'done' AND holder LIKE 'office:%'${extra}
             UNION ALL
             SELECT breached_unit, 0, NULL, 1 FROM tasks
              WHERE breached_holder LIKE 'office:%'${extra}) counted
      GROUP BY office`,
    params,
  );
  return rows.map((row) => ({
    office: row.office,
    tasksDone: row.done,
    meanCompletionHours: row.mean_hours === null ? null : Math.round(row.mean_hours * 100) / 100,
    breaches: row.breaches,
  }));
}

/** Open load of every office at once: requests in which it holds an open task. */
export async function officeLoads(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ office: string; n: number }>(
    `SELECT holder_unit AS office, count(DISTINCT tracking_code)::int AS n FROM tasks
      WHERE status = 'open' AND holder LIKE 'office:%' GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.office, row.n]));
}
