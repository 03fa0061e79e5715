/**
 * What the routes share: the use cases, the organisation, the presenter, the operation registry,
 * the work store.
 */
import type { Designer } from '../lib/definitions/designer';
import type { PublishedCatalog } from '../lib/definitions/published-catalog';
import type { AuthConfig } from '../lib/config';
import type { TemporalSource } from '../store/rebuild';
import type { WorkStore } from '../store/work-store';
import type { Organisation } from '../lib/organisation/organisation';
import type { AuditLog } from './audit/audit-log';
import type { OfficeService } from './office-service';
import type { OperationRegistry } from './operation';
import type { Presenter } from './present';
import type { RequestService } from './request-service';
import type { Titles } from './titles';
import type { WorkQueries } from './work-queries';

export interface ApiContext {
  registry: OperationRegistry;
  requests: RequestService;
  work: WorkQueries;
  offices: OfficeService;
  present: Presenter;
  org: Organisation;
  catalog: PublishedCatalog;
  designer: Designer;
  auth: AuthConfig;
  audit: AuditLog;
  /** The work store: worklists, reports, notifications and history. */
  store: WorkStore;
  titles: Titles;
  /** The requests' workflows, for rebuilding and checking the store. */
  temporal: TemporalSource;
}
