/**
 * The express application: logging with request ids, metrics, rate limits, bearer tokens, then
 * the declared operations; problem+json for every error.
 */
import type { Client, Connection } from '@temporalio/client';
import express, { type Express } from 'express';
import type { AuthConfig } from '../lib/config';
import type { Designer } from '../lib/definitions/designer';
import type { PublishedCatalog } from '../lib/definitions/published-catalog';
import type { Logger } from '../lib/logger';
import { repoPath } from '../lib/paths';
import type { Organisation } from '../lib/organisation/organisation';
import type { WorkStore } from '../store/work-store';
import { AuditLog } from './audit/audit-log';
import { authenticate } from './auth/authenticate';
import type { ApiContext } from './context';
import { BODY_LIMIT } from './limits';
import { Metrics } from './metrics';
import { openApiDocument } from './openapi';
import { OperationRegistry } from './operation';
import { describeProblem, notFound, problemHandler } from './problem';
import { Presenter } from './present';
import { callLimit, secretLimit } from './rate-limit';
import { RequestService } from './request-service';
import { requestLog } from './request-log';
import { OfficeService } from './office-service';
import { auditRoutes } from './routes/audit';
import { definitionRoutes } from './routes/definitions';
import { healthRoutes } from './routes/health';
import { notificationRoutes } from './routes/notifications';
import { reportRoutes } from './routes/reports';
import { requestSearchRoutes } from './routes/request-search';
import { officeRoutes } from './routes/offices';
import { requestRoutes } from './routes/requests';
import { signInRoutes } from './routes/sign-in';
import { slaRoutes } from './routes/sla';
import { storeAdminRoutes } from './routes/store-admin';
import { taskRoutes } from './routes/tasks';
import { Titles } from './titles';
import { webApp } from './web-app';
import { WorkQueries } from './work-queries';

export interface AppDeps {
  client: Client;
  connection: Connection;
  namespace: string;
  taskQueue: string;
  catalog: PublishedCatalog;
  designer: Designer;
  organisation: Organisation;
  logger: Logger;
  auth: AuthConfig;
  /** History length after which requests continue as new; the engine's default when absent. */
  continueAsNewAfter?: number;
  /** The work store the API reads worklists, reports and notifications from. */
  store: WorkStore;
  /** The built web app served at `/`; web/dist when absent. */
  webDir?: string;
}

const VERSION = '0.1.0';
const SECRET_ATTEMPTS_PER_MINUTE = 20;

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', process.env.PISHKHAN_TRUST_PROXY ?? false);
  const present = new Presenter(deps.organisation.calendar);
  const offices = new OfficeService(deps.client, deps.taskQueue, deps.organisation, present, deps.store.db);
  const audit = new AuditLog(deps.store.db);
  const ctx: ApiContext = {
    registry: new OperationRegistry(audit, deps.logger, process.env.NODE_ENV !== 'production'),
    requests: new RequestService(
      deps.client,
      deps.taskQueue,
      deps.catalog,
      deps.organisation,
      () => offices.licences(),
      deps.continueAsNewAfter,
    ),
    work: new WorkQueries(deps.store, deps.organisation),
    offices,
    present,
    org: deps.organisation,
    catalog: deps.catalog,
    designer: deps.designer,
    auth: deps.auth,
    audit,
    store: deps.store,
    titles: new Titles(deps.organisation, deps.catalog),
    temporal: { client: deps.client, taskQueue: deps.taskQueue },
  };
  const metrics = new Metrics(ctx.work);

  app.use(requestLog(deps.logger));
  app.use(metrics.middleware());
  app.use(healthRoutes(ctx, deps.connection, deps.namespace, deps.taskQueue, metrics));
  app.get('/problems/:slug', describeProblem);
  app.use(webApp(deps.webDir ?? repoPath('web/dist'), deps.auth.oidc?.issuer));
  app.use(callLimit(deps.auth.rateLimitPerMinute));
  app.use('/api/requests/:trackingCode/access', secretLimit(SECRET_ATTEMPTS_PER_MINUTE));
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  app.use(authenticate(deps.auth, deps.organisation));
  app.use(requestSearchRoutes(ctx));
  app.use(requestRoutes(ctx));
  app.use(taskRoutes(ctx));
  app.use(slaRoutes(ctx));
  app.use(definitionRoutes(ctx));
  app.use(officeRoutes(ctx));
  app.use(auditRoutes(ctx));
  app.use(notificationRoutes(ctx));
  app.use(reportRoutes(ctx));
  app.use(storeAdminRoutes(ctx));
  app.use(signInRoutes(ctx));
  const document = openApiDocument(ctx.registry.specs, VERSION);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(notFound);
  app.use(problemHandler(deps.logger));
  return app;
}
