/**
 * The deployment of one machine, started in order (PostgreSQL, the Temporal server on it, then
 * each city's processes: namespace, workers, API instances, front) and stopped in the reverse
 * order. Every process is supervised (started again if it dies). `npm run cluster`,
 * test/cluster and the cluster benchmark all start it through here.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { thisMachine, workerShareMiB, type Machine } from '../../worker/sizing';
import { fillEnv, type ResolvedCity, type ResolvedDeployment } from './deployment';
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

export interface Cluster {
  deployment: ResolvedDeployment;
  secrets: Secrets;
  /** A client connection for the supervisor's own calls (namespaces, versions). */
  connection: Connection;
  postgres: Postgres;
  temporal: Supervised;
  /** Each city's processes, in the order of the file. */
  cities: PishkhanProcesses[];
  /** Stops everything, the fronts first and PostgreSQL last. */
  stop(): Promise<void>;
}

/** Makes a deployment's data directory, and answers its secrets (generated at the first start). */
export function prepareDataDir(deployment: ResolvedDeployment): Secrets {
  mkdirSync(deployment.dirs.data, { recursive: true });
  // PostgreSQL runs as its own user and must reach its data directory inside this one.
  if (process.getuid?.() === 0) chmodSync(deployment.dirs.data, 0o755);
  return ensureSecrets(deployment.dirs.data);
}

/**
 * The environment of a city's processes: deploy/cluster.yaml's and the city's, filled in. Unless
 * it (or the supervisor's own environment) says how much memory a worker may use, every worker
 * of the deployment gets an equal part of the workers' share of this machine.
 */
export function pishkhanEnv(
  deployment: ResolvedDeployment,
  secrets: Secrets,
  city: ResolvedCity,
  machine: Machine = thisMachine(),
): Record<string, string> {
  const workers = deployment.cities.reduce((sum, each) => sum + each.workerCount, 0);
  const share = process.env.PISHKHAN_WORKER_MEMORY ?? String(workerShareMiB(workers, machine));
  return fillEnv(
    { PISHKHAN_WORKER_MEMORY: share, ...deployment.env, ...city.env },
    {
      HOST: deployment.host,
      POSTGRES_PORT: String(deployment.postgresPort),
      PISHKHAN_DB_PASSWORD: secrets.PISHKHAN_DB_PASSWORD,
    },
  );
}

/** Starts the deployment's PostgreSQL with the databases and roles of Temporal and pishkhan. */
export async function startDatabase(
  deployment: ResolvedDeployment,
  secrets: Secrets,
  say: (line: string) => void,
): Promise<Postgres> {
  const { dirs, host } = deployment;
  const postgres = await startPostgres({
    dataDir: dirs.postgres,
    host,
    port: deployment.postgresPort,
    settings: deployment.file.postgres.settings ?? {},
    logFile: join(dirs.logs, 'postgres.log'),
  });
  try {
    await ensureDatabases(postgres, {
      temporal: secrets.PK_TEMPORAL_DB_PASSWORD,
      pishkhan: secrets.PISHKHAN_DB_PASSWORD,
    });
  } catch (error) {
    await postgres.process.stop();
    throw error;
  }
  say(`postgres   ${host}:${deployment.postgresPort}, data in ${dirs.postgres}`);
  return postgres;
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
    const postgres = await startDatabase(deployment, secrets, say);
    stops.add(() => postgres.process.stop());

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
    const cities: PishkhanProcesses[] = [];
    for (const city of deployment.cities) {
      const processes = await startPishkhan({
        deployment,
        city,
        runFrom: options.runFrom,
        temporalAddress: deployment.temporalAddress,
        connection,
        env: pishkhanEnv(deployment, secrets, city),
        say,
      });
      stops.add(() => processes.stop());
      cities.push(processes);
    }

    return { deployment, secrets, connection, postgres, temporal, cities, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
