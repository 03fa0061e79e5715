/**
 * Writes docs/catalog.md from the definitions: `npm run catalog-page`.
 */
import { writeFileSync } from 'node:fs';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { catalogPage } from '../../lib/definitions/catalog-page';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

const entries = loadCatalogOrThrow(
  repoPath('definitions/services'),
  loadOrganisation(repoPath('definitions/organisation')),
);
writeFileSync(repoPath('docs/catalog.md'), catalogPage(entries, repoPath('.')));
console.log(`docs/catalog.md: ${entries.length} services`);
