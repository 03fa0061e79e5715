/**
 * Starts a request the way the API does: one update-with-start, answered once the request's
 * first tasks are open, under the workflow id its tracking code gives, with the search
 * attributes of a request just begun.
 */
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { startingAttributes } from '../../lib/temporal/search-attributes';
import { workflowIdOf } from '../../lib/tracking-code';
import { startedUpdate } from '../../workflows/messages';
import type { RequestInput, RequestSummary } from '../../workflows/types';

export interface StartRequestOptions {
  /** The workflow that runs it: the engine's, unless a benchmark weighs a variant. */
  workflowType?: string;
  /** USE_EXISTING lets a start be tried again after an answer that was lost. */
  conflictPolicy?: 'FAIL' | 'USE_EXISTING';
}

export function startRequest(
  client: Client,
  taskQueue: string,
  input: RequestInput,
  { workflowType = 'serviceRequest', conflictPolicy = 'FAIL' }: StartRequestOptions = {},
): Promise<RequestSummary> {
  return client.workflow.executeUpdateWithStart(startedUpdate, {
    args: [{}],
    startWorkflowOperation: new WithStartWorkflowOperation(workflowType, {
      taskQueue,
      workflowId: workflowIdOf(input.trackingCode),
      workflowIdConflictPolicy: conflictPolicy,
      typedSearchAttributes: startingAttributes({
        serviceId: input.plan.serviceId,
        district: input.district,
        definitionVersion: input.plan.version,
      }),
      args: [input],
    }),
  });
}
