/**
 * The deployment of one machine, started in order (PostgreSQL, Temporal, the namespaces and
 * search attributes, the workers and their build, the API instances, the front) and stopped in
 * the reverse order. Every process is supervised (started again if it dies); the workers can be
 * rolled to a new build while requests run. `npm run cluster`, test/cluster and the cluster
 * benchmark all start it through here.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { repoPath } from '../paths';
import { ensureNamespace } from '../temporal/ensure-namespace';
import { ensureSearchAttributes } from '../temporal/ensure-search-attributes';
import { makeCurrent, type WorkerBuild } from '../temporal/worker-versioning';
import { fillEnv, type ResolvedDeployment } from './deployment';
import { startFront, type Front } from './front';
import { startProcess, type ManagedProcess } from './managed-process';
import { ensureDatabases, startPostgres, type Postgres } from './postgres';
import { ensureSecrets, type Secrets } from './secrets';
import { Supervised } from './supervised';
import { setupSchemas, startTemporalServer, type TemporalServerOptions } from './temporal-server';
import { buildWorkflows } from './workflow-build';

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
  /** The namespace the workers and API instances serve (TEMPORAL_NAMESPACE of deploy/cluster.yaml). */
  namespace: string;
  /** A client connection for the supervisor's own calls (namespaces, versions). */
  connection: Connection;
  postgres: Postgres;
  temporal: Supervised;
  workers: Supervised[];
  apis: Supervised[];
  apiUrls: string[];
  front: Front;
  /** The build the workers run. */
  build: Required<WorkerBuild>;
  /** Bundles the workflow code (as it is now, or the module given) into a build. */
  buildWorkflows(workflowsPath?: string): Promise<Required<WorkerBuild>>;
  /**
   * Moves the workers to a build while requests run: as many workers of the new build start
   * beside the old, the new build becomes current, then the old workers stop one by one,
   * finishing the tasks in hand. The same build restarts the workers one by one.
   */
  rollWorkers(build: Required<WorkerBuild>): Promise<void>;
  /** Stops everything, the front first and PostgreSQL last. */
  stop(): Promise<void>;
}

