// Generates the TypeScript types of the YAML formats from their JSON Schemas, the single
// source of truth. `--check` compares instead of writing and exits 1 when a file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Schema file (in definitions/schemas) to generated module (in lib/generated). */
export const targets = [
  ['service.schema.json', 'service-definition.ts'],
  ['organisation.schema.json', 'organisation.ts'],
  ['calendar.schema.json', 'calendar.ts'],
  ['deployment.schema.json', 'deployment.ts'],
];

export async function generate(schemaFile) {
  const schemaPath = join(root, 'definitions/schemas', schemaFile);
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  const banner =
    `/* Generated from definitions/schemas/${schemaFile} by scripts/generate-types.mjs.\n` +
    ` * Do not edit: change the schema and run \`npm run generate\`. */`;
  const code = await compile(schema, schema.title, {
    bannerComment: banner,
    cwd: join(root, 'definitions/schemas'),
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    format: false,
  });
  const options = await prettier.resolveConfig(join(root, 'lib/generated/x.ts'));
  return prettier.format(code, { ...options, parser: 'typescript' });
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [schemaFile, moduleFile] of targets) {
    const outPath = join(root, 'lib/generated', moduleFile);
    const wanted = await generate(schemaFile);
    const current = await readFile(outPath, 'utf8').catch(() => '');
    if (current === wanted) continue;
    if (check) {
      stale++;
      console.error(`lib/generated/${moduleFile} is stale: run \`npm run generate\``);
    } else {
      await writeFile(outPath, wanted);
      console.log(`wrote lib/generated/${moduleFile}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
