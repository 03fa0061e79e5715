/**
 * `npm run build` bundles the workflow code once, next to the compiled worker, so a worker
 * started from the build loads it instead of bundling at every start (seconds of CPU, and the
 * same code on every machine that runs the build).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

/** Where the build keeps the bundle: beside the compiled `worker/`, in `dist/`. */
export const builtBundlePath = join(__dirname, '..', 'workflow-bundle.js');

/** The build's bundle, when this worker runs from a build that has one. */
export function builtBundle(): string | undefined {
  return existsSync(builtBundlePath) ? builtBundlePath : undefined;
}

if (require.main === module) {
  void bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  }).then(({ code }) => writeFileSync(builtBundlePath, code));
}
