/**
 * The worker process: `npm run worker`. Run as many as the load needs, on any machine that
 * reaches the Temporal cluster; they share the task queue.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Outbox } from '../activities/outbox';
import { loadConfig, type Config } from '../lib/config';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import type { Organisation } from '../lib/organisation/organisation';
import { createLogger, type Logger } from '../lib/logger';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { connectClient, connectWorker } from '../lib/temporal/connect';
import { createWorker } from './create-worker';

export async function runWorker(config: Config, organisation: Organisation, logger: Logger, address: string) {
  const connection = await connectWorker(address);
  // Activities read live licences and loads, and reroute work, through a client.
  const { connection: clientConnection, client } = await connectClient(address, config.temporal.namespace);
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: {
      organisation,
      outbox: new Outbox(config.outboxPath),
      temporal: { client, taskQueue: config.temporal.taskQueue },
    },
  });
  const running = worker.run();
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
  return {
    running,
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
    },
  };
}

if (require.main === module) {
  // Shutdown is ours to order (see lib/process.ts), not the runtime's.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.embeddedPort}`;
  runWorker(config, loadOrganisation(config.organisationDir), logger, address)
    .then((worker) => onShutdown(logger, [worker.stop]))
    .catch(exitOnStartupError);
}
