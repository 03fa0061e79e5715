/**
 * Notifications a request sends: reminders, breaches, messages of notify steps, the end of a
 * withdrawn request. Each is kept in the request's record and written to the work store with its
 * other changes, under a key of the request, so it is stored and delivered once. Histories
 * recorded before the work store sent them through the outbox activity, and still replay so.
 */
import { patched } from '@temporalio/workflow';
import { engine } from './activity-proxies';
import { iso, type RequestCase } from './request-case';
import type { NotificationRecord } from './types';
import { WORK_STORE_PATCH } from './work-recorder';

export type Notice = Omit<NotificationRecord, 'at'>;

export async function tell(rc: RequestCase, publish: () => void, notice: Notice): Promise<void> {
  if (patched(WORK_STORE_PATCH)) {
    (rc.s.notifications ??= []).push({ at: iso(Date.now()), ...notice });
    publish();
    return;
  }
  await engine.notify({ ...notice, trackingCode: rc.input.trackingCode });
}
