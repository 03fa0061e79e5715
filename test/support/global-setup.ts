/**
 * Starts one real Temporal dev server (the CLI in tools/bin) for all end-to-end suites,
 * registers the engine's search attributes with the engine's own code, and bundles the
 * workflows once. Suites find both through environment variables.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { TEMPORAL_CLI } from '../../lib/temporal/dev-server';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';

declare global {
  var __temporalEnv: TestWorkflowEnvironment | undefined;
}

export default async function globalSetup(): Promise<void> {
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

  process.env.PK_TEST_TEMPORAL_ADDRESS = env.address;
  process.env.PK_TEST_WORKFLOW_BUNDLE = codePath;
  process.env.PK_TEST_TMP = dir;
}
