/**
 * The queue of deliveries in the work store: planned with their notification, claimed a few at a
 * time by a dispatcher (rows locked by one never go to another), marked sent or failed. A claim
 * is committed before anything is sent, so a crash leaves the row `sending`; such rows are found
 * at the next start and become `uncertain`, never sent again by themselves.
 */
import type { Database, Queryable } from './database';

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain';

export interface Delivery {
  notificationId: string;
  channel: string;
  address: string;
  attempts: number;
  trackingCode: string;
  taskId: string | null;
  kind: string;
  recipient: string;
  at: string;
  message: { fa: string; en: string };
}

export async function planDelivery(
  tx: Queryable,
  delivery: { notificationId: string; channel: string; address: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO notification_deliveries (notification_id, channel, address, state) VALUES ($1, $2, $3, 'pending')
     ON CONFLICT DO NOTHING`,
    [delivery.notificationId, delivery.channel, delivery.address],
  );
}

/** Claims up to `limit` deliveries that are due, for one dispatcher. */
export async function claimDue(db: Database, dispatcher: string, limit: number): Promise<Delivery[]> {
  const rows = await db.query<{
    notification_id: string;
    channel: string;
    address: string;
    attempts: number;
    tracking_code: string;
    task_id: string | null;
    kind: string;
    recipient: string;
    at: Date;
    message_fa: string;
    message_en: string;
  }>(
    `WITH due AS (
       SELECT notification_id, channel, address FROM notification_deliveries
        WHERE state = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE notification_deliveries d SET state = 'sending', claimed_at = now(), claimed_by = $1,
            attempts = d.attempts + 1
       FROM due, notifications n
      WHERE d.notification_id = due.notification_id AND d.channel = due.channel AND d.address = due.address
        AND n.id = d.notification_id
     RETURNING d.notification_id, d.channel, d.address, d.attempts, n.tracking_code, n.task_id, n.kind,
               n.recipient, n.at, n.message_fa, n.message_en`,
    [dispatcher, limit],
  );
  return rows.map((row) => ({
    notificationId: row.notification_id,
    channel: row.channel,
    address: row.address,
    attempts: row.attempts,
    trackingCode: row.tracking_code,
    taskId: row.task_id,
    kind: row.kind,
    recipient: row.recipient,
    at: row.at.toISOString(),
    message: { fa: row.message_fa, en: row.message_en },
  }));
}

type Key = Pick<Delivery, 'notificationId' | 'channel' | 'address'>;
const KEY = 'notification_id = $1 AND channel = $2 AND address = $3';
const keyOf = (d: Key) => [d.notificationId, d.channel, d.address];

export async function markSent(db: Queryable, delivery: Key): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries SET state = 'sent', sent_at = now() WHERE ${KEY}`,
    keyOf(delivery),
  );
}

/**
 * A send that failed before anything left (refused, unreachable): tried again after `retryInMs`,
 * or failed for good once the attempts are spent.
 */
export async function markFailed(
  db: Queryable,
  delivery: Key,
  error: string,
  retryInMs: number | undefined,
): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries
        SET state = $4, last_error = $5, next_attempt_at = now() + ($6::int * interval '1 millisecond')
      WHERE ${KEY}`,
    [
      ...keyOf(delivery),
      retryInMs === undefined ? 'failed' : 'pending',
      error.slice(0, 1000),
      retryInMs ?? 0,
    ],
  );
}

/** Deliveries a crashed dispatcher left sending: they may have gone out, so they are not sent again. */
export async function markAbandonedUncertain(db: Queryable, olderThanMs: number): Promise<number> {
  const rows = await db.query(
    `UPDATE notification_deliveries SET state = 'uncertain',
            last_error = 'the dispatcher stopped while sending: it may or may not have gone out'
      WHERE state = 'sending' AND claimed_at < now() - ($1::int * interval '1 millisecond')
      RETURNING notification_id`,
    [olderThanMs],
  );
  return rows.length;
}

/** Counts of deliveries by state, for operations. */
export async function deliveryCounts(db: Queryable): Promise<Record<DeliveryState, number>> {
  const rows = await db.query<{ state: DeliveryState; n: number }>(
    'SELECT state, count(*)::int AS n FROM notification_deliveries GROUP BY state',
  );
  const counts: Record<DeliveryState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, uncertain: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}
