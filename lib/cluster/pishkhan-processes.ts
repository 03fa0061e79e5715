/**
 * One city's own processes on a running Temporal: its namespace and search attributes, its
 * workers of one build (current in the namespace's worker deployment), its API instances, and
 * its front. Started in that order and stopped in the reverse; workers can be added, removed,
 * and rolled to a new build while requests run. The cluster starts them for each city on its
 * own Temporal server; the benchmark also on the dev server, to compare the two.
 */
import { join } from 'node:path';
import type { Connection } from '@temporalio/client';
import { repoPath } from '../paths';
import { ensureNamespace } from '../temporal/ensure-namespace';
import { ensureSearchAttributes } from '../temporal/ensure-search-attributes';
import { makeCurrent, type WorkerBuild } from '../temporal/worker-versioning';
import type { ResolvedCity, ResolvedDeployment } from './deployment';
import { startFront, type Front } from './front';
import { startProcess, type ProcessSpec } from './managed-process';
import { ensureCitySecrets, type CitySecrets } from './secrets';
import { Stops } from './stops';
import { Supervised } from './supervised';
import { buildWorkflows } from './workflow-build';

export interface PishkhanOptions {
  deployment: ResolvedDeployment;
  city: ResolvedCity;
  /** dist runs the compiled processes (npm run cluster); source runs the TypeScript with tsx (tests). */
  runFrom: 'dist' | 'source';
  /** host:port of the Temporal frontend. */
  temporalAddress: string;
  connection: Connection;
  /** Environment of the city's workers and API instances (the file's and the city's), ${NAME} filled in. */
  env: Record<string, string>;
  say: (line: string) => void;
}

export interface PishkhanProcesses {
  city: ResolvedCity;
  /** The key its API instances sign and check tokens with. */
  secrets: CitySecrets;
  /** The namespace its workers and API instances serve: the city's. */
  namespace: string;
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
  /** Starts or stops workers of the current build until there are `count`. */
  scaleWorkers(count: number): Promise<void>;
  stop(): Promise<void>;
}

const DEPLOYMENT_NAME_DEFAULT = 'pishkhan';

/** What makes a process serve its city and no other: no `env` of the file can change it. */
export function cityEnv(city: ResolvedCity, secrets: CitySecrets): Record<string, string> {
  return {
    TEMPORAL_NAMESPACE: city.namespace,
    PISHKHAN_DATABASE_SCHEMA: city.storeSchema,
    PISHKHAN_ORGANISATION_DIR: city.organisationDir,
    PISHKHAN_SERVICES_DIR: city.servicesDir,
    PISHKHAN_PUBLISHED_DIR: city.publishedDir,
    PISHKHAN_JWT_SECRET: secrets.PISHKHAN_JWT_SECRET,
    PISHKHAN_PAYLOAD_KEYS: secrets.PISHKHAN_PAYLOAD_KEYS,
  };
}

export async function startPishkhan(options: PishkhanOptions): Promise<PishkhanProcesses> {
  const { deployment, city, runFrom, connection, say } = options;
  const { dirs, host } = deployment;
  const { namespace } = city;
  const label = (name: string) => `${city.name}/${name}`;
  const logOf = (name: string) => join(dirs.logs, `${city.name}-${name}.log`);
  const stops = new Stops();
  const stopAll = () => stops.stopAll();

  try {
    const secrets = ensureCitySecrets(city.dataDir);
    await ensureNamespace(connection, namespace, city.retentionDays);
    await ensureSearchAttributes(connection, namespace);
    say(`${city.name.padEnd(10)} namespace ${namespace} with pishkhan's search attributes`);

    const env = { ...options.env, ...cityEnv(city, secrets) };
    const deploymentName = env.PISHKHAN_WORKER_DEPLOYMENT || DEPLOYMENT_NAME_DEFAULT;
    const build = (workflowsPath?: string) => buildWorkflows(dirs.builds, deploymentName, workflowsPath);
    const entry = (module: 'worker' | 'api'): string[] =>
      runFrom === 'dist'
        ? [repoPath('dist', module, 'main.js')]
        : ['--import', 'tsx', repoPath(module, 'main.ts')];
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      ...env,
      TEMPORAL_ADDRESS: options.temporalAddress,
    };

    /** A worker or an API instance: the same Node entry as `npm run worker` or `npm run api`. */
    const pishkhanProcess = (
      name: string,
      module: 'worker' | 'api',
      env: NodeJS.ProcessEnv,
      ready: ProcessSpec['ready'],
    ) =>
      new Supervised(
        label(name),
        () =>
          startProcess({
            name: label(name),
            command: process.execPath,
            args: entry(module),
            cwd: repoPath(),
            env: { ...common, PISHKHAN_DATA_DIR: join(city.dataDir, name), ...env },
            logFile: logOf(name),
            ready,
            readyTimeoutMs: 120_000,
          }),
        say,
      );

    let workerNumber = 0;
    const worker = (workerBuild: Required<WorkerBuild>) =>
      pishkhanProcess(
        `worker-${++workerNumber}`,
        'worker',
        {
          PISHKHAN_WORKER_DEPLOYMENT: workerBuild.deploymentName,
          PISHKHAN_WORKER_BUILD_ID: workerBuild.buildId,
          PISHKHAN_WORKFLOW_BUNDLE: workerBuild.bundlePath,
        },
        // The worker says so once it polls (LOG_LEVEL info or lower).
        (output) => output.includes('"msg":"worker running"'),
      );
    const startWorkers = async (workerBuild: Required<WorkerBuild>, count: number) => {
      const started = Array.from({ length: count }, () => worker(workerBuild));
      await Promise.all(started.map((w) => w.run()));
      return started;
    };

    let current = await build();
    let workers = await startWorkers(current, city.workerCount);
    stops.add(() => Promise.all(workers.map((w) => w.stop())));
    await makeCurrent(connection, namespace, current);
    say(`${city.name.padEnd(10)} workers ${workers.length}, build ${current.buildId} current`);

    const apis = city.apiPorts.map((port, i) =>
      pishkhanProcess(
        `api-${i + 1}`,
        'api',
        { HOST: host, PORT: String(port) },
        async () => (await fetch(`http://${host}:${port}/readyz`).catch(() => undefined))?.status === 200,
      ),
    );
    // One first: it publishes the definitions never published, which the others then find.
    const [firstApi, ...otherApis] = apis;
    if (firstApi) await firstApi.run();
    stops.add(() => Promise.all(apis.map((a) => a.stop())));
    await Promise.all(otherApis.map((a) => a.run()));
    const apiUrls = city.apiPorts.map((port) => `http://${host}:${port}`);
    say(`${city.name.padEnd(10)} api ${apiUrls.join(', ')}`);

    const front = await startFront({ host, port: city.frontPort, backends: apiUrls });
    stops.add(() => front.stop());
    say(`${city.name.padEnd(10)} front ${front.url}`);

    return {
      city,
      secrets,
      namespace,
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
        say(`${city.name.padEnd(10)} workers ${fresh.length}, build ${next.buildId} current`);
      },
      async scaleWorkers(count) {
        if (count > workers.length)
          workers = [...workers, ...(await startWorkers(current, count - workers.length))];
        while (workers.length > count) await workers.pop()?.stop();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
