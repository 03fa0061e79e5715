/**
 * `npm run bench:cluster`: one load, side by side in one run, on the dev server (the Temporal
 * CLI's, SQLite) and on the cluster of deploy/cluster.yaml (the Temporal server on PostgreSQL),
 * each behind the same front, two API instances and one worker of its first city, with the work
 * store on the deployment's PostgreSQL in both; then on the cluster with two
 * workers, so the ratio says whether workers scale out on this machine. Figures: starts a
 * second, ten-step requests run to their end a second, and the p50 and p95 of a department's
 * worklist read while they run; and the CPU time each part (Temporal, PostgreSQL, workers,
 * API instances) spends on a start, a worklist read and a task completion, and at rest, which
 * is what docs/operations.md's capacity model rests on. Everything shares the machine's cores:
 * read the rates with the load average printed beside them.
 * BENCH_SECONDS (30) sets how long requests run; BENCH_SHARDS the cluster's history shards.
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { pishkhanEnv, prepareDataDir, startCluster, startDatabase } from '../lib/cluster/cluster';
import {
  DEPLOYMENT_FILE,
  loadDeployment,
  type DeploymentOverrides,
  type ResolvedDeployment,
} from '../lib/cluster/deployment';
import { freeDeploymentPorts } from '../lib/cluster/free-ports';
import { startPishkhan } from '../lib/cluster/pishkhan-processes';
import type { CitySecrets } from '../lib/cluster/secrets';
import type { Supervised } from '../lib/cluster/supervised';
import type { AuthConfig } from '../lib/config';
import { loadCatalogOrThrow } from '../lib/definitions/catalog';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { repoPath } from '../lib/paths';
import { startDevServer } from '../lib/temporal/dev-server';
import { measure, type LoadFigures, type LoadSettings, type Parts } from './cluster-load';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const settings: LoadSettings = {
  startClients: 16,
  startSeconds: Math.max(5, Math.round(seconds / 2)),
  worklistReaders: 2,
  readSeconds: Math.max(5, Math.round(seconds / 3)),
  runClients: 8,
  runSeconds: seconds,
};
/** The benchmark's only service (bench/services/ten-steps.yaml): the catalog of its city. */
const SERVICES_DIR = repoPath('bench/services');
/** Calls without a rate limit. */
const env = { PISHKHAN_RATE_LIMIT: '100000000' };

