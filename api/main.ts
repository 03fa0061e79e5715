/**
 * The API process: `npm run api`, or started in-process by `npm start`.
 */
import { assertSafeAuth, assertSafePayloadKeys, loadConfig, type Config } from '../lib/config';
import type { Domain } from '../lib/load-domain';
import { loadDomain } from '../lib/load-domain';
import { createLogger, type Logger } from '../lib/logger';
import { connectClient } from '../lib/temporal/connect';
import { EncryptionCodec } from '../lib/temporal/payload-codec';
import { ensureSearchAttributes } from '../lib/temporal/ensure-search-attributes';
import { ensureLicenceRegistry } from '../lib/temporal/licence-registry';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { openConfiguredStore } from '../store/open-store';
import type { WorkStore } from '../store/work-store';
import { startWebServer, stopWebServer } from './server';

/** How often an instance reads the definition versions others published. */
const VERSION_REFRESH_MS = 2_000;

export async function runApi(
  config: Config,
  domain: Domain,
  logger: Logger,
  address: string,
  store: WorkStore,
) {
  assertSafeAuth(config.auth);
  assertSafePayloadKeys(config.payloads);
  if (config.auth.developmentKey)
    logger.warn('signing tokens with the public development key: set PISHKHAN_JWT_SECRET');
  if (config.payloads.current === undefined)
    logger.warn('payloads go to Temporal unencrypted: set PISHKHAN_PAYLOAD_KEYS to encrypt them');
  const codec = new EncryptionCodec(config.payloads);
  const temporalClient = await connectClient(address, config.temporal.namespace, codec);
  const { connection, client } = temporalClient;
  const added = await ensureSearchAttributes(connection, config.temporal.namespace);
  if (added.length > 0) logger.info({ added }, 'registered search attributes');
  await ensureLicenceRegistry(client, config.temporal.taskQueue, domain.organisation);
  const web = await startWebServer(
    {
      client,
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      catalog: domain.catalog,
      designer: domain.designer,
      ...(config.continueAsNewAfter ? { continueAsNewAfter: config.continueAsNewAfter } : {}),
      callWaitMs: config.api.callWaitMs,
      organisation: domain.organisation,
      logger,
      auth: config.auth,
      http: config.http,
      codec,
      store,
      webDir: config.webDir,
    },
    config.api.port,
    config.api.host,
  );
  logger.info({ url: web.url }, 'API listening');
  // Versions another instance publishes reach this one's catalog within a refresh.
  const refresh = setInterval(() => {
    domain.designer.store.refresh().catch((error: unknown) => {
      logger.warn({ err: error }, 'could not read newly published definitions');
    });
  }, VERSION_REFRESH_MS);
  refresh.unref();
  return {
    url: web.url,
    stop: async () => {
      clearInterval(refresh);
      await stopWebServer(web);
      await temporalClient.close();
    },
  };
}

if (require.main === module) {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.embeddedPort}`;
  openConfiguredStore(config.store, { standalone: 'npm run api' })
    .then(async (store) => {
      const domain = await loadDomain(config, store.db, logger);
      const api = await runApi(config, domain, logger, address, store);
      onShutdown(logger, [api.stop, () => store.close()]);
    })
    .catch(exitOnStartupError);
}
