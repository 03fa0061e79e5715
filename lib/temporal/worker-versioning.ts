/**
 * Worker versioning by deployments, as Temporal recommends for SDK 1.24 and server 1.29: each
 * worker says which build of the code it runs; the deployment's current version decides which
 * build gets the tasks, so during a rolling restart old and new code never take turns on one
 * request. Requests are AUTO_UPGRADE: they live for months, longer than any build, so each
 * moves to the current build at its next task, and a change that would alter the history of
 * requests under way still goes behind patched() (test/unit/replay.test.ts).
 * Off unless PISHKHAN_WORKER_BUILD_ID is set: `npm start` and the tests run unversioned.
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import type { WorkerDeploymentOptions } from '@temporalio/worker';

export interface WorkerBuild {
  /** The worker deployment, one per namespace and task queue family: pishkhan by default. */
  deploymentName: string;
  /** What identifies the code: npm run cluster uses the hash of the workflow bundle. */
  buildId: string;
  /** A workflow bundle built beforehand, so every worker of a build runs the same code. */
  bundlePath?: string;
}

/** gRPC status FAILED_PRECONDITION: the version has no pollers yet. */
const GRPC_FAILED_PRECONDITION = 9;
/** gRPC status NOT_FOUND: the deployment or version is not known yet. */
const GRPC_NOT_FOUND = 5;

export function workerBuildFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerBuild | undefined {
  const buildId = env.PISHKHAN_WORKER_BUILD_ID;
  if (!buildId) return undefined;
  return {
    deploymentName: env.PISHKHAN_WORKER_DEPLOYMENT || 'pishkhan',
    buildId,
    ...(env.PISHKHAN_WORKFLOW_BUNDLE ? { bundlePath: env.PISHKHAN_WORKFLOW_BUNDLE } : {}),
  };
}

export function deploymentOptions(build: WorkerBuild): WorkerDeploymentOptions {
  return {
    version: { deploymentName: build.deploymentName, buildId: build.buildId },
    useWorkerVersioning: true,
    defaultVersioningBehavior: 'AUTO_UPGRADE',
  };
}

/**
 * Makes a build the current version of its deployment: new requests start on it and requests
 * under way move to it at their next task. Temporal refuses until workers of the build poll,
 * so this waits for them.
 */
export async function makeCurrent(
  connection: Connection,
  namespace: string,
  build: Pick<WorkerBuild, 'deploymentName' | 'buildId'>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await connection.workflowService.setWorkerDeploymentCurrentVersion({
        namespace,
        deploymentName: build.deploymentName,
        buildId: build.buildId,
        identity: 'pishkhan-cluster',
      });
      return;
    } catch (error) {
      const waiting =
        isGrpcServiceError(error) && [GRPC_FAILED_PRECONDITION, GRPC_NOT_FOUND].includes(Number(error.code));
      if (!waiting || Date.now() > deadline)
        throw new Error(
          `cannot make build ${build.buildId} current in ${namespace}: ${(error as Error).message}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The build id of the deployment's current version, if it has one. */
export async function currentBuild(
  connection: Connection,
  namespace: string,
  deploymentName: string,
): Promise<string | undefined> {
  try {
    const { workerDeploymentInfo } = await connection.workflowService.describeWorkerDeployment({
      namespace,
      deploymentName,
    });
    return workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId ?? undefined;
  } catch (error) {
    if (isGrpcServiceError(error) && Number(error.code) === GRPC_NOT_FOUND) return undefined;
    throw error;
  }
}
