/**
 * Delivery of notifications beyond the web app: each channel a deployment configures (e-mail,
 * a webhook) gets one delivery row per notification and address, queued in the same transaction
 * that stores the notification.
 */
import type { NotificationRow } from '../workflows/work-rows';
import type { Queryable } from './database';

export type StoredNotification = NotificationRow & { trackingCode: string };

export interface DeliveryPlanner {
  /** Queues the deliveries a new notification needs. */
  plan(tx: Queryable, notification: StoredNotification): Promise<void>;
}
