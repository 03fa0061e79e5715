/**
 * The Temporal server of the deployment: its schemas set up and brought to the server's version
 * by the SQL tool, then the server (all four services in one process) started with the
 * configuration in deploy/temporal, and ready once its frontend answers a health check.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { grpc } from '@temporalio/proto';
import { repoPath } from '../paths';
import { startProcess, type ManagedProcess } from './managed-process';

const run = promisify(execFile);

export const TEMPORAL_SERVER = repoPath('tools/bin/temporal-server');
export const TEMPORAL_SQL_TOOL = repoPath('tools/bin/temporal-sql-tool');

export interface TemporalServerOptions {
  host: string;
  port: number;
  postgresPort: number;
  password: string;
  historyShards: number;
  logFile: string;
}

function assertInstalled(): void {
  for (const binary of [TEMPORAL_SERVER, TEMPORAL_SQL_TOOL]) {
    if (!existsSync(binary))
      throw new Error(`${binary} is missing: run scripts/install-cluster.sh (npm run cluster does it).`);
  }
}

/**
 * Creates the schemas of a new database and upgrades those of an older server version; both
 * steps do nothing when there is nothing to do. The schemas are those built into the tool.
 */
export async function setupSchemas(options: TemporalServerOptions): Promise<void> {
  assertInstalled();
  const connect = ['--plugin', 'postgres12', '--ep', options.host, '-p', String(options.postgresPort)];
  const login = ['-u', 'temporal', '--pw', options.password];
  for (const [database, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ] as const) {
    const tool = (...args: string[]) =>
      run(TEMPORAL_SQL_TOOL, [...connect, ...login, '--db', database, ...args]);
    await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '--schema-name', schema);
  }
}

/** The environment the configuration template (deploy/temporal/cluster.yaml) reads. */
export function serverEnv(options: TemporalServerOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PK_TEMPORAL_HOST: options.host,
    PK_TEMPORAL_PORT: String(options.port),
    PK_POSTGRES_ADDRESS: `${options.host}:${options.postgresPort}`,
    PK_TEMPORAL_DB_PASSWORD: options.password,
    PK_HISTORY_SHARDS: String(options.historyShards),
    PK_TEMPORAL_DYNAMIC_CONFIG: repoPath('deploy/temporal/dynamic-config.yaml'),
  };
}

/** True when the frontend answers gRPC's health check. */
async function frontendServing(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 }).catch(() => undefined);
  if (!connection) return false;
  try {
    const health = await connection.withDeadline(Date.now() + 1_000, () =>
      connection.healthService.check({ service: 'temporal.api.workflowservice.v1.WorkflowService' }),
    );
    return health.status === grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

export async function startTemporalServer(options: TemporalServerOptions): Promise<ManagedProcess> {
  assertInstalled();
  return startProcess({
    name: 'temporal',
    command: TEMPORAL_SERVER,
    // No authorizer: the server listens on the deployment's own address only (docs/operations.md).
    args: [
      '--root',
      repoPath(),
      '--config',
      'deploy/temporal',
      '--env',
      'cluster',
      '--allow-no-auth',
      'start',
    ],
    env: serverEnv(options),
    logFile: options.logFile,
    ready: () => frontendServing(`${options.host}:${options.port}`),
    readyTimeoutMs: 120_000,
  });
}
