/**
 * `npm run cluster`: the production-shaped deployment of deploy/cluster.yaml on this machine
 * (PostgreSQL, the Temporal server, and for each city its workers, API instances and front), on
 * the same data at every start, stopped in the reverse order on Ctrl-C.
 *
 *   npm run cluster                               start it (installs what is missing first)
 *   npm run cluster -- token <person> [--city c]  a token signed with the city's key
 *   npm run cluster -- add-city <name> ...        a city more in deploy/cluster.yaml
 *   npm run cluster:roll                          rebuild, then roll every city's workers
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../lib/config';
import { addCity } from '../lib/cluster/add-city';
import { startCluster, type Cluster } from '../lib/cluster/cluster';
import {
  DEPLOYMENT_FILE,
  deploymentPorts,
  loadDeployment,
  type ResolvedDeployment,
} from '../lib/cluster/deployment';
import { portOpen } from '../lib/cluster/managed-process';
import { ensureCitySecrets, secretsFile } from '../lib/cluster/secrets';
import { DefinitionError } from '../lib/definitions/problem';
import { loadDomain } from '../lib/load-domain';
import { createLogger } from '../lib/logger';
import { repoPath, repoRoot } from '../lib/paths';
import { exitOnStartupError, onShutdown } from '../lib/process';
import { openWorkStore } from '../store/work-store';
import { run as runPishkhan } from './pishkhan';

const say = (line: string) => console.log(`cluster: ${line}`);
const pidFile = (deployment: ResolvedDeployment) => join(deployment.dirs.data, 'cluster.pid');
const shown = (path: string) => relative(repoRoot, path) || '.';

async function assertPortsFree(deployment: ResolvedDeployment): Promise<void> {
  for (const [what, port] of deploymentPorts(deployment)) {
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
  const cities = cluster.cities.flatMap((city) => [
    `  ${city.city.name}`,
    `    Front      ${city.front.url}   (try: curl ${city.front.url}/api/definitions)`,
    `    API        ${city.apiUrls.join(', ')}   (pids ${pids(city.apis)})`,
    `    Workers    ${city.workers.length}, build ${city.build.buildId}   (pids ${pids(city.workers)})`,
    `    Namespace  ${city.namespace}; work store schema ${city.city.storeSchema}`,
    `    Sign in    npm run cluster -- token p-0101-clerk --city ${city.city.name}`,
  ]);
  return [
    '',
    'pishkhan cluster is running',
    ...cities,
    `  Temporal     ${deployment.temporalAddress}, ${deployment.historyShards} history shards   (pid ${pids([cluster.temporal])})`,
    `  PostgreSQL   ${deployment.host}:${deployment.postgresPort}, data in ${shown(deployment.dirs.postgres)}   (pid ${cluster.postgres.process.pid})`,
    `  Logs         ${shown(deployment.dirs.logs)}/`,
    `  Secrets      ${shown(secretsFile(deployment.dirs.data))}, and each city's in ${shown(deployment.dirs.data)}/cities/<name>/`,
    `  New build    npm run cluster:roll   (rolls the workers while requests run)`,
    `  Another city npm run cluster -- add-city <name>, then start again`,
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
    const rollAll = async () => {
      for (const city of cluster.cities) {
        await city.rollWorkers(await city.buildWorkflows());
        say(`${city.city.name}: workers rolled; build ${city.build.buildId} is current`);
      }
    };
    rollAll()
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

async function token(person: string, options: { hours: string; city?: string }): Promise<void> {
  const { cities } = loadDeployment();
  const city = options.city ? cities.find((c) => c.name === options.city) : cities[0];
  if (!city)
    throw new Error(
      `deploy/cluster.yaml has no city ${options.city}; it has ${cities.map((c) => c.name).join(', ')}`,
    );
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    PISHKHAN_JWT_SECRET: ensureCitySecrets(city.dataDir).PISHKHAN_JWT_SECRET,
    PISHKHAN_ORGANISATION_DIR: city.organisationDir,
  });
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  process.exitCode = await runPishkhan(['token', person, '--hours', options.hours], io, config);
}

interface AddCityOptions {
  organisation: string;
  services: string;
  workers: string;
  apis: string;
  retention: string;
  file: string;
}

/**
 * Adds a city to the deployment file once its definitions load as they would at its start (on
 * a store in memory, which its first start makes for real).
 */
async function addCityCommand(name: string, options: AddCityOptions): Promise<void> {
  const store = await openWorkStore({ nationalIdKey: 'add-city' });
  try {
    await loadDomain(
      { organisationDir: repoPath(options.organisation), servicesDir: repoPath(options.services) },
      store.db,
    );
  } finally {
    await store.close();
  }
  const text = readFileSync(options.file, 'utf8');
  const changed = addCity(text, shown(options.file), {
    name,
    organisation: options.organisation,
    services: options.services,
    workers: Number(options.workers),
    apis: Number(options.apis),
    retentionDays: Number(options.retention),
  });
  writeFileSync(options.file, changed);
  const added = loadDeployment(options.file).cities.find((c) => c.name === name);
  console.log(
    `added ${name} to ${shown(options.file)}: front on port ${added?.frontPort}, ` +
      `API instances on ${added?.apiPorts.join(', ')}; start the cluster again to run it`,
  );
}

/** A command that could not do its work says why, and exits 1. */
function failed(error: unknown): void {
  console.error(error instanceof DefinitionError ? error.message : (error as Error).message);
  process.exitCode = 1;
}

const program = new Command('cluster').description('pishkhan on this machine, shaped as on several');
program.action(() => start().catch(exitOnStartupError));
program
  .command('token')
  .description("print a token for a person of the organisation, signed with the deployment's key")
  .argument('<person>', 'the person id, such as p-0101-clerk')
  .option('--hours <n>', 'how long the token lasts', '8')
  .option('--city <name>', 'the city whose key signs it (the first of the file by default)')
  .action((person: string, options: { hours: string; city?: string }) =>
    token(person, options).catch(failed),
  );
program
  .command('add-city')
  .description('add a city to deploy/cluster.yaml: its own namespace, definitions, keys and processes')
  .argument('<name>', 'the city id: lower-case letters, digits and hyphens, such as isfahan')
  .option(
    '--organisation <dir>',
    'its organisation folder (organisation.yaml, calendar.yaml)',
    'definitions/organisation',
  )
  .option('--services <dir>', 'its catalog folder', 'definitions/services')
  .option('--workers <n>', 'worker processes', '1')
  .option('--apis <n>', 'API instances', '1')
  .option('--retention <days>', 'days Temporal keeps the history of an ended request', '30')
  .option('--file <path>', 'the deployment file', DEPLOYMENT_FILE)
  .action((name: string, options: AddCityOptions) => {
    addCityCommand(name, options).catch(failed);
  });
program
  .command('roll')
  .description('roll the running workers to the code as it is now (npm run cluster:roll builds it first)')
  .action(roll);
program.parse();
