/**
 * When an office's licence stops (suspended, revoked, expired), every request of this
 * deployment where it holds open work is asked to give that work out again by the rule. The
 * requests come from the work store, which holds what each request has reported; several are
 * moved at once. Before each batch the licence is read again: once it has changed since the
 * stop (reinstated, renewed, or anything else), the moves still pending stop and that work stays.
 */
import { Context } from '@temporalio/activity';
import type { Queryable } from '../store/database';
import { requestsHeldBy } from '../store/office-work';
import { workflowIdOf } from '../lib/tracking-code';
import type { LicenceState } from '../lib/organisation/licences';
import { rerouteWorkUpdate } from '../workflows/messages';
import type { TemporalAccess } from './live-offices';

/** Requests moved at once: enough to keep the workers busy, few enough to stop soon. */
const BATCH = 8;

export interface RerouteJob {
  officeId: string;
  reason: string;
  /** How many changes the licence had when it stopped; a later one stops the moves. */
  changes?: number;
}

export async function rerouteOfficeWork(
  temporal: TemporalAccess,
  store: Queryable,
  licences: () => Promise<Map<string, LicenceState>>,
  job: RerouteJob,
): Promise<{ moved: number; failed: number; left: number }> {
  const codes = await requestsHeldBy(store, `office:${job.officeId}`);
  const changedSince = async () => {
    if (job.changes === undefined) return false;
    const licence = (await licences()).get(job.officeId);
    return licence !== undefined && licence.history.length !== job.changes;
  };
  let moved = 0;
  let failed = 0;
  for (let next = 0; next < codes.length; next += BATCH) {
    if (await changedSince()) break;
    await Promise.all(
      codes.slice(next, next + BATCH).map(async (trackingCode) => {
        try {
          await temporal.client.workflow
            .getHandle(workflowIdOf(trackingCode))
            .executeUpdate(rerouteWorkUpdate, {
              args: [{ principal: `office:${job.officeId}`, reason: job.reason }],
            });
          moved++;
        } catch (error) {
          // A request that has just ended has nothing to move; it is not a reason to stop.
          failed++;
          Context.current().log.warn('could not reroute a request', { trackingCode, error: String(error) });
        }
      }),
    );
    Context.current().heartbeat({ moved, failed });
  }
  return { moved, failed, left: codes.length - moved - failed };
}
