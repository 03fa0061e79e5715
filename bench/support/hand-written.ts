/**
 * Starts the hand-written chain (bench/workflows/hand-written-chain.ts) the way a request is
 * started: one call that answers once the first step is open.
 */
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import { newTrackingCode } from '../../lib/tracking-code';
import { firstStep } from '../workflows/hand-written-chain';

export const HAND_WRITTEN_STEPS = 10;

export async function startHandWritten(
  client: Client,
  taskQueue: string,
  district: string,
): Promise<WorkflowHandle> {
  const workflowId = `hand-written-${newTrackingCode()}`;
  await client.workflow.executeUpdateWithStart(firstStep, {
    startWorkflowOperation: new WithStartWorkflowOperation('handWrittenChain', {
      taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [HAND_WRITTEN_STEPS, district],
    }),
  });
  return client.workflow.getHandle(workflowId);
}
