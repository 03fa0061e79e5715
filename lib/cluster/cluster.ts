/**
 * The deployment of one machine, started in order (PostgreSQL, the Temporal server on it, then
 * pishkhan's processes: namespaces, workers, API instances, the front) and stopped in the
 * reverse order. Every process is supervised (started again if it dies). `npm run cluster`,
 * test/cluster and the cluster benchmark all start it through here.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { fillEnv, type ResolvedDeployment } from './deployment';
import { startPishkhan, type PishkhanProcesses } from './pishkhan-processes';
import { ensureDatabases, startPostgres, type Postgres } from './postgres';
import { ensureSecrets, type Secrets } from './secrets';
import { Stops } from './stops';
import { Supervised } from './supervised';
import { setupSchemas, startTemporalServer, type TemporalServerOptions } from './temporal-server';

export interface ClusterOptions {
  deployment: ResolvedDeployment;
  /** dist runs the compiled processes (npm run cluster); source runs the TypeScript with tsx (tests). */
  runFrom: 'dist' | 'source';
  /** Where progress lines go. */
  say?: (line: string) => void;
}

export interface Cluster extends PishkhanProcesses {
  deployment: ResolvedDeployment;
  secrets: Secrets;
  /** A client connection for the supervisor's own calls (namespaces, versions). */
  connection: Connection;
  postgres: Postgres;
  temporal: Supervised;
  /** Stops everything, the front first and PostgreSQL last. */
  stop(): Promise<void>;
}

/** Makes a deployment's data directory, and answers its secrets (generated at the first start). */
export function prepareDataDir(deployment: ResolvedDeployment): Secrets {
  mkdirSync(deployment.dirs.data, { recursive: true });
  // PostgreSQL runs as its own user and must reach its data directory inside this one.
  if (process.getuid?.() === 0) chmodSync(deployment.dirs.data, 0o755);
  return ensureSecrets(deployment.dirs.data);
}

/** The environment of pishkhan's processes: deploy/cluster.yaml's, filled in, with the token key. */
export function pishkhanEnv(deployment: ResolvedDeployment, secrets: Secrets): Record<string, string> {
  return {
    ...fillEnv(deployment.env, {
      HOST: deployment.host,
      POSTGRES_PORT: String(deployment.postgresPort),
      PISHKHAN_DB_PASSWORD: secrets.PISHKHAN_DB_PASSWORD,
    }),
    PISHKHAN_JWT_SECRET: secrets.PISHKHAN_JWT_SECRET,
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { deployment } = options;
  const say = options.say ?? (() => {});
  const { dirs, host } = deployment;
  const secrets = prepareDataDir(deployment);
  const logOf = (name: string) => join(dirs.logs, `${name}.log`);
  const stops = new Stops();
  const stopAll = () => stops.stopAll();

  try {
    const postgres = await startPostgres({
      dataDir: dirs.postgres,
      host,
      port: deployment.postgresPort,
      settings: deployment.file.postgres.settings ?? {},
      logFile: logOf('postgres'),
    });
    stops.add(() => postgres.process.stop());
    await ensureDatabases(postgres, {
      temporal: secrets.PK_TEMPORAL_DB_PASSWORD,
      pishkhan: secrets.PISHKHAN_DB_PASSWORD,
    });
    say(`postgres   ${host}:${deployment.postgresPort}, data in ${dirs.postgres}`);

    const serverOptions: TemporalServerOptions = {
      host,
      port: deployment.temporalPort,
      postgresPort: deployment.postgresPort,
      password: secrets.PK_TEMPORAL_DB_PASSWORD,
      historyShards: deployment.historyShards,
      logFile: logOf('temporal'),
    };
    await setupSchemas(serverOptions);
    const temporal = new Supervised('temporal', () => startTemporalServer(serverOptions), say);
    await temporal.run();
    stops.add(() => temporal.stop());
    say(`temporal   ${deployment.temporalAddress}, ${deployment.historyShards} history shards`);

    const connection = await Connection.connect({ address: deployment.temporalAddress });
    stops.add(() => connection.close());
    const pishkhan = await startPishkhan({
      deployment,
      runFrom: options.runFrom,
      temporalAddress: deployment.temporalAddress,
      connection,
      env: pishkhanEnv(deployment, secrets),
      say,
    });
    stops.add(() => pishkhan.stop());

    return {
      deployment,
      secrets,
      connection,
      postgres,
      temporal,
      namespace: pishkhan.namespace,
      // Read at each use: a roll or a scale changes them.
      get workers() {
        return pishkhan.workers;
      },
      get build() {
        return pishkhan.build;
      },
      apis: pishkhan.apis,
      apiUrls: pishkhan.apiUrls,
      front: pishkhan.front,
      buildWorkflows: (workflowsPath) => pishkhan.buildWorkflows(workflowsPath),
      rollWorkers: (build) => pishkhan.rollWorkers(build),
      scaleWorkers: (count) => pishkhan.scaleWorkers(count),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
