/**
 * The deployment file (deploy/cluster.yaml): read, checked against its schema (every problem
 * at once, located), and resolved into what the supervisor starts: absolute paths, the port of
 * each process, each city's settings and the environment of the pishkhan processes.
 */
import { isAbsolute, join } from 'node:path';
import { loadYamlFile } from '../definitions/load-yaml';
import { DefinitionError } from '../definitions/problem';
import type { City, Deployment } from '../generated/deployment';
import { repoPath } from '../paths';

export const DEPLOYMENT_FILE = repoPath('deploy/cluster.yaml');

/** One city of the deployment: a tenant with its own namespace, definitions, keys and processes. */
export interface ResolvedCity {
  name: string;
  /** Its Temporal namespace: the city's name. */
  namespace: string;
  /** Its schema in the work store's database: the name with underscores for hyphens. */
  storeSchema: string;
  retentionDays: number;
  organisationDir: string;
  servicesDir: string;
  /** Its state: token key, each process's data directory. */
  dataDir: string;
  /**
   * Versions the city kept as files before its store held them, brought in at start: its own
   * folder, so no city takes in another's, or the repository's data/published.
   */
  publishedDir: string;
  workerCount: number;
  /** Port of each API instance, the first instance first. */
  apiPorts: number[];
  frontPort: number;
  /** The city's own environment, over the deployment's. */
  env: Record<string, string>;
}

export interface ResolvedDeployment {
  file: Deployment;
  host: string;
  /** Absolute paths of the deployment's state. */
  dirs: {
    data: string;
    postgres: string;
    logs: string;
    builds: string;
  };
  postgresPort: number;
  temporalPort: number;
  /** host:port of the Temporal frontend. */
  temporalAddress: string;
  historyShards: number;
  cities: ResolvedCity[];
  /** Environment of every worker and API instance, ${NAME} not yet filled in. */
  env: Record<string, string>;
}

/** Changes to a city's processes: tests and benchmarks run a deployment on ports of their own. */
export interface CityOverrides {
  workerCount?: number;
  apiPort?: number;
  apiCount?: number;
  frontPort?: number;
}

/** Changes to the file's values; `cities` by position in the file. */
export interface DeploymentOverrides {
  dataDir?: string;
  postgresPort?: number;
  temporalPort?: number;
  historyShards?: number;
  cities?: CityOverrides[];
  env?: Record<string, string>;
}

export function loadDeployment(
  path = DEPLOYMENT_FILE,
  overrides: DeploymentOverrides = {},
): ResolvedDeployment {
  const loaded = loadYamlFile<Deployment>(path, 'deployment');
  if (!loaded.data) throw new DefinitionError(loaded.problems);
  return resolveDeployment(loaded.data, overrides);
}

const fromRepo = (path: string) => (isAbsolute(path) ? path : repoPath(path));

function resolveCity(city: City, dataDir: string, overrides: CityOverrides = {}): ResolvedCity {
  const apiPort = overrides.apiPort ?? city.apis.port;
  const apiCount = overrides.apiCount ?? city.apis.count;
  const cityDir = join(dataDir, 'cities', city.name);
  return {
    name: city.name,
    namespace: city.name,
    storeSchema: city.name.replaceAll('-', '_'),
    retentionDays: city.retentionDays,
    organisationDir: fromRepo(city.organisation),
    servicesDir: fromRepo(city.services),
    dataDir: cityDir,
    publishedDir: join(cityDir, 'published'),
    workerCount: overrides.workerCount ?? city.workers,
    apiPorts: Array.from({ length: apiCount }, (_, i) => apiPort + i),
    frontPort: overrides.frontPort ?? city.front.port,
    env: city.env ?? {},
  };
}

export function resolveDeployment(file: Deployment, overrides: DeploymentOverrides = {}): ResolvedDeployment {
  const data = fromRepo(overrides.dataDir ?? file.dataDir);
  const temporalPort = overrides.temporalPort ?? file.temporal.port;
  const names = file.cities.map((city) => city.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`deploy/cluster.yaml names a city twice: ${twice.join(', ')}`);
  return {
    file,
    host: file.host,
    dirs: {
      data,
      postgres: join(data, 'postgres'),
      logs: join(data, 'logs'),
      builds: join(data, 'builds'),
    },
    postgresPort: overrides.postgresPort ?? file.postgres.port,
    temporalPort,
    temporalAddress: `${file.host}:${temporalPort}`,
    historyShards: overrides.historyShards ?? file.temporal.historyShards,
    cities: file.cities.map((city, i) => resolveCity(city, data, overrides.cities?.[i])),
    env: { ...file.env, ...overrides.env },
  };
}

/** Every port a deployment listens on, by what listens there (Temporal takes 31 from its own). */
export function deploymentPorts(deployment: ResolvedDeployment): [string, number][] {
  return [
    ['PostgreSQL', deployment.postgresPort],
    ...Array.from({ length: 31 }, (_, i) => ['Temporal', deployment.temporalPort + i] as [string, number]),
    ...deployment.cities.flatMap((city) => [
      ...city.apiPorts.map((port, i) => [`${city.name} API instance ${i + 1}`, port] as [string, number]),
      [`${city.name} front`, city.frontPort] as [string, number],
    ]),
  ];
}

/**
 * Fills ${NAME} in the environment's values from the deployment's variables; a name it does not
 * know is an error, so a mistyped variable never reaches a process as text.
 */
export function fillEnv(
  env: Record<string, string>,
  variables: Record<string, string>,
): Record<string, string> {
  const unknown: string[] = [];
  const filled = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      value.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (whole, name: string) => {
        const known = variables[name];
        if (known === undefined) unknown.push(`${key}: \${${name}}`);
        return known ?? whole;
      }),
    ]),
  );
  if (unknown.length > 0)
    throw new Error(
      `deploy/cluster.yaml env names unknown variables (${unknown.join(', ')}); known: ${Object.keys(variables).join(', ')}`,
    );
  return filled;
}
