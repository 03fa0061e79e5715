/**
 * When an office's licence stops (suspended, revoked, expired), every request of this
 * deployment where it holds open work is asked to give that work out again by the rule.
 */
import { Context } from '@temporalio/activity';
import { rerouteWorkUpdate } from '../workflows/messages';
import { officeWorkQuery, type TemporalAccess } from './live-offices';

export async function rerouteOfficeWork(
  temporal: TemporalAccess,
  job: { officeId: string; reason: string },
): Promise<{ moved: number; failed: number }> {
  let moved = 0;
  let failed = 0;
  for await (const info of temporal.client.workflow.list({
    query: officeWorkQuery(temporal.taskQueue, job.officeId),
  })) {
    try {
      await temporal.client.workflow.getHandle(info.workflowId).executeUpdate(rerouteWorkUpdate, {
        args: [{ principal: `office:${job.officeId}`, reason: job.reason }],
      });
      moved++;
    } catch (error) {
      // A request that has just ended has nothing to move; it is not a reason to stop.
      failed++;
      Context.current().log.warn('could not reroute a request', {
        workflowId: info.workflowId,
        error: String(error),
      });
    }
    Context.current().heartbeat({ moved, failed });
  }
  return { moved, failed };
}
