/**
 * The Temporal server's own reading of deploy/temporal: the dynamic configuration holds only
 * keys the server knows, with values of their type, and the server configuration renders for
 * any port into the services, stores and shards the deployment file asks for.
 */
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { loadDeployment } from '../../lib/cluster/deployment';
import { serverEnv, TEMPORAL_SERVER } from '../../lib/cluster/temporal-server';
import { repoPath } from '../../lib/paths';

const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(TEMPORAL_SERVER, args, {
    cwd: repoPath(),
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

test('when the server checks deploy/temporal/dynamic-config.yaml, then every key is its own and every value fits', () => {
  const report = run(['validate-dynamic-config', 'deploy/temporal/dynamic-config.yaml']);
  expect(report.trim().split('\n')).toEqual(['deploy/temporal/dynamic-config.yaml']);
});

test("when the server renders deploy/temporal/cluster.yaml for a port, then its services, stores and shards are the deployment's", () => {
  const deployment = loadDeployment();
  const env = serverEnv({
    host: '127.0.0.1',
    port: 21000,
    postgresPort: 21031,
    password: 'rendered',
    historyShards: deployment.historyShards,
    logFile: '/dev/null',
  });
  const rendered = parse(
    run(['--root', '.', '--config', 'deploy/temporal', '--env', 'cluster', 'render-config'], env),
  ) as {
    persistence: {
      numHistoryShards: number;
      defaultStore: string;
      visibilityStore: string;
      datastores: Record<string, { sql: { pluginName: string; connectAddr: string; databaseName: string } }>;
    };
    services: Record<string, { rpc: { grpcPort: number; membershipPort: number } }>;
  };
  const { persistence, services } = rendered;
  const store = (name: string) => persistence.datastores[name]?.sql;
  expect({
    shards: persistence.numHistoryShards,
    stores: [store(persistence.defaultStore), store(persistence.visibilityStore)].map(
      (sql) => `${sql?.pluginName} ${sql?.connectAddr}/${sql?.databaseName}`,
    ),
    ports: Object.fromEntries(
      Object.entries(services).map(([name, { rpc }]) => [name, [rpc.grpcPort, rpc.membershipPort]]),
    ),
  }).toEqual({
    shards: deployment.historyShards,
    stores: ['postgres12 127.0.0.1:21031/temporal', 'postgres12 127.0.0.1:21031/temporal_visibility'],
    ports: {
      frontend: [21000, 21020],
      history: [21001, 21021],
      matching: [21002, 21022],
      worker: [21006, 21026],
    },
  });
});
