/**
 * Stops the Temporal dev server the end-to-end suites shared.
 */
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__temporalEnv?.teardown();
  if (process.env.PK_TEST_TMP) rmSync(process.env.PK_TEST_TMP, { recursive: true, force: true });
}
