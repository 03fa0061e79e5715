/**
 * In-app notifications: what was sent to the units a person belongs to (reminders, breaches,
 * escalations, messages), newest first, each read or unread for that person.
 */
import type { Queryable } from './database';
import { holderCondition, Params, type HolderScope } from './sql';

export interface NotificationItem {
  id: string;
  at: string;
  kind: string;
  trackingCode: string;
  taskId?: string;
  recipient: string;
  message: { fa: string; en: string };
  read: boolean;
}

function recipientCondition(scope: HolderScope, params: Params): string {
  return holderCondition(scope, params, 'n.recipient', 'r.district');
}

export async function listNotifications(
  db: Queryable,
  scope: HolderScope,
  reader: string,
  options: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ total: number; unread: number; items: NotificationItem[] }> {
  const countParams = new Params();
  const me = countParams.add(reader);
  const [counts] = await db.query<{ total: number; unread: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE rd.reader IS NULL)::int AS unread
       FROM notifications n JOIN requests r ON r.tracking_code = n.tracking_code
       LEFT JOIN notification_reads rd ON rd.notification_id = n.id AND rd.reader = ${me}
      WHERE ${recipientCondition(scope, countParams)}`,
    countParams.values,
  );
  const total = counts?.total ?? 0;
  const unread = counts?.unread ?? 0;
  const params = new Params();
  const who = params.add(reader);
  const where = [recipientCondition(scope, params)];
  if (options.unreadOnly) where.push('rd.reader IS NULL');
  const rows = await db.query<{
    id: string;
    at: Date;
    kind: string;
    tracking_code: string;
    task_id: string | null;
    recipient: string;
    message_fa: string;
    message_en: string;
    read: boolean;
  }>(
    `SELECT n.id, n.at, n.kind, n.tracking_code, n.task_id, n.recipient, n.message_fa, n.message_en,
            rd.reader IS NOT NULL AS read
       FROM notifications n JOIN requests r ON r.tracking_code = n.tracking_code
       LEFT JOIN notification_reads rd ON rd.notification_id = n.id AND rd.reader = ${who}
      WHERE ${where.join(' AND ')}
      ORDER BY n.at DESC, n.id DESC
      LIMIT ${params.add(options.pageSize)} OFFSET ${params.add((options.page - 1) * options.pageSize)}`,
    params.values,
  );
  return {
    total: options.unreadOnly ? unread : total,
    unread,
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      kind: row.kind,
      trackingCode: row.tracking_code,
      ...(row.task_id ? { taskId: row.task_id } : {}),
      recipient: row.recipient,
      message: { fa: row.message_fa, en: row.message_en },
      read: row.read,
    })),
  };
}

/** Marks one notification read for the reader; false when it is not theirs to read. */
export async function markRead(
  db: Queryable,
  scope: HolderScope,
  reader: string,
  id: string,
): Promise<boolean> {
  const params = new Params();
  const rows = await db.query(
    `INSERT INTO notification_reads (notification_id, reader, read_at)
     SELECT n.id, ${params.add(reader)}, now()
       FROM notifications n JOIN requests r ON r.tracking_code = n.tracking_code
      WHERE n.id = ${params.add(id)} AND ${recipientCondition(scope, params)}
     ON CONFLICT DO NOTHING RETURNING notification_id`,
    params.values,
  );
  if (rows.length > 0) return true;
  const check = new Params();
  const seen = await db.query(
    `SELECT 1 FROM notifications n JOIN requests r ON r.tracking_code = n.tracking_code
      WHERE n.id = ${check.add(id)} AND ${recipientCondition(scope, check)}`,
    check.values,
  );
  return seen.length > 0;
}

/** Marks every notification of the reader read; answers how many were unread. */
export async function markAllRead(db: Queryable, scope: HolderScope, reader: string): Promise<number> {
  const params = new Params();
  const rows = await db.query(
    `INSERT INTO notification_reads (notification_id, reader, read_at)
     SELECT n.id, ${params.add(reader)}, now()
       FROM notifications n JOIN requests r ON r.tracking_code = n.tracking_code
      WHERE ${recipientCondition(scope, params)}
     ON CONFLICT DO NOTHING RETURNING notification_id`,
    params.values,
  );
  return rows.length;
}
