/**
 * `npm start`: the whole system on one machine. Starts the embedded Temporal dev server (state
 * in data/temporal.sqlite) unless TEMPORAL_ADDRESS names a server, then the worker and the API,
 * and stops them in reverse order on Ctrl-C. Prints where everything is, seeds the demo with a
 * progress bar and a summary of what it made, and ends with examples to paste, named from it.
 */
import { join, relative } from 'node:path';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { runApi } from '../api/main';
import { loadConfig, type Config } from '../lib/config';
import { loadDomain, type Domain } from '../lib/load-domain';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { createLogger, type Logger } from '../lib/logger';
import { repoRoot } from '../lib/paths';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { startDevServer } from '../lib/temporal/dev-server';
import type { Queryable } from '../store/database';
import { openConfiguredStore } from '../store/open-store';
import { deliveriesFor } from '../worker/delivery';
import { runWorker } from '../worker/main';
import { httpCaller, seedDemo } from './demo/seed';
import { readWorkSummary, summaryLines } from './demo/summary';
import { takeoverTime } from './demo/takeover-time';
import { duration, Progress } from './progress';
import { exampleLines, tryItExamples } from './try-it';

/** Temporal's own warnings, the SDK's and its native core's, as lines of the process's log. */
function installRuntime(logger: Logger) {
  const sdk = logger.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ level, message, meta }) =>
      sdk[level.toLowerCase() as Lowercase<typeof level>](meta ?? {}, message),
    ),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
    shutdownSignals: [],
  });
}

/** A path as the banner shows it: within the repository relative to it, elsewhere whole. */
function shown(path: string): string {
  const inside = relative(repoRoot, path);
  return inside.startsWith('..') ? path : inside;
}

/** The Temporal server the system uses: the embedded one it starts, or the one named. */
async function temporalServer(config: Config) {
  if (config.temporal.address)
    return {
      address: config.temporal.address,
      where: `${config.temporal.address}, namespace ${config.temporal.namespace}`,
      uiUrl: undefined,
      stop: async () => {},
    };
  const dbFile = join(config.dataDir, 'temporal.sqlite');
  const server = await startDevServer({
    dbFile,
    port: config.temporal.embeddedPort,
    uiPort: config.temporal.embeddedUiPort,
    namespace: config.temporal.namespace,
    ownProcessGroup: true,
  });
  return {
    ...server,
    where: `${server.address}, namespace ${config.temporal.namespace}, state in ${shown(dbFile)}`,
  };
}

function whereLines(
  config: Config,
  domain: Domain,
  apiUrl: string,
  temporal: { where: string; uiUrl?: string },
) {
  const services = domain.catalog.all().length;
  return [
    '',
    'pishkhan is running',
    `  Web app      ${apiUrl}/   (sign in as anyone of the organisation; citizens: ${apiUrl}/track)`,
    `  API          ${apiUrl}/api   (try: curl ${apiUrl}/api/definitions)`,
    `  OpenAPI      ${apiUrl}/api/openapi.json`,
    ...(temporal.uiUrl ? [`  Temporal UI  ${temporal.uiUrl}`] : []),
    `  Work store   ${config.store.url ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${shown(config.store.dataDir)}`}`,
    `  Temporal     ${temporal.where}`,
    `  Services     ${services} definition${services === 1 ? '' : 's'} from ${shown(config.servicesDir)}`,
    '',
  ];
}

/** Seeds the demo with a progress bar; answers the lines that say what it made and where to see it. */
async function seedWithProgress(
  config: Config,
  domain: Domain,
  apiUrl: string,
  db: Queryable,
  logger: Logger,
) {
  const progress = new Progress('Seeding the demo', 'requests', config.demoRequests);
  const report = await seedDemo({
    baseUrl: apiUrl,
    auth: config.auth,
    organisation: domain.organisation,
    plans: domain.catalog.all(),
    count: config.demoRequests,
    takenOverAt: takeoverTime(config.dataDir),
    logger,
    onProgress: (done) => progress.update(done),
  });
  const took = progress.finish();
  const summary = await readWorkSummary(db, report.trackingCodes.length);
  const manager = domain.organisation.people().find((p) => p.access === 'manager');
  const refused = report.refused > 0 ? `, ${report.refused} refused` : '';
  return [
    `Demo ready in ${duration(took)}: ${report.started} requests seeded now, ${report.existing} from before${refused}`,
    ...summaryLines(summary, apiUrl, manager?.id),
    '',
  ];
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  installRuntime(logger);
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
  const temporal = await temporalServer(config).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });

  let api, worker;
  try {
    api = await runApi(config, domain, logger, temporal.address, store);
    worker = await runWorker(config, domain.organisation, logger, temporal.address, store);
  } catch (error) {
    await api?.stop();
    await store.close();
    await temporal.stop();
    throw error;
  }
  // Stop taking calls first, then finish in-flight tasks, then close the store and the server.
  onShutdown(logger, [api.stop, worker.stop, () => store.close(), temporal.stop]);
  console.log(whereLines(config, domain, api.url, temporal).join('\n'));

  // Once running, nothing here stops the system: a failure is logged, and the system stays up.
  const lines: string[] = [];
  // The demo's requests go to the embedded server only, never to a cluster named by TEMPORAL_ADDRESS.
  if (!config.temporal.address && config.demoRequests > 0) {
    await seedWithProgress(config, domain, api.url, store.db, logger).then(
      (summary) => lines.push(...summary),
      (error: unknown) => logger.error({ err: error }, 'demo: seeding stopped'),
    );
  }
  await tryItExamples({
    apiUrl: api.url,
    call: httpCaller(api.url, config.auth),
    organisation: domain.organisation,
    plans: domain.catalog.all(),
  }).then(
    (examples) => lines.push('Try it, in this folder in another terminal:', ...exampleLines(examples), ''),
    (error: unknown) => logger.error({ err: error }, 'the examples could not be made'),
  );
  console.log([...lines, 'Press Ctrl-C to stop.'].join('\n'));
}

main().catch(exitOnStartupError);
