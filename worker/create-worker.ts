/**
 * Builds the Temporal worker that runs the interpreter workflow and the engine's activities,
 * with the payload codec that keeps what it sends to Temporal encrypted (the workflow bundle
 * needs nothing: the codec runs outside it).
 */
import type { PayloadCodec } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { deploymentOptions, type WorkerBuild } from '../lib/temporal/worker-versioning';
import { temporalCallsEndWithActivity } from './cancellable-calls';
import { sizedWorkerOptions, type WorkerSizing } from './sizing';

export interface WorkerSetup {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** The payload codec every client and worker of the deployment shares. */
  codec: PayloadCodec;
  /** A prebuilt workflow bundle (tests build one for all suites); otherwise bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The build it runs, under worker versioning (lib/temporal/worker-versioning.ts). */
  build?: WorkerBuild;
  /** Its cache size and concurrency (worker/sizing.ts); the SDK's defaults without. */
  sizing?: WorkerSizing;
}

export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  const bundle =
    setup.workflowBundle ?? (setup.build?.bundlePath ? { codePath: setup.build.bundlePath } : undefined);
  return Worker.create({
    connection: setup.connection,
    namespace: setup.namespace,
    taskQueue: setup.taskQueue,
    activities: createActivities(setup.deps),
    dataConverter: { payloadCodecs: [setup.codec] },
    // On shutdown, activities under way get this long to finish before they are cancelled.
    shutdownGraceTime: '10 seconds',
    ...(setup.deps.temporal
      ? { interceptors: { activity: [temporalCallsEndWithActivity(setup.deps.temporal.client)] } }
      : {}),
    ...(bundle ? { workflowBundle: bundle } : { workflowsPath: require.resolve('../workflows') }),
    ...(setup.build ? { workerDeploymentOptions: deploymentOptions(setup.build) } : {}),
    ...(setup.sizing ? sizedWorkerOptions(setup.sizing) : {}),
  });
}

export { NativeConnection };
