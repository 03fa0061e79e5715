/**
 * A PostgreSQL server of Debian's packages started for this machine's own use (the tests, the
 * benchmark): a fresh cluster in a directory, on a free port, stopped when done. initdb refuses
 * to run as root, so as root the cluster is made and run as the `postgres` user.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface PostgresServer {
  /** postgres://… of the `postgres` database, trusted on the loopback. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The directory of Debian's PostgreSQL programs (the newest installed), if any. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as `postgres` when this process is root. */
function run(bin: string, args: string[], user: { uid: number; gid: number } | undefined) {
  execFileSync(bin, args, {
    stdio: 'pipe',
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
}

/** The postgres user to run PostgreSQL's programs as when this process is root. */
export function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export async function startPostgres(
  dir: string,
  /** `durable: false` skips fsync: fine for a throwaway cluster of tests, not for measuring writes. */
  options: { port?: number; durable?: boolean; settings?: Record<string, string> } = {},
): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin)
    throw new Error('PostgreSQL is not installed: apt-get install postgresql (scripts/setup.sh does it)');
  const user = postgresUser();
  const data = join(dir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  if (!existsSync(join(data, 'PG_VERSION')))
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], user);
  const port = options.port ?? (await freePort());
  const server = spawn(
    join(bin, 'postgres'),
    [
      ...['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(user ? { uid: user.uid, gid: user.gid } : {}) },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'], undefined);
      break;
    } catch {
      if (server.exitCode !== null || Date.now() > deadline)
        throw new Error(`PostgreSQL did not start on port ${port}:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        // SIGINT: PostgreSQL's fast shutdown.
        server.kill('SIGINT');
      }),
  };
}
