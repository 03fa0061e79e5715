/**
 * The TypeScript types of the YAML formats are generated from the JSON Schemas and must match
 * them: a schema changed without `npm run generate` fails here.
 */
import { execFileSync } from 'node:child_process';
import { repoPath } from '../../lib/paths';

test('when the schemas are compiled to types, then the committed lib/generated files are current', () => {
  const run = () =>
    execFileSync(process.execPath, [repoPath('scripts/generate-types.mjs'), '--check'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  expect(run).not.toThrow();
});
