/**
 * Registers a namespace on a Temporal cluster if it is missing (a dev server makes its own; a
 * cluster starts with none), and waits until the frontend serves it: a new namespace reaches
 * the frontend's cache some seconds after it is registered.
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

/** gRPC status ALREADY_EXISTS. */
const GRPC_ALREADY_EXISTS = 6;

/** Answers true when it registered the namespace, false when it was there. */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  retentionDays: number,
  timeoutMs = 60_000,
): Promise<boolean> {
  let registered = false;
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(retentionDays * 24 * 3600 * 1000),
      });
      registered = true;
    } catch (error) {
      if (!isGrpcServiceError(error) || Number(error.code) !== GRPC_ALREADY_EXISTS) throw error;
    }
  }
  // Served once a call scoped to it is answered.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await connection.workflowService.listOpenWorkflowExecutions({ namespace, maximumPageSize: 1 });
      return registered;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`namespace ${namespace} is not served: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
