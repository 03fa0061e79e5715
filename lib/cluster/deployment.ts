/**
 * The deployment file (deploy/cluster.yaml): read, checked against its schema (every problem
 * at once, located), and resolved into what the supervisor starts: absolute paths, the port of
 * each process, the environment of the pishkhan processes.
 */
import { isAbsolute, join } from 'node:path';
import { loadYamlFile } from '../definitions/load-yaml';
import { DefinitionError } from '../definitions/problem';
import type { Deployment } from '../generated/deployment';
import { repoPath } from '../paths';

export const DEPLOYMENT_FILE = repoPath('deploy/cluster.yaml');

export interface ResolvedDeployment {
  file: Deployment;
  host: string;
  /** Absolute paths of the deployment's state. */
  dirs: {
    data: string;
    postgres: string;
    logs: string;
    builds: string;
    published: string;
  };
  postgresPort: number;
  temporalPort: number;
  /** host:port of the Temporal frontend. */
  temporalAddress: string;
  historyShards: number;
  namespaces: { name: string; retentionDays: number }[];
  workerCount: number;
  /** Port of each API instance, the first instance first. */
  apiPorts: number[];
  frontPort: number;
  /** Environment of every worker and API instance, ${NAME} not yet filled in. */
  env: Record<string, string>;
}

/** Changes to the file's values: tests and benchmarks run a deployment on ports of their own. */
export interface DeploymentOverrides {
  dataDir?: string;
  postgresPort?: number;
  temporalPort?: number;
  historyShards?: number;
  workerCount?: number;
  apiPort?: number;
  apiCount?: number;
  frontPort?: number;
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

export function resolveDeployment(file: Deployment, overrides: DeploymentOverrides = {}): ResolvedDeployment {
  const dataDir = overrides.dataDir ?? file.dataDir;
  const data = isAbsolute(dataDir) ? dataDir : repoPath(dataDir);
  const temporalPort = overrides.temporalPort ?? file.temporal.port;
  const apiPort = overrides.apiPort ?? file.apis.port;
  const apiCount = overrides.apiCount ?? file.apis.count;
  return {
    file,
    host: file.host,
    dirs: {
      data,
      postgres: join(data, 'postgres'),
      logs: join(data, 'logs'),
      builds: join(data, 'builds'),
      published: join(data, 'published'),
    },
    postgresPort: overrides.postgresPort ?? file.postgres.port,
    temporalPort,
    temporalAddress: `${file.host}:${temporalPort}`,
    historyShards: overrides.historyShards ?? file.temporal.historyShards,
    namespaces: file.temporal.namespaces,
    workerCount: overrides.workerCount ?? file.workers.count,
    apiPorts: Array.from({ length: apiCount }, (_, i) => apiPort + i),
    frontPort: overrides.frontPort ?? file.front.port,
    env: { ...file.env, ...overrides.env },
  };
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
