/**
 * Stops the Temporal dev server and the PostgreSQL server the end-to-end suites shared.
 */
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const env = globalThis.__temporalEnv;
  // The first project's teardown stops what both shared.
  globalThis.__temporalEnv = undefined;
  await env?.teardown();
  await globalThis.__postgres?.stop();
  globalThis.__postgres = undefined;
  for (const dir of [process.env.PK_TEST_TMP, process.env.PK_TEST_PG_DIR])
    if (dir) rmSync(dir, { recursive: true, force: true });
}
