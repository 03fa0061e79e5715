/**
 * The express application: logging with request ids, protective headers and the CORS policy,
 * metrics, rate limits, bearer tokens, the codec endpoint of the Temporal Web UI, then the
 * declared operations; problem+json for every error, and an audit entry for every POST refused
 * before an operation could write its own.
 */
import type { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import express, { type Express } from 'express';
import type { AuthConfig, HttpConfig } from '../lib/config';
import type { Designer } from '../lib/definitions/designer';
import type { PublishedCatalog } from '../lib/definitions/published-catalog';
import type { Logger } from '../lib/logger';
import { repoPath } from '../lib/paths';
import type { Organisation } from '../lib/organisation/organisation';
import type { WorkStore } from '../store/work-store';
import { appendAudit } from './audit/audit-entry';
import { AuditLog } from './audit/audit-log';
import { authenticate, tokenVerifier } from './auth/authenticate';
import type { ApiContext } from './context';
import { jsonBody } from './json-body';
import { Metrics } from './metrics';
import { openApiDocument } from './openapi';
import { actorOf, OperationRegistry } from './operation';
import { OperationPaths } from './operation-paths';
import { describeProblem, notFound, problemHandler, type BeforeAnswer } from './problem';
import { API_HEADERS, corsPolicy, protectiveHeaders } from './protection';
import { Presenter } from './present';
import { callLimit, secretLimit } from './rate-limit';
import { RequestService } from './request-service';
import { requestLog } from './request-log';
import { OfficeService } from './office-service';
import { auditRoutes } from './routes/audit';
import { codecRoutes } from './routes/codec';
import { definitionRoutes } from './routes/definitions';
import { designWorkbenchRoutes } from './routes/design-workbench';
import { directoryRoutes } from './routes/directory';
import { districtGridRoutes } from './routes/district-grid';
import { healthRoutes } from './routes/health';
import { metricsRoute } from './routes/metrics';
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
  /** Origins allowed to call the API and the codec endpoint, and the metrics token. */
  http: HttpConfig;
  /** The payload codec the deployment's clients and workers share, for the codec endpoint. */
  codec: PayloadCodec;
  /** History length after which requests continue as new; the engine's default when absent. */
  continueAsNewAfter?: number;
  /** How long a call waits on a request before it answers without it (202, or 503 for a read). */
  callWaitMs?: number;
  /** The work store the API reads worklists, reports and notifications from. */
  store: WorkStore;
  /** The built web app served at `/`; web/dist when absent. */
  webDir?: string;
}

const VERSION = '0.1.0';
/** Wrong secrets one address may send for one tracking code in a minute. */
const SECRET_FAILURES_PER_MINUTE = 20;

/**
 * Every POST is in the audit trail: one refused before an operation could write its entry (a
 * bad token, a body that is not JSON or too large, too many calls, no such path) gets one here,
 * under the operation its path names, before the refusal is answered.
 */
function auditRefusal(audit: AuditLog, paths: OperationPaths): BeforeAnswer {
  return async (req, res, problem) => {
    if (req.method !== 'POST' || res.locals.audited === true) return;
    await appendAudit(audit, req, res, {
      actor: actorOf(res),
      action: (res.locals.operation as string | undefined) ?? paths.find('post', req.path)?.id ?? 'unmatched',
      status: problem.status,
      problem: problem.slug,
    });
  };
}

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
      deps.callWaitMs,
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
  const paths = new OperationPaths(ctx.registry.specs, [
    { id: 'openApi', method: 'get', path: '/api/openapi.json' },
    { id: 'metrics', method: 'get', path: '/metrics' },
    { id: 'describeProblem', method: 'get', path: '/problems/{slug}' },
    { id: 'codecDecode', method: 'post', path: '/codec/decode' },
  ]);

  app.use(requestLog(deps.logger));
  app.use(protectiveHeaders());
  app.use('/api', corsPolicy(deps.http.corsOrigins, API_HEADERS));
  // Before any router, whose own answer to OPTIONS would be express's default.
  app.use(paths.options());
  app.use(metrics.middleware());
  app.use(healthRoutes(ctx, deps.connection, deps.namespace, deps.taskQueue));
  app.use(metricsRoute(metrics, tokenVerifier(deps.auth, deps.organisation), deps.http.metricsToken));
  app.get('/problems/:slug', describeProblem);
  app.use(webApp(deps.webDir ?? repoPath('web/dist'), deps.auth.oidc?.issuer));
  app.use(callLimit(deps.auth.rateLimitPerMinute));
  app.use('/api/requests/:trackingCode/access', secretLimit(SECRET_FAILURES_PER_MINUTE));
  app.use(authenticate(deps.auth, deps.organisation));
  app.use(codecRoutes(deps.codec, audit, deps.http.codecOrigins));
  app.use(jsonBody());
  app.use(requestSearchRoutes(ctx));
  app.use(requestRoutes(ctx));
  app.use(taskRoutes(ctx));
  app.use(slaRoutes(ctx));
  app.use(definitionRoutes(ctx));
  app.use(officeRoutes(ctx));
  app.use(auditRoutes(ctx));
  app.use(notificationRoutes(ctx));
  app.use(reportRoutes(ctx));
  app.use(districtGridRoutes(ctx));
  app.use(directoryRoutes(ctx));
  app.use(designWorkbenchRoutes(ctx));
  app.use(storeAdminRoutes(ctx));
  app.use(signInRoutes(ctx));
  const document = openApiDocument(ctx.registry.specs, VERSION);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(paths.methodNotAllowed());
  app.use(notFound);
  app.use(problemHandler(deps.logger, auditRefusal(audit, paths)));
  return app;
}
