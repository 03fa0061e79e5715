/**
 * The worker process: `npm run worker`. Run as many as the load needs, on any machine that
 * reaches the Temporal cluster; they share the task queue.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { assertSafePayloadKeys, loadConfig, type Config } from '../lib/config';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import type { Organisation } from '../lib/organisation/organisation';
import { createLogger, type Logger } from '../lib/logger';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { connectClient, connectWorker } from '../lib/temporal/connect';
import { EncryptionCodec } from '../lib/temporal/payload-codec';
import { workerBuildFromEnv, type WorkerBuild } from '../lib/temporal/worker-versioning';
import { openConfiguredStore } from '../store/open-store';
import type { WorkStore } from '../store/work-store';
import { builtBundle } from './bundle-workflows';
import { createWorker } from './create-worker';
import { deliveriesFor, startDispatcher } from './delivery';
import { sizeWorker, thisMachine } from './sizing';

export async function runWorker(
  config: Config,
  organisation: Organisation,
  logger: Logger,
  address: string,
  store: WorkStore,
  build: WorkerBuild | undefined = workerBuildFromEnv(),
) {
  assertSafePayloadKeys(config.payloads);
  const codec = new EncryptionCodec(config.payloads);
  // The deployment's build, else the one `npm run build` made; from source, bundled now.
  const bundle = config.workflowBundle ?? builtBundle();
  const sizing = sizeWorker(thisMachine(), config.worker);
  const connection = await connectWorker(address);
  // Activities read live licences and loads, and reroute work, through a client.
  const temporalClient = await connectClient(address, config.temporal.namespace, codec);
  const { client } = temporalClient;
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    codec,
    sizing,
    deps: {
      organisation,
      store,
      temporal: { client, taskQueue: config.temporal.taskQueue },
    },
    ...(build ? { build } : {}),
    ...(bundle ? { workflowBundle: { codePath: bundle } } : {}),
  });
  const running = worker.run();
  // Notifications to e-mail and webhooks, when the deployment sends them.
  const { channels } = deliveriesFor(config.delivery, organisation);
  const dispatcher =
    channels.length > 0
      ? startDispatcher(store.db, channels, logger, {
          name: `worker-${process.pid}`,
          abandonedAfterMs: config.delivery.uncertainAfterMs,
        })
      : undefined;
  logger.info(
    {
      taskQueue: config.temporal.taskQueue,
      buildId: build?.buildId,
      workflowBundle: bundle ?? 'bundled at start',
      channels: channels.map((c) => c.name),
    },
    'worker running',
  );
  // A line of its own, so that each reads on one console line.
  logger.info(
    {
      memoryMiB: Math.round(sizing.memoryBytes / 2 ** 20),
      cachedRequests: sizing.maxCachedWorkflows,
      workflowTasks: sizing.maxConcurrentWorkflowTaskExecutions,
      activities: sizing.maxConcurrentActivityTaskExecutions,
      localActivities: sizing.maxConcurrentLocalActivityExecutions,
      workflowHeapMiB: Math.round(sizing.workflowHeapBytes / 2 ** 20),
    },
    'worker sized',
  );
  return {
    running,
    stop: async () => {
      await dispatcher?.stop();
      worker.shutdown();
      await running;
      await connection.close();
      await temporalClient.close();
    },
  };
}

if (require.main === module) {
  // Shutdown is ours to order (see lib/process.ts), not the runtime's.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.embeddedPort}`;
  const organisation = loadOrganisation(config.organisationDir);
  const { planner } = deliveriesFor(config.delivery, organisation);
  openConfiguredStore(config.store, {
    standalone: 'npm run worker',
    ...(planner ? { deliveries: planner } : {}),
  })
    .then(async (store) => {
      const worker = await runWorker(
        config,
        loadOrganisation(config.organisationDir),
        logger,
        address,
        store,
      );
      onShutdown(logger, [worker.stop, () => store.close()]);
    })
    .catch(exitOnStartupError);
}
