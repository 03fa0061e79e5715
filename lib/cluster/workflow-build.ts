/**
 * A build of the workflow code for the deployment's workers: bundled once, written to
 * <data>/builds/<build id>.js, and named by the hash of the bundle, so the same code is the
 * same build on every machine and any change to it is a new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { WorkerBuild } from '../temporal/worker-versioning';

/** Bundles the workflows module (the interpreter unless told otherwise) into a build. */
export async function buildWorkflows(
  buildsDir: string,
  deploymentName: string,
  workflowsPath = require.resolve('../../workflows'),
): Promise<Required<WorkerBuild>> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  const buildId = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const bundlePath = join(buildsDir, `${buildId}.js`);
  if (!existsSync(bundlePath)) {
    mkdirSync(buildsDir, { recursive: true });
    writeFileSync(bundlePath, code);
  }
  return { deploymentName, buildId, bundlePath };
}
