/**
 * The express application: thin routes over the request service, problem+json for every error.
 */
import type { Client, Connection } from '@temporalio/client';
import express, { type Express } from 'express';
import type { Designer } from '../lib/definitions/designer';
import type { PublishedCatalog } from '../lib/definitions/published-catalog';
import type { Logger } from '../lib/logger';
import type { Organisation } from '../lib/organisation/organisation';
import { BODY_LIMIT } from './limits';
import { describeProblem, notFound, problemHandler } from './problem';
import { Presenter } from './present';
import { RequestService } from './request-service';
import { OfficeService } from './office-service';
import { definitionRoutes } from './routes/definitions';
import { officeRoutes, reportRoutes } from './routes/offices';
import { healthRoutes } from './routes/health';
import { requestRoutes } from './routes/requests';
import { slaRoutes } from './routes/sla';
import { taskRoutes } from './routes/tasks';

export interface AppDeps {
  client: Client;
  connection: Connection;
  namespace: string;
  taskQueue: string;
  catalog: PublishedCatalog;
  designer: Designer;
  organisation: Organisation;
  logger: Logger;
  /** History length after which requests continue as new; the engine's default when absent. */
  continueAsNewAfter?: number;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const present = new Presenter(deps.organisation.calendar.timeZone);
  const offices = new OfficeService(deps.client, deps.taskQueue, deps.organisation, present);
  const service = new RequestService(
    deps.client,
    deps.taskQueue,
    deps.catalog,
    deps.organisation,
    () => offices.licences(),
    deps.continueAsNewAfter,
  );

  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  app.use(
    healthRoutes(deps.connection, { namespace: deps.namespace, definitions: deps.catalog.all().length }),
  );
  app.get('/problems/:slug', describeProblem);
  app.use('/api/requests', requestRoutes(service, present));
  app.use('/api/tasks', taskRoutes(service, present));
  app.use('/api/sla', slaRoutes(service, present));
  app.use('/api/definitions', definitionRoutes(deps.catalog, deps.designer));
  app.use('/api/offices', officeRoutes(offices));
  app.use('/api/reports', reportRoutes(offices, deps.catalog));
  app.use(notFound);
  app.use(problemHandler(deps.logger));
  return app;
}
