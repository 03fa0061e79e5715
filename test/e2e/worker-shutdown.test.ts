/**
 * A worker that stops does not wait on calls to Temporal its activities made. Routing asks the
 * licence registry by a query, and a registry whose worker has gone answers nothing until the
 * server gives up (about 30 s). The query has a few seconds; past them routing goes on with the
 * registry's answer of a moment ago, and without one the activity fails and is retried, or is
 * cancelled with the worker's grace time.
 */
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { ensureLicenceRegistry } from '../../lib/temporal/licence-registry';
import { trackingCodeFor, workflowIdOf } from '../../lib/tracking-code';
import { createWorker } from '../../worker/create-worker';
import { licencesQuery, registryIdOf } from '../../workflows/licence-messages';
import { statusQuery } from '../../workflows/messages';
import { ENGINE_REVISION } from '../../workflows/request-patches';
import type { RequestInput } from '../../workflows/types';
import { eventually, startHarness, testCodec, type Harness } from '../support/harness';

let system: Harness;
let connection: NativeConnection;

beforeAll(async () => {
  system = await startHarness();
  connection = await NativeConnection.connect({ address: process.env.PK_TEST_TEMPORAL_ADDRESS });
});

afterAll(async () => {
  await connection.close();
  await system.stop();
});

/** A worker of the engine on its own task queue, asking the registry of `registryQueue`. */
function engineWorker(taskQueue: string, registryQueue: string): Promise<Worker> {
  return createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    codec: testCodec(),
    deps: {
      organisation: system.organisation,
      store: system.store,
      temporal: { client: system.client, taskQueue: registryQueue },
    },
    workflowBundle: { codePath: process.env.PK_TEST_WORKFLOW_BUNDLE as string },
  });
}

/** A licence registry on a task queue of its own, run by a worker the test can stop. */
async function servedRegistry(name: string): Promise<{ queue: string; stop: () => Promise<number> }> {
  const queue = `${system.taskQueue}-${name}-registry`;
  const worker = await engineWorker(queue, queue);
  const running = worker.run();
  await ensureLicenceRegistry(system.client, queue, system.organisation);
  return { queue, stop: () => stopTime(worker, running) };
}

/** A residential permit taken in at office o-0201, started on `taskQueue` as the API starts one. */
async function startPermit(taskQueue: string, seed: string): Promise<WorkflowHandle> {
  const plan = system.catalog.latest('building-permit-residential');
  if (!plan) throw new Error('the catalog has no building-permit-residential');
  const input: RequestInput = {
    trackingCode: trackingCodeFor(`${taskQueue}-${seed}`),
    engineRevision: ENGINE_REVISION,
    plan,
    calendar: system.organisation.calendar,
    district: 'd02',
    channel: 'office',
    intakeOffice: 'o-0201',
    applicant: { name: 'Ali Moradi' },
    data: {},
  };
  return system.client.workflow.start('serviceRequest', {
    taskQueue,
    workflowId: workflowIdOf(input.trackingCode),
    args: [input],
  });
}

/** How long the worker takes to stop. */
async function stopTime(worker: Worker, running: Promise<void>): Promise<number> {
  const stopping = Date.now();
  worker.shutdown();
  await running;
  return Date.now() - stopping;
}

test('when a worker stops while routing waits on a licence registry nobody serves, then it stops within its grace time', async () => {
  // A registry that answered, whose worker has then gone: the server holds queries to it for a poller.
  const registry = await servedRegistry('never-asked');
  await system.client.workflow.getHandle(registryIdOf(registry.queue)).query(licencesQuery);
  await registry.stop();
  const requestQueue = `${system.taskQueue}-never-asked`;
  const worker = await engineWorker(requestQueue, registry.queue);
  const running = worker.run();
  const handle = await startPermit(requestQueue, 'first');
  // The intake step's routing is under way, waiting on the registry.
  await eventually(async () => {
    const { raw } = await handle.describe();
    return raw.pendingActivities?.some((a) => a.activityType?.name === 'resolveAssignee') || undefined;
  });

  const stoppedAfterMs = await stopTime(worker, running);
  await handle.terminate('the test is over');
  // Grace time is 10 s; the server alone would hold the query about 30 s.
  expect(stoppedAfterMs).toBeLessThan(20_000);
}, 120_000);

test('when the licence registry stops answering, then the next request is routed on its answer of a moment ago', async () => {
  const registry = await servedRegistry('answered');
  const requestQueue = `${system.taskQueue}-answered`;
  const worker = await engineWorker(requestQueue, registry.queue);
  const running = worker.run();
  const intakeOf = async (handle: WorkflowHandle) =>
    eventually(async () => (await handle.query(statusQuery)).openTasks[0], 60_000);

  const before = await intakeOf(await startPermit(requestQueue, 'before'));
  await registry.stop();
  const startedAt = Date.now();
  const after = await intakeOf(await startPermit(requestQueue, 'after'));
  const routedAfterMs = Date.now() - startedAt;

  expect({ step: after.stepId, holder: after.assignee.principal }).toEqual({
    step: before.stepId,
    holder: before.assignee.principal,
  });
  // The query's few seconds, not the server's 30 s and a retry.
  expect(routedAfterMs).toBeLessThan(20_000);
  expect(await stopTime(worker, running)).toBeLessThan(20_000);
}, 180_000);
