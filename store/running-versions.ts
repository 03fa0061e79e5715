/**
 * What a designer weighs before publishing: how many requests are running on each published
 * version of each service (a running request keeps the version it started with).
 */
import type { Queryable } from './database';

export interface RunningOnVersion {
  serviceId: string;
  version: number;
  running: number;
}

/** Running requests per service and version; services with none are absent. */
export async function runningByVersion(db: Queryable, serviceId?: string): Promise<RunningOnVersion[]> {
  const rows = await db.query<{ service_id: string; version: number; running: number }>(
    `SELECT service_id, definition_version AS version, count(*)::int AS running FROM requests
      WHERE state = 'active'${serviceId ? ' AND service_id = $1' : ''}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    serviceId ? [serviceId] : [],
  );
  return rows.map((row) => ({ serviceId: row.service_id, version: row.version, running: row.running }));
}
