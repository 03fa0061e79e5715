/**
 * Ports for a deployment that must not meet another on the machine (tests, benchmarks): a run
 * of consecutive free ports, since the Temporal server takes the 30 above its frontend's.
 */
import { createServer } from 'node:net';
import type { DeploymentOverrides } from './deployment';

function free(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * The first port of `count` consecutive free ones, from a random start between 20000 and
 * 32000: Temporal keeps its membership ports in a PostgreSQL smallint, so none may pass 32767.
 */
export async function freePortRun(count: number, host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 20_000 + Math.floor(Math.random() * (12_000 - count));
    let all = true;
    for (let port = first; port < first + count && all; port++) all = await free(port, host);
    if (all) return first;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

/**
 * Ports for every process of a deployment, all free now: `apis` gives each city's count of API
 * instances, in the order of the file.
 */
export async function freeDeploymentPorts(apis: number[], host = '127.0.0.1'): Promise<DeploymentOverrides> {
  const cityPorts = apis.reduce((sum, count) => sum + 1 + count, 0);
  const temporalPort = await freePortRun(32 + cityPorts, host);
  let next = temporalPort + 32;
  return {
    temporalPort,
    postgresPort: temporalPort + 31,
    cities: apis.map((apiCount) => {
      const frontPort = next;
      next += 1 + apiCount;
      return { frontPort, apiPort: frontPort + 1, apiCount };
    }),
  };
}
