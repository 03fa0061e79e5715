/**
 * Versioned migrations: `store/migrations/NNN-name.sql`, applied in order at start, each in its
 * own transaction and recorded in `schema_migrations`. A lock makes processes that start together
 * apply each file once; a file already applied is never run again, so a change is a new file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../lib/paths';
import type { Database } from './database';

export const MIGRATIONS_DIR = repoPath('store/migrations');

/** Any number, the same in every process: the key of the advisory lock migrations take. */
const MIGRATION_LOCK = 7_404_911;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/** Applies the migrations not yet applied; answers the versions it applied now. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<number[]> {
  // Under the lock too: two processes creating the same table at once collide in PostgreSQL's
  // catalog (a duplicate key of pg_type), IF NOT EXISTS or not.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const found = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      if (found[0]) {
        if (found[0].checksum !== checksum)
          throw new Error(
            `migration ${migration.version}-${migration.name} changed after it was applied: add a new migration instead`,
          );
        return false;
      }
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksum,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** Statements of a migration file, split at semicolons that end a line; comments dropped. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  // Inside a $$-quoted body (a function's), a line ending in ';' does not end the statement.
  let quoted = false;
  for (const line of sql.split('\n')) {
    if (!quoted && line.trimStart().startsWith('--')) continue;
    current.push(line);
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) quoted = !quoted;
    if (!quoted && /;\s*$/.test(line)) {
      statements.push(current.join('\n').trim().replace(/;$/, ''));
      current = [];
    }
  }
  statements.push(current.join('\n').trim());
  return statements.filter((statement) => statement !== '');
}
