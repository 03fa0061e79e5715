/**
 * Loads what every process needs from the definitions folder: the organisation and the
 * compiled service catalog. Any problem stops the process with every problem listed.
 */
import { loadCatalogOrThrow } from './definitions/catalog';
import { PlanCatalog } from './definitions/plan-catalog';
import { loadOrganisation } from './organisation/load-organisation';
import type { Organisation } from './organisation/organisation';

export interface Domain {
  organisation: Organisation;
  catalog: PlanCatalog;
}

export function loadDomain(paths: { organisationDir: string; servicesDir: string }): Domain {
  const organisation = loadOrganisation(paths.organisationDir);
  const entries = loadCatalogOrThrow(paths.servicesDir, organisation);
  return { organisation, catalog: new PlanCatalog(entries.map((entry) => entry.plan)) };
}
