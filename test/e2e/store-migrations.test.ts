/**
 * Processes of a deployment that start together (workers, API instances) open one fresh store
 * on the PostgreSQL server at once: each opens it, and each migration is applied once.
 */
import { randomBytes } from 'node:crypto';
import { readMigrations } from '../../store/migrate';
import { openWorkStore, type WorkStore } from '../../store/work-store';
import { TEST_NATIONAL_ID_KEY } from '../support/test-store';

const url = process.env.PK_TEST_DATABASE_URL;
if (!url) throw new Error('the store tests need the PostgreSQL server of test/support/global-setup.ts');

test('when six processes open a fresh store at once, then every one opens it and each migration is applied once', async () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const opened = await Promise.allSettled(
    Array.from({ length: 6 }, () =>
      openWorkStore({ url, schema, nationalIdKey: TEST_NATIONAL_ID_KEY, poolSize: 2 }),
    ),
  );
  const stores = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    expect(opened.map((result) => (result.status === 'rejected' ? String(result.reason) : 'opened'))).toEqual(
      Array.from({ length: 6 }, () => 'opened'),
    );
    const applied = await (stores[0] as WorkStore).db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(applied.map((row) => row.version)).toEqual(readMigrations().map((m) => m.version));
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
});
