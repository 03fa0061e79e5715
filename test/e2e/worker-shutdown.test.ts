/**
 * A worker that stops does not wait on calls to Temporal its activities made: routing asks the
 * licence registry by a query, and a registry whose worker has gone answers nothing until the
 * server gives up. Within its grace time the worker cancels the activity, and the query with it.
 */
import { NativeConnection, type Worker } from '@temporalio/worker';
import { ensureLicenceRegistry } from '../../lib/temporal/licence-registry';
import { trackingCodeFor, workflowIdOf } from '../../lib/tracking-code';
import { createWorker } from '../../worker/create-worker';
import { licencesQuery, registryIdOf } from '../../workflows/licence-messages';
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

test('when a worker stops while routing waits on a licence registry nobody serves, then it stops within its grace time', async () => {
  // A registry whose worker has just gone: the server holds queries to it for a poller.
  const registryQueue = `${system.taskQueue}-registry`;
  const registryWorker = await engineWorker(registryQueue, registryQueue);
  const registryRunning = registryWorker.run();
  await ensureLicenceRegistry(system.client, registryQueue, system.organisation);
  await system.client.workflow.getHandle(registryIdOf(registryQueue)).query(licencesQuery);
  registryWorker.shutdown();
  await registryRunning;

  const requestQueue = `${system.taskQueue}-requests`;
  const worker = await engineWorker(requestQueue, registryQueue);
  const running = worker.run();
  const plan = system.catalog.latest('building-permit-residential');
  if (!plan) throw new Error('the catalog has no building-permit-residential');
  const input: RequestInput = {
    trackingCode: trackingCodeFor(requestQueue),
    plan,
    calendar: system.organisation.calendar,
    district: 'd02',
    channel: 'office',
    intakeOffice: 'o-0201',
    applicant: { name: 'Ali Moradi' },
    data: {},
  };
  const handle = await system.client.workflow.start('serviceRequest', {
    taskQueue: requestQueue,
    workflowId: workflowIdOf(input.trackingCode),
    args: [input],
  });
  // The intake step's routing is under way, waiting on the registry.
  await eventually(async () => {
    const { raw } = await handle.describe();
    return raw.pendingActivities?.some((a) => a.activityType?.name === 'resolveAssignee') || undefined;
  });

  const stopping = Date.now();
  worker.shutdown();
  await running;
  const stoppedAfterMs = Date.now() - stopping;

  await handle.terminate('the test is over');
  // Grace time is 10 s; the server alone would hold the query about 30 s.
  expect(stoppedAfterMs).toBeLessThan(20_000);
}, 120_000);
