/**
 * `npm run cluster`: the production-shaped deployment of deploy/cluster.yaml on this machine
 * (PostgreSQL, the Temporal server, two workers, two API instances, the front), on the same
 * data at every start, stopped in the reverse order on Ctrl-C.
 *
 *   npm run cluster                      start it (installs what is missing first)
 *   npm run cluster -- token <person>    a token signed with the deployment's key
 *   npm run cluster:roll                 rebuild, then roll the running workers to the new build
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../lib/config';
import { startCluster, type Cluster } from '../lib/cluster/cluster';
import { loadDeployment, type ResolvedDeployment } from '../lib/cluster/deployment';
import { portOpen } from '../lib/cluster/managed-process';
import { ensureSecrets, secretsFile } from '../lib/cluster/secrets';
import { createLogger } from '../lib/logger';
import { repoRoot } from '../lib/paths';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { run as runPishkhan } from './pishkhan';

const say = (line: string) => console.log(`cluster: ${line}`);
const pidFile = (deployment: ResolvedDeployment) => join(deployment.dirs.data, 'cluster.pid');
const shown = (path: string) => relative(repoRoot, path) || '.';

async function assertPortsFree(deployment: ResolvedDeployment): Promise<void> {
  const ports = [
    ['PostgreSQL', deployment.postgresPort],
    ['Temporal', deployment.temporalPort],
    ...deployment.apiPorts.map((port, i) => [`API instance ${i + 1}`, port] as const),
    ['front', deployment.frontPort],
  ] as const;
  for (const [what, port] of ports) {
    if (await portOpen(port, deployment.host))
      throw new Error(
        `port ${port} (${what}) is in use: is the cluster running already (${shown(pidFile(deployment))})? Ports are set in deploy/cluster.yaml.`,
      );
  }
}

function summary(cluster: Cluster): string {
  const { deployment } = cluster;
  const pids = (list: { process?: { pid: number } | undefined }[]) =>
    list.map((s) => s.process?.pid ?? '-').join(', ');
  return [
    '',
    'pishkhan cluster is running',
    `  Front        ${cluster.front.url}   (try: curl ${cluster.front.url}/api/definitions)`,
    `  API          ${cluster.apiUrls.join(', ')}   (pids ${pids(cluster.apis)})`,
    `  Workers      ${cluster.workers.length}, build ${cluster.build.buildId}   (pids ${pids(cluster.workers)})`,
    `  Temporal     ${deployment.temporalAddress}, namespace ${cluster.namespace}, ${deployment.historyShards} history shards   (pid ${pids([cluster.temporal])})`,
    `  PostgreSQL   ${deployment.host}:${deployment.postgresPort}, data in ${shown(deployment.dirs.postgres)}   (pid ${cluster.postgres.process.pid})`,
    `  Logs         ${shown(deployment.dirs.logs)}/`,
    `  Secrets      ${shown(secretsFile(deployment.dirs.data))}`,
    `  Sign in      npm run cluster -- token p-0101-clerk`,
    `  New build    npm run cluster:roll   (rolls the workers while requests run)`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function start(): Promise<void> {
  const deployment = loadDeployment();
  await assertPortsFree(deployment);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  const cluster = await startCluster({ deployment, runFrom: 'dist', say });
  writeFileSync(pidFile(deployment), `${process.pid}\n`);
  onShutdown(logger, [
    async () => say('stopping: front, API instances, workers, Temporal, PostgreSQL'),
    () => cluster.stop(),
    async () => rmSync(pidFile(deployment), { force: true }),
  ]);
  let rolling = false;
  process.on('SIGHUP', () => {
    if (rolling) return say('a roll is under way already');
    rolling = true;
    say('rolling the workers to the code as it is now');
    cluster
      .buildWorkflows()
      .then((build) => cluster.rollWorkers(build))
      .then(() => say(`workers rolled; build ${cluster.build.buildId} is current`))
      .catch((error: unknown) => say(`the roll stopped: ${(error as Error).message}`))
      .finally(() => (rolling = false));
  });
  console.log(summary(cluster));
}

function roll(): void {
  const file = pidFile(loadDeployment());
  if (!existsSync(file))
    throw new Error(`no cluster is running (${shown(file)} is missing): start it with npm run cluster`);
  const pid = Number(readFileSync(file, 'utf8').trim());
  process.kill(pid, 'SIGHUP');
  console.log(`asked the cluster (pid ${pid}) to roll its workers; it says how it went in its output`);
}

function token(person: string, options: { hours: string }): void {
  const { dirs } = loadDeployment();
  const secrets = ensureSecrets(dirs.data);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    PISHKHAN_JWT_SECRET: secrets.PISHKHAN_JWT_SECRET,
  });
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  process.exitCode = runPishkhan(['token', person, '--hours', options.hours], io, config);
}

const program = new Command('cluster').description('pishkhan on this machine, shaped as on several');
program.action(() => start().catch(exitOnStartupError));
program
  .command('token')
  .description("print a token for a person of the organisation, signed with the deployment's key")
  .argument('<person>', 'the person id, such as p-0101-clerk')
  .option('--hours <n>', 'how long the token lasts', '8')
  .action(token);
program
  .command('roll')
  .description('roll the running workers to the code as it is now (npm run cluster:roll builds it first)')
  .action(roll);
program.parse();
