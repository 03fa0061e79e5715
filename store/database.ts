/**
 * The work store's database: PostgreSQL, either a server named by a connection string (several
 * processes and machines share it) or PGlite, PostgreSQL compiled to WebAssembly, embedded in the
 * process with its files in the data directory (one machine, nothing to install). Both speak the
 * same SQL; the rest of the store sees only this interface.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'server';
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded database's files, gzipped: a template for others (tests). */
  dump?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… of a PostgreSQL server; without it, the embedded database. */
  url?: string | undefined;
  /** Where the embedded database keeps its files; in memory when absent (tests). */
  dataDir?: string | undefined;
  /** The schema the store's tables live in: one per city on a shared server, or per test. */
  schema?: string | undefined;
  /** Connections to a server at most (the embedded database has one). */
  poolSize?: number | undefined;
  /** The embedded database starts as a copy of this one (a dump of its files): tests skip initdb. */
  template?: Blob | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`'${schema}' is not a schema name (a-z, 0-9, _)`);
  return schema;
}

/** Counts and sums come back as numbers on both kinds (node-postgres gives int8 and numeric as text). */
const NUMERIC_TYPES = new Set([20, 1700]);

const numbersAsNumbers = ((oid: number, format?: 'text' | 'binary') =>
  NUMERIC_TYPES.has(oid)
    ? (value: string) => Number(value)
    : (pg.types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof pg.types.getTypeParser;

function serverDatabase(url: string, schema: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${schema}`,
    types: { getTypeParser: numbersAsNumbers },
  });
  // An idle connection the server dropped must not take the process down.
  pool.on('error', () => {});
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
  });
  return {
    kind: 'server',
    ...on(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The embedded database's files are open in another process: one process at a time may open them. */
export class EmbeddedDatabaseBusyError extends Error {
  override name = 'EmbeddedDatabaseBusyError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the embedded database in ${dataDir} is open in process ${pid} (npm start)`);
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks the files as this process's; a mark left by a process that died is taken over. */
function lockFiles(dataDir: string): () => void {
  const file = `${dataDir}.pid`;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 0 && running(pid)) throw new EmbeddedDatabaseBusyError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
}

async function embeddedDatabase(
  dataDir: string | undefined,
  schema: string,
  template: Blob | undefined,
): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockFiles(dataDir) : () => {};
  const db = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(template ? { loadDataDir: template } : {}) });
  try {
    await db.waitReady;
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'embedded',
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
        }),
      ),
    close: async () => {
      await db.close();
      unlock();
    },
    dump: async () => db.dumpDataDir('gzip'),
  };
}

/** Opens the store's database; the schema is created when it is missing. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = assertSchemaName(options.schema ?? 'pishkhan');
  if (!options.url) return embeddedDatabase(options.dataDir, schema, options.template);
  const admin = new pg.Client({ connectionString: options.url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two processes starting at once both try; the loser finds it there.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await admin.end();
  }
  return serverDatabase(options.url, schema, options.poolSize ?? 10);
}
