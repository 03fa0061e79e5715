/**
 * When an office's licence stops (suspended, revoked, expired), every request of this
 * deployment where it holds open work is asked to give that work out again by the rule. The
 * requests come from the work store, which holds what each request has reported.
 */
import { Context } from '@temporalio/activity';
import type { Queryable } from '../store/database';
import { requestsHeldBy } from '../store/office-work';
import { workflowIdOf } from '../lib/tracking-code';
import { rerouteWorkUpdate } from '../workflows/messages';
import type { TemporalAccess } from './live-offices';

export async function rerouteOfficeWork(
  temporal: TemporalAccess,
  store: Queryable,
  job: { officeId: string; reason: string },
): Promise<{ moved: number; failed: number }> {
  let moved = 0;
  let failed = 0;
  for (const trackingCode of await requestsHeldBy(store, `office:${job.officeId}`)) {
    try {
      await temporal.client.workflow.getHandle(workflowIdOf(trackingCode)).executeUpdate(rerouteWorkUpdate, {
        args: [{ principal: `office:${job.officeId}`, reason: job.reason }],
      });
      moved++;
    } catch (error) {
      // A request that has just ended has nothing to move; it is not a reason to stop.
      failed++;
      Context.current().log.warn('could not reroute a request', { trackingCode, error: String(error) });
    }
    Context.current().heartbeat({ moved, failed });
  }
  return { moved, failed };
}
