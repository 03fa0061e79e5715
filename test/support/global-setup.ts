/**
 * Starts one real Temporal dev server (the CLI in tools/bin) for all end-to-end suites,
 * registers the engine's search attributes with the engine's own code, and bundles the
 * workflows once. Prepares an embedded work store with the migrations applied, which each
 * suite's store starts as a copy of, and starts Debian's PostgreSQL, which the store's own suites
 * run on besides the embedded one. Suites find all of it through environment variables.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { TEMPORAL_CLI } from '../../lib/temporal/dev-server';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';
import { postgresBinaries, startPostgres, type PostgresServer } from '../../lib/postgres-server';
import { openWorkStore } from '../../store/work-store';
import { templatePath } from './test-store';

declare global {
  var __temporalEnv: TestWorkflowEnvironment | undefined;
  var __postgres: PostgresServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  // The end-to-end and the browser projects share one set-up: the second finds it done.
  if (globalThis.__temporalEnv) return;
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
  globalThis.__temporalEnv = env;
  await ensureSearchAttributes(env.connection, 'default');

  const dir = mkdtempSync(join(tmpdir(), 'pishkhan-test-'));
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  const codePath = join(dir, 'workflow-bundle.js');
  writeFileSync(codePath, code);

  const template = await openWorkStore({ nationalIdKey: 'template' });
  writeFileSync(templatePath(dir), Buffer.from(await ((await template.db.dump?.()) as Blob).arrayBuffer()));
  await template.close();

  // The store's suites run on a PostgreSQL server too; PK_TEST_POSTGRES=off skips it.
  if (process.env.PK_TEST_POSTGRES !== 'off') {
    if (!postgresBinaries()) throw new Error('PostgreSQL is not installed: run scripts/setup.sh --tests');
    // Its own directory under the system's temporary one: the server's user must reach it.
    const pgDir = mkdtempSync(join(tmpdir(), 'pishkhan-test-pg-'));
    process.env.PK_TEST_PG_DIR = pgDir;
    globalThis.__postgres = await startPostgres(pgDir, { durable: false });
    process.env.PK_TEST_DATABASE_URL = globalThis.__postgres.url;
  }

  process.env.PK_TEST_TEMPORAL_ADDRESS = env.address;
  process.env.PK_TEST_WORKFLOW_BUNDLE = codePath;
  process.env.PK_TEST_TMP = dir;
}
