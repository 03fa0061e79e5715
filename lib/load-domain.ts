/**
 * Loads what the processes need from the definitions folder: the organisation, and the
 * published definitions. A service never published is published from its file as version 1;
 * a file that changed since its last publication is reported, and published only on purpose.
 */
import { DefinitionError } from './definitions/problem';
import { Designer } from './definitions/designer';
import { PublishedCatalog } from './definitions/published-catalog';
import { VersionStore } from './definitions/version-store';
import type { Logger } from './logger';
import { loadOrganisation } from './organisation/load-organisation';
import type { Organisation } from './organisation/organisation';

export interface Domain {
  organisation: Organisation;
  designer: Designer;
  catalog: PublishedCatalog;
}

export function loadDomain(
  paths: { organisationDir: string; servicesDir: string; publishedDir: string },
  logger?: Logger,
): Domain {
  const organisation = loadOrganisation(paths.organisationDir);
  const store = new VersionStore(paths.publishedDir);
  const designer = new Designer(organisation, store);
  const { published, unpublishedChanges, problems } = designer.publishFiles(
    paths.servicesDir,
    'first start',
    {
      onlyNew: true,
    },
  );
  if (problems.length > 0) throw new DefinitionError(problems);
  if (published.length > 0)
    logger?.info({ services: published.length }, 'published new services as version 1');
  for (const change of unpublishedChanges) {
    logger?.warn(
      change,
      `${change.file} differs from published version ${change.latest}; publish it with: npm run pishkhan -- publish ${change.serviceId}`,
    );
  }
  return { organisation, designer, catalog: new PublishedCatalog(store) };
}
