/**
 * Notifications a request sends: reminders, breaches, messages of notify steps, the end of a
 * withdrawn request. Each is kept in the request's record and written to the work store with its
 * other changes, under a key of the request, so it is stored and delivered once. Histories
 * recorded before the work store sent them through the outbox activity, and still replay so.
 */
import { engine } from './activity-proxies';
import { iso, type RequestCase } from './request-case';
import { hasPatch, WORK_STORE_PATCH } from './request-patches';
import type { NotificationRecord } from './types';

export type Notice = Omit<NotificationRecord, 'at'>;

export async function tell(rc: RequestCase, publish: () => void, notice: Notice): Promise<void> {
  if (hasPatch(rc.input, WORK_STORE_PATCH)) {
    (rc.s.notifications ??= []).push({ at: iso(Date.now()), ...notice });
    publish();
    return;
  }
  await engine.notify({ ...notice, trackingCode: rc.input.trackingCode });
}
