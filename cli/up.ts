/**
 * `npm start`: the whole system on one machine. Starts the embedded Temporal dev server (state
 * in data/temporal.sqlite) unless TEMPORAL_ADDRESS names a server, then the worker and the API,
 * and stops them in reverse order on Ctrl-C.
 */
import { join, relative } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { runApi } from '../api/main';
import { loadConfig } from '../lib/config';
import { loadDomain } from '../lib/load-domain';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { createLogger } from '../lib/logger';
import { repoRoot } from '../lib/paths';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { startDevServer } from '../lib/temporal/dev-server';
import { openConfiguredStore } from '../store/open-store';
import { deliveriesFor } from '../worker/delivery';
import { runWorker } from '../worker/main';
import { seedDemo } from './demo/seed';
import { takeoverTime } from './demo/takeover-time';

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const organisation = loadOrganisation(config.organisationDir);
  const { planner } = deliveriesFor(config.delivery, organisation);
  // The store first: the published definitions live in it, and are checked before anything starts.
  const store = await openConfiguredStore(config.store, planner ? { deliveries: planner } : {});
  let domain;
  try {
    domain = await loadDomain(config, store.db, logger, organisation);
  } catch (error) {
    await store.close();
    throw error;
  }

  let address = config.temporal.address;
  let where: string;
  let uiUrl: string | undefined;
  let stopServer = async () => {};
  if (address) {
    where = `${address}, namespace ${config.temporal.namespace}`;
  } else {
    const dbFile = join(config.dataDir, 'temporal.sqlite');
    const server = await startDevServer({
      dbFile,
      port: config.temporal.embeddedPort,
      uiPort: config.temporal.embeddedUiPort,
      namespace: config.temporal.namespace,
    });
    stopServer = server.stop;
    address = server.address;
    uiUrl = server.uiUrl;
    where = `${address}, namespace ${config.temporal.namespace}, state in ${relative(repoRoot, dbFile)}`;
  }

  let api, worker;
  try {
    api = await runApi(config, domain, logger, address, store);
    worker = await runWorker(config, domain.organisation, logger, address, store);
  } catch (error) {
    await api?.stop();
    await store.close();
    await stopServer();
    throw error;
  }
  const openStore = store;
  // Stop taking calls first, then finish in-flight tasks, then close the store and the server.
  onShutdown(logger, [api.stop, worker.stop, () => openStore.close(), stopServer]);

  const services = domain.catalog.all().length;
  console.log(
    [
      '',
      'pishkhan is running',
      `  Web app      ${api.url}/   (sign in as anyone of the organisation; citizens: ${api.url}/track)`,
      `  API          ${api.url}/api   (try: curl ${api.url}/api/definitions)`,
      `  OpenAPI      ${api.url}/api/openapi.json`,
      `  Sign in      npm run pishkhan -- token p-0101-clerk   (people: npm run pishkhan -- people)`,
      ...(uiUrl ? [`  Temporal UI  ${uiUrl}`] : []),
      `  Work store   ${config.store.url ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${relative(repoRoot, config.store.dataDir)}`}`,
      `  Temporal     ${where}`,
      `  Services     ${services} definition${services === 1 ? '' : 's'} from ${relative(repoRoot, config.servicesDir)}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  // The demo's requests go to the embedded server only, never to a cluster named by TEMPORAL_ADDRESS.
  if (!config.temporal.address && config.demoRequests > 0) {
    const plans = domain.catalog.all();
    seedDemo({
      baseUrl: api.url,
      auth: config.auth,
      organisation: domain.organisation,
      plans,
      count: config.demoRequests,
      takenOverAt: takeoverTime(config.dataDir),
      logger,
    })
      .then((report) => {
        const line = `Demo data   ${report.started} requests seeded now, ${report.existing} from before, ${report.finished} finished`;
        console.log(line);
      })
      .catch((error: unknown) => logger.error({ err: error }, 'demo: seeding stopped'));
  }
}

main().catch(exitOnStartupError);
