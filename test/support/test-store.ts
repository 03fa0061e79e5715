/**
 * A fresh work store for a test: the embedded database in memory, or, when the test command
 * started a PostgreSQL server (PK_TEST_DATABASE_URL), a schema of its own on that server.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../../store/database';
import { openWorkStore, type WorkStore } from '../../store/work-store';
import type { DeliveryPlanner } from '../../store/notification-delivery';

export const TEST_NATIONAL_ID_KEY = 'test-national-id-key';

export type StoreKind = 'embedded' | 'server';

/** The kinds of store the tests run on here: the embedded one always, the server when one was started. */
export function storeKinds(): StoreKind[] {
  return process.env.PK_TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded'];
}

/** Where the global set-up keeps an embedded database with the migrations applied, to copy. */
export const templatePath = (dir: string) => join(dir, 'store-template.tar.gz');

function template(): Blob | undefined {
  const file = templatePath(process.env.PK_TEST_TMP ?? '/nonexistent');
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

export function openTestStore(
  kind: StoreKind = 'embedded',
  deliveries?: DeliveryPlanner,
): Promise<WorkStore> {
  const url = kind === 'server' ? process.env.PK_TEST_DATABASE_URL : undefined;
  if (kind === 'server' && !url) throw new Error('no PostgreSQL server was started for the tests');
  return openWorkStore({
    url,
    // Each embedded store is a database of its own; on a shared server each gets its own schema.
    ...(url ? { schema: `test_${randomBytes(6).toString('hex')}` } : { template: template() }),
    nationalIdKey: TEST_NATIONAL_ID_KEY,
    ...(deliveries ? { deliveries } : {}),
  });
}

export interface SentNotification {
  kind: string;
  to: string;
  trackingCode: string;
  taskId?: string;
  message: { fa: string; en: string };
}

/** Every notification the store holds, oldest first. */
export async function notificationsIn(db: Queryable): Promise<SentNotification[]> {
  const rows = await db.query<{
    kind: string;
    recipient: string;
    tracking_code: string;
    task_id: string | null;
    message_fa: string;
    message_en: string;
  }>(
    `SELECT kind, recipient, tracking_code, task_id, message_fa, message_en FROM notifications ORDER BY at, id`,
  );
  return rows.map((row) => ({
    kind: row.kind,
    to: row.recipient,
    trackingCode: row.tracking_code,
    ...(row.task_id ? { taskId: row.task_id } : {}),
    message: { fa: row.message_fa, en: row.message_en },
  }));
}
