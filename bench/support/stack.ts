/**
 * The stack a benchmark runs on: a real Temporal dev server, the work store (embedded), the
 * fixtures' services and organisation published, one worker with the engine's activities and
 * the licence registry running, and a client that seals its updates as the API's are sealed.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { payloadKeys } from '../../lib/config';
import { loadDomain } from '../../lib/load-domain';
import { repoPath } from '../../lib/paths';
import { TEMPORAL_CLI } from '../../lib/temporal/dev-server';
import { sealedClient } from '../../lib/temporal/connect';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';
import { ensureLicenceRegistry } from '../../lib/temporal/licence-registry';
import { EncryptionCodec } from '../../lib/temporal/payload-codec';
import type { Organisation } from '../../lib/organisation/organisation';
import type { ServicePlan } from '../../lib/plan/types';
import { openWorkStore } from '../../store/work-store';
import { ENGINE_REVISION } from '../../workflows/request-patches';
import type { RequestInput } from '../../workflows/types';
import { sizedWorkerOptions, type WorkerSizing } from '../../worker/sizing';

/** Payloads in the clear: a benchmark weighs the engine, not the cipher. */
export const PLAIN = new EncryptionCodec(payloadKeys(undefined));

export interface BenchStackOptions {
  /** The workflows the worker runs: the engine's, unless a benchmark adds its own. */
  workflowsPath?: string;
  /** The worker's cache and concurrency, as the product sizes them; the SDK's defaults without. */
  sizing?: WorkerSizing;
}

export async function startBenchStack(taskQueue: string, options: BenchStackOptions = {}) {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
  await ensureSearchAttributes(env.connection, 'default');
  const store = await openWorkStore({ nationalIdKey: 'bench' });
  const domain = await loadDomain(
    {
      servicesDir: repoPath('test/fixtures/services'),
      organisationDir: repoPath('test/fixtures/organisation'),
    },
    store.db,
  );
  const org = domain.organisation;
  // The API's updates are sealed; bare ones go through the same client, or validators refuse them.
  const client = sealedClient(env.connection, 'default', PLAIN);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ organisation: org, store, temporal: { client, taskQueue } }),
    dataConverter: { payloadCodecs: [PLAIN] },
    workflowsPath: options.workflowsPath ?? require.resolve('../../workflows'),
    ...(options.sizing ? sizedWorkerOptions(options.sizing) : {}),
  });
  const running = worker.run();
  await ensureLicenceRegistry(client, taskQueue, org);
  return {
    env,
    store,
    domain,
    org,
    client,
    async stop() {
      worker.shutdown();
      await running;
      await store.close();
      await env.teardown();
    },
  };
}

/** A request taken in at office o-1 of district d01, as the benches start them. */
export function officeRequest(trackingCode: string, plan: ServicePlan, org: Organisation): RequestInput {
  return {
    trackingCode,
    engineRevision: ENGINE_REVISION,
    plan,
    calendar: org.calendar,
    district: 'd01',
    channel: 'office',
    intakeOffice: 'o-1',
    applicant: { name: 'Bench' },
    data: {},
  };
}
