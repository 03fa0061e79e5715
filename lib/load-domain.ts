/**
 * Loads what the processes need: the organisation from the definitions folder, and the
 * published definitions from the store's database. A service never published is published from
 * its file as version 1; a file that changed since its last publication is reported, and
 * published only on purpose. Every service must be one a citizen can start in every district.
 */
import { cityDate } from './calendar/working-time';
import { definitionFiles } from './definitions/catalog';
import { DefinitionError } from './definitions/problem';
import { startProblems } from './definitions/start-problems';
import { Designer } from './definitions/designer';
import { PublishedCatalog } from './definitions/published-catalog';
import { VersionStore } from './definitions/version-store';
import type { Queryable } from '../store/database';
import type { Logger } from './logger';
import { loadOrganisation } from './organisation/load-organisation';
import type { Organisation } from './organisation/organisation';
import { startGaps } from './organisation/start-coverage';

export interface Domain {
  organisation: Organisation;
  designer: Designer;
  catalog: PublishedCatalog;
}

export async function loadDomain(
  paths: {
    organisationDir: string;
    servicesDir: string;
    /** Where versions were kept as files before the database: brought in once, if there. */
    publishedDir?: string;
  },
  db: Queryable,
  logger?: Logger,
  /** The organisation, when the caller loaded it already. */
  organisation: Organisation = loadOrganisation(paths.organisationDir),
): Promise<Domain> {
  const store = await VersionStore.open(db);
  if (paths.publishedDir) {
    const imported = await store.importFiles(paths.publishedDir);
    if (imported > 0)
      logger?.info(
        { imported, from: paths.publishedDir },
        'brought published versions from files into the database',
      );
  }
  const designer = new Designer(organisation, store);
  const { published, unpublishedChanges, problems } = await designer.publishFiles(
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
  const catalog = new PublishedCatalog(store);
  checkStartCoverage(organisation, catalog, paths.servicesDir, logger);
  return { organisation, designer, catalog };
}

/**
 * Refuses a catalog and an organisation that leave a (service, district) pair nobody can start;
 * a pair that only licences lapsed since leave open is reported, and the system still runs.
 */
function checkStartCoverage(
  org: Organisation,
  catalog: PublishedCatalog,
  servicesDir: string,
  logger?: Logger,
): void {
  const plans = catalog.all();
  const files = definitionFiles(servicesDir);
  const always = startGaps(org, plans);
  if (always.length > 0) throw new DefinitionError(startProblems(always, files));
  for (const gap of startGaps(org, plans, cityDate(org.calendar, Date.now())))
    logger?.warn(gap, `nobody can start ${gap.serviceId} in ${gap.district} today: ${gap.why}`);
}
