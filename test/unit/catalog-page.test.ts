/**
 * The catalog page in the docs is the one the definitions give: a changed definition without a
 * regenerated page fails here, with the command that fixes it.
 */
import { readFileSync } from 'node:fs';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { catalogPage } from '../../lib/definitions/catalog-page';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

/** The page without what the formatter changes: padding of table cells and the width of their rules. */
const normalised = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' ').replace(/-{3,}/g, '---'))
    .filter((line) => line !== '')
    .join('\n');

test('when the definitions change, then docs/catalog.md has been regenerated with them (npm run catalog-page)', () => {
  const entries = loadCatalogOrThrow(
    repoPath('definitions/services'),
    loadOrganisation(repoPath('definitions/organisation')),
  );
  const expected = catalogPage(entries, repoPath('.'));
  const committed = readFileSync(repoPath('docs/catalog.md'), 'utf8');
  expect(
    normalised(committed) === normalised(expected) ? 'current' : 'out of date: run npm run catalog-page',
  ).toBe('current');
  expect(expected.match(/^## /gm)).toHaveLength(128);
});