const DEPLOYMENT_NAME_DEFAULT = 'pishkhan';

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { deployment, runFrom } = options;
  const say = options.say ?? (() => {});
  const { dirs, host } = deployment;
  mkdirSync(dirs.data, { recursive: true });
  // PostgreSQL runs as its own user and must reach its data directory inside this one.
  if (process.getuid?.() === 0) chmodSync(dirs.data, 0o755);
  const secrets = ensureSecrets(dirs.data);
  const logOf = (name: string) => join(dirs.logs, `${name}.log`);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };

  try {
    const postgres = await startPostgres({
      dataDir: dirs.postgres,
      host,
      port: deployment.postgresPort,
      settings: deployment.file.postgres.settings ?? {},
      logFile: logOf('postgres'),
    });
    stops.push(() => postgres.process.stop());
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
    stops.push(() => temporal.stop());
    say(`temporal   ${deployment.temporalAddress}, ${deployment.historyShards} history shards`);

    const connection = await Connection.connect({ address: deployment.temporalAddress });
    stops.push(() => connection.close());
    for (const { name, retentionDays } of deployment.namespaces) {
      await ensureNamespace(connection, name, retentionDays);
      await ensureSearchAttributes(connection, name);
    }
    const env = fillEnv(deployment.env, {
      HOST: host,
      POSTGRES_PORT: String(deployment.postgresPort),
      PISHKHAN_DB_PASSWORD: secrets.PISHKHAN_DB_PASSWORD,
    });
    const namespace = env.TEMPORAL_NAMESPACE ?? 'default';
    if (!deployment.namespaces.some((n) => n.name === namespace))
      throw new Error(
        `deploy/cluster.yaml: env.TEMPORAL_NAMESPACE '${namespace}' is not among temporal.namespaces`,
      );
    say(
      `namespace  ${deployment.namespaces.map((n) => n.name).join(', ')} with pishkhan's search attributes`,
    );

    const deploymentName = env.PISHKHAN_WORKER_DEPLOYMENT || DEPLOYMENT_NAME_DEFAULT;
    const build = (workflowsPath?: string) => buildWorkflows(dirs.builds, deploymentName, workflowsPath);
    const entry = (module: 'worker' | 'api'): string[] =>
      runFrom === 'dist'
        ? [repoPath('dist', module, 'main.js')]
        : ['--import', 'tsx', repoPath(module, 'main.ts')];
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      ...env,
      TEMPORAL_ADDRESS: deployment.temporalAddress,
      PISHKHAN_JWT_SECRET: secrets.PISHKHAN_JWT_SECRET,
      PISHKHAN_PUBLISHED_DIR: dirs.published,
      PISHKHAN_OUTBOX: join(dirs.data, 'outbox.jsonl'),
    };

    let workerNumber = 0;
    const worker = (workerBuild: Required<WorkerBuild>) => {
      const name = `worker-${++workerNumber}`;
      return new Supervised(
        name,
        () =>
          startProcess({
            name,
            command: process.execPath,
            args: entry('worker'),
            cwd: repoPath(),
            env: {
              ...common,
              PISHKHAN_DATA_DIR: join(dirs.data, name),
              PISHKHAN_WORKER_DEPLOYMENT: workerBuild.deploymentName,
              PISHKHAN_WORKER_BUILD_ID: workerBuild.buildId,
              PISHKHAN_WORKFLOW_BUNDLE: workerBuild.bundlePath,
            },
            logFile: logOf(name),
            ready: (output) => output.includes('"msg":"worker running"'),
          }),
        say,
      );
    };
    const startWorkers = async (workerBuild: Required<WorkerBuild>, count: number) => {
      const started = Array.from({ length: count }, () => worker(workerBuild));
      await Promise.all(started.map((w) => w.run()));
      return started;
    };

    let current = await build();
    let workers = await startWorkers(current, deployment.workerCount);
    stops.push(() => Promise.all(workers.map((w) => w.stop())).then(() => {}));
    await makeCurrent(connection, namespace, current);
    say(`workers    ${workers.length}, build ${current.buildId} current in ${namespace}`);

    const apis = deployment.apiPorts.map(
      (port, i) =>
        new Supervised(
          `api-${i + 1}`,
          () =>
            startProcess({
              name: `api-${i + 1}`,
              command: process.execPath,
              args: entry('api'),
              cwd: repoPath(),
              env: {
                ...common,
                HOST: host,
                PORT: String(port),
                PISHKHAN_DATA_DIR: join(dirs.data, `api-${i + 1}`),
                PISHKHAN_AUDIT_DIR: join(dirs.data, `api-${i + 1}`, 'audit'),
              },
              logFile: logOf(`api-${i + 1}`),
              ready: async () =>
                (await fetch(`http://${host}:${port}/readyz`).catch(() => undefined))?.status === 200,
              readyTimeoutMs: 120_000,
            }),
          say,
        ),
    );
    // One first: it publishes the definitions never published, which the others then find.
    const [firstApi, ...otherApis] = apis;
    if (firstApi) await firstApi.run();
    stops.push(() => Promise.all(apis.map((a) => a.stop())).then(() => {}));
    await Promise.all(otherApis.map((a) => a.run()));
    const apiUrls = deployment.apiPorts.map((port) => `http://${host}:${port}`);
    say(`api        ${apiUrls.join(', ')}`);

    const front = await startFront({ host, port: deployment.frontPort, backends: apiUrls });
    stops.push(() => front.stop());
    say(`front      ${front.url}`);

    const cluster: Cluster = {
      deployment,
      secrets,
      namespace,
      connection,
      postgres,
      temporal,
      get workers() {
        return workers;
      },
      apis,
      apiUrls,
      front,
      get build() {
        return current;
      },
      buildWorkflows: build,
      async rollWorkers(next) {
        const old = workers;
        if (next.buildId === current.buildId) {
          // Same code: one new worker up, then one old one down, so the queue is never unserved.
          const fresh: Supervised[] = [];
          for (const stale of old) {
            fresh.push(...(await startWorkers(next, 1)));
            await stale.stop();
          }
          workers = fresh;
          return;
        }
        const fresh = await startWorkers(next, old.length);
        await makeCurrent(connection, namespace, next);
        current = next;
        workers = fresh;
        for (const stale of old) await stale.stop();
        say(`workers    ${fresh.length}, build ${next.buildId} current in ${namespace}`);
      },
      stop: stopAll,
    };
    return cluster;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The processes of a running cluster, for the lines `npm run cluster` prints. */
export function processesOf(cluster: Cluster): ManagedProcess[] {
  return [cluster.temporal, ...cluster.workers, ...cluster.apis]
    .map((s) => s.process)
    .filter((p): p is ManagedProcess => p !== undefined);
}
