/**
 * The log of licence changes in the work store: written by the licence registry as it changes a
 * licence (keyed by office and place in its history, so written once), read by reports.
 */
import type { Queryable } from './database';
import { Params } from './sql';

export interface LicenceLogEntry {
  officeId: string;
  seq: number;
  at: string;
  action: string;
  status: string;
  reason: string;
  by: string;
  validUntil?: string;
}

export async function recordLicenceChanges(db: Queryable, entries: LicenceLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO licence_changes (office_id, seq, at, action, status, reason, changed_by, valid_until)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(office_id text, seq integer, at timestamptz, action text,
       status text, reason text, changed_by text, valid_until date)
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        entries.map((e) => ({
          office_id: e.officeId,
          seq: e.seq,
          at: e.at,
          action: e.action,
          status: e.status,
          reason: e.reason,
          changed_by: e.by,
          valid_until: e.validUntil ?? null,
        })),
      ),
    ],
  );
}

/** Changes in a range, newest first, for one office or all. */
export async function licenceChanges(
  db: Queryable,
  filter: { officeId?: string; from?: string; to?: string },
  page: { page: number; pageSize: number },
): Promise<{ total: number; items: LicenceLogEntry[] }> {
  const where = (params: Params) => {
    const parts: string[] = [];
    if (filter.officeId) parts.push(`office_id = ${params.add(filter.officeId)}`);
    if (filter.from) parts.push(`at >= ${params.add(filter.from)}`);
    if (filter.to) parts.push(`at < ${params.add(filter.to)}`);
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  };
  const countParams = new Params();
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM licence_changes ${where(countParams)}`,
    countParams.values,
  );
  const params = new Params();
  const rows = await db.query<{
    office_id: string;
    seq: number;
    at: Date;
    action: string;
    status: string;
    reason: string;
    changed_by: string;
    valid_until: string | null;
  }>(
    `SELECT office_id, seq, at, action, status, reason, changed_by, to_char(valid_until, 'YYYY-MM-DD') AS valid_until
       FROM licence_changes ${where(params)} ORDER BY at DESC, office_id, seq DESC
      LIMIT ${params.add(page.pageSize)} OFFSET ${params.add((page.page - 1) * page.pageSize)}`,
    params.values,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((row) => ({
      officeId: row.office_id,
      seq: row.seq,
      at: row.at.toISOString(),
      action: row.action,
      status: row.status,
      reason: row.reason,
      by: row.changed_by,
      ...(row.valid_until ? { validUntil: row.valid_until } : {}),
    })),
  };
}
