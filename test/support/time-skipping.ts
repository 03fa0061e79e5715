/**
 * The time-skipping test server (Temporal's Java test server, tools/bin/temporal-test-server)
 * with a worker running the real interpreter and activities: SLAs of days pass in seconds.
 * It has no visibility store, so suites read requests through their queries, not worklists.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import type { Organisation } from '../../lib/organisation/organisation';
import { repoPath } from '../../lib/paths';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';
import type { ServicePlan } from '../../lib/plan/types';
import { newTrackingCode, workflowIdOf } from '../../lib/tracking-code';
import { createWorker } from '../../worker/create-worker';
import { installQuietRuntime, testCodec } from './harness';
import { sealUpdates } from '../../lib/temporal/sealed-updates';
import { notificationsIn, openTestStore, type SentNotification } from './test-store';
import type { WorkStore } from '../../store/work-store';
import { statusQuery } from '../../workflows/messages';
import { ENGINE_REVISION } from '../../workflows/request-patches';
import type { RequestInput, RequestStatus } from '../../workflows/types';
import { readFileSync } from 'node:fs';

export const TEST_SERVER = repoPath('tools/bin/temporal-test-server');

export interface SkippingSystem {
  env: TestWorkflowEnvironment;
  org: Organisation;
  store: WorkStore;
  /** Every notification the requests sent, oldest first. */
  notifications(): Promise<SentNotification[]>;
  taskQueue: string;
  /** Compiles a definition file of the repository into a plan. */
  plan(file: string): ServicePlan;
  /** Starts a request straight on the workflow, as the API would; at office o-0101 unless told otherwise (null: online). */
  start(
    plan: ServicePlan,
    data?: Record<string, unknown>,
    district?: string,
    intakeOffice?: string | null,
  ): Promise<string>;
  status(trackingCode: string): Promise<RequestStatus>;
  stop(): Promise<void>;
}

/**
 * The Java test server, started by the SDK, which gives a JVM five seconds to listen: on a busy
 * machine it may need a second try.
 */
async function startTestServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: TEST_SERVER } },
        // The suites' client encrypts and seals its commands, as the API's does.
        client: {
          dataConverter: { payloadCodecs: [testCodec()] },
          interceptors: { workflow: [sealUpdates] },
        },
      });
    } catch (error) {
      if (attempt >= attempts || !/Failed to start ephemeral server/.test(String(error))) throw error;
    }
  }
}

export async function startTimeSkipping(
  organisationDir = repoPath('definitions/organisation'),
): Promise<SkippingSystem> {
  installQuietRuntime();
  const bundle = process.env.PK_TEST_WORKFLOW_BUNDLE;
  if (!bundle) throw new Error('time-skipping suites need test/support/global-setup.ts');
  const env = await startTestServer();
  await ensureSearchAttributes(env.connection, 'default');
  const org = loadOrganisation(organisationDir);
  const store = await openTestStore();
  const taskQueue = 'time-skipping';
  const worker: Worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    codec: testCodec(),
    deps: { organisation: org, store },
    workflowBundle: { codePath: bundle },
  });
  const running = worker.run();
  return {
    env,
    org,
    store,
    notifications: () => notificationsIn(store.db),
    taskQueue,
    plan(file) {
      const { plan, problems } = compileDefinitionText(file, readFileSync(repoPath(file), 'utf8'), org);
      if (!plan) throw new Error(problems.map((p) => p.message).join('\n'));
      return plan;
    },
    async start(plan, data = {}, district = 'd01', intakeOffice = 'o-0101') {
      const trackingCode = newTrackingCode();
      const input: RequestInput = {
        trackingCode,
        plan,
        calendar: org.calendar,
        district,
        channel: intakeOffice ? 'office' : plan.intake.includes('online') ? 'online' : 'department',
        ...(intakeOffice ? { intakeOffice } : {}),
        applicant: { name: 'Test applicant' },
        // Started as the API starts them, at the engine's revision.
        engineRevision: ENGINE_REVISION,
        data,
      };
      await env.client.workflow.start('serviceRequest', {
        taskQueue,
        workflowId: workflowIdOf(trackingCode),
        args: [input],
      });
      return trackingCode;
    },
    status: (trackingCode) => env.client.workflow.getHandle(workflowIdOf(trackingCode)).query(statusQuery),
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await store.close();
    },
  };
}