const say = (line: string) => console.log(`  ${line}`);
const authOf = (secrets: CitySecrets): AuthConfig => ({
  secret: secrets.PISHKHAN_JWT_SECRET,
  developmentKey: false,
  issuer: 'pishkhan',
  audience: 'pishkhan-api',
  rateLimitPerMinute: 100_000_000,
});
/** The deployment of deploy/cluster.yaml on ports of the benchmark's, its city on the benchmark's catalog. */
function benchDeployment(overrides: DeploymentOverrides): ResolvedDeployment {
  const deployment = loadDeployment(DEPLOYMENT_FILE, { ...overrides, env });
  return { ...deployment, cities: deployment.cities.map((city) => ({ ...city, servicesDir: SERVICES_DIR })) };
}
const pidsOf = (processes: Supervised[]) => processes.flatMap((s) => (s.process ? [s.process.pid] : []));
const machine = () => `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`;

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'pishkhan-bench-cluster-'));
  chmodSync(scratch, 0o755);
  const organisation = loadOrganisation(repoPath('definitions/organisation'));
  const plan = loadCatalogOrThrow(SERVICES_DIR, organisation)[0]?.plan;
  if (!plan) throw new Error('bench/services holds no service');
  const results: [string, LoadFigures, string][] = [];
  const run = async (
    name: string,
    base: string,
    secrets: CitySecrets,
    parts: Parts,
    storedBytes?: () => Promise<number>,
  ) => {
    console.log(`${name}: measuring (${machine()})`);
    const { figures, openCodes } = await measure(
      base,
      authOf(secrets),
      organisation,
      plan,
      settings,
      parts,
      storedBytes,
    );
    results.push([name, figures, machine()]);
    return openCodes;
  };

  try {
    console.log('dev server: starting');
    const ports = await freeDeploymentPorts([2]);
    const oneWorker = { cities: ports.cities?.map((city) => ({ ...city, workerCount: 1 })) };
    const devDeployment = benchDeployment({ ...ports, ...oneWorker, dataDir: join(scratch, 'dev') });
    const [devCity] = devDeployment.cities;
    if (!devCity) throw new Error('deploy/cluster.yaml has no city');
    const devSecrets = prepareDataDir(devDeployment);
    const devPostgres = await startDatabase(devDeployment, devSecrets, say);
    const devServer = await startDevServer({
      dbFile: join(devDeployment.dirs.data, 'temporal.sqlite'),
      port: devDeployment.temporalPort,
      uiPort: devDeployment.temporalPort + 1,
      namespace: 'default',
    });
    const devConnection = await Connection.connect({ address: devServer.address });
    const dev = await startPishkhan({
      deployment: devDeployment,
      city: devCity,
      runFrom: 'dist',
      temporalAddress: devServer.address,
      connection: devConnection,
      env: pishkhanEnv(devDeployment, devSecrets, devCity),
      say,
    });
    try {
      await run('dev server, 1 worker', dev.front.url, dev.secrets, {
        temporal: () => [devServer.pid],
        postgres: () => [devPostgres.process.pid],
        workers: () => pidsOf(dev.workers),
        apis: () => pidsOf(dev.apis),
      });
    } finally {
      await dev.stop();
      await devConnection.close();
      await devServer.stop();
      await devPostgres.process.stop();
    }

    console.log('cluster: starting');
    const cluster = await startCluster({
      deployment: benchDeployment({
        ...ports,
        ...oneWorker,
        dataDir: join(scratch, 'cluster'),
        ...(process.env.BENCH_SHARDS ? { historyShards: Number(process.env.BENCH_SHARDS) } : {}),
      }),
      runFrom: 'dist',
      say,
    });
    const city = cluster.cities[0];
    if (!city) throw new Error('the cluster runs no city');
    const parts: Parts = {
      temporal: () => pidsOf([cluster.temporal]),
      postgres: () => [cluster.postgres.process.pid],
      workers: () => pidsOf(city.workers),
      apis: () => pidsOf(city.apis),
    };
    const storedBytes = async () =>
      Number(
        await cluster.postgres.sql(
          'postgres',
          "SELECT pg_database_size('temporal') + pg_database_size('temporal_visibility') + pg_database_size('pishkhan')",
        ),
      );
    try {
      const open = await run('cluster, 1 worker', city.front.url, city.secrets, parts, storedBytes);
      // The second measurement starts from the same state: without the first one's open requests.
      const client = new Client({ connection: cluster.connection, namespace: city.namespace });
      for (let i = 0; i < open.length; i += 32)
        await Promise.all(
          open
            .slice(i, i + 32)
            .map((code) => client.workflow.getHandle(`request-${code}`).terminate('benchmark: reset')),
        );
      await city.scaleWorkers(2);
      await run('cluster, 2 workers', city.front.url, city.secrets, parts, storedBytes);
    } finally {
      await cluster.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(
    `\nthe same load on each, through the front and two API instances: ${settings.startClients} clerks ` +
      `starting requests for ${settings.startSeconds} s; ${settings.runClients} ten-step requests at a time run ` +
      `to their end for ${settings.runSeconds} s; ${settings.worklistReaders} readers of a department's worklist ` +
      `for ${settings.readSeconds} s alone (for its CPU cost) and ${settings.readSeconds} s while requests run (for its latency)`,
  );
  const row = (cells: string[], first = 24) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(first) : c.padStart(14))).join(''));
  row(['', 'starts/s', 'actions/s', '10-step req/s', 'worklist p50', 'worklist p95', '']);
  for (const [name, f, load] of results)
    row([
      name,
      f.startsPerSecond.toFixed(1),
      f.actionsPerSecond.toFixed(1),
      f.completedPerSecond.toFixed(2),
      `${f.worklistP50Ms.toFixed(0)} ms`,
      `${f.worklistP95Ms.toFixed(0)} ms`,
      `   ${load}`,
    ]);
  for (const [name, f] of results)
    if (f.bytesPerRequest !== undefined)
      console.log(
        `${name}: PostgreSQL (Temporal's databases and the work store) grew by ${(f.bytesPerRequest / 1024).toFixed(0)} KB a ten-step request`,
      );
  const [, one] = results[1] ?? [];
  const [, two] = results[2] ?? [];
  if (one && two)
    console.log(
      `two workers vs one on the cluster: ${(two.actionsPerSecond / one.actionsPerSecond).toFixed(2)}x the task completions a second`,
    );

  console.log('\nCPU milliseconds one operation costs each part (an action is a task completion), and idle');
  row(['', 'start', 'worklist read', 'action', 'idle ms/s', 'memory MB']);
  for (const [name, f] of results) {
    console.log(name);
    const parts = Object.entries(f.cpu);
    const total = parts.reduce(
      (sum, [, c]) => ({
        start: sum.start + c.start,
        worklistRead: sum.worklistRead + c.worklistRead,
        action: sum.action + c.action,
      }),
      { start: 0, worklistRead: 0, action: 0 },
    );
    const idle = (part: string) =>
      part === 'all'
        ? Object.values(f.idleMsPerSecond).reduce((sum, ms) => sum + ms, 0)
        : (f.idleMsPerSecond[part] ?? 0);
    const memory = (part: string) =>
      part === 'all'
        ? Object.values(f.residentMb).reduce((sum, mb) => sum + mb, 0)
        : (f.residentMb[part] ?? 0);
    for (const [part, c] of [...parts, ['all', total] as const])
      row([
        `  ${part}`,
        c.start.toFixed(1),
        c.worklistRead.toFixed(1),
        c.action.toFixed(1),
        idle(part).toFixed(1),
        memory(part).toFixed(0),
      ]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
