/**
 * The deployment file (deploy/cluster.yaml): the committed one describes a whole machine, a
 * broken one is refused with every problem located, and the environment it hands the
 * processes names only variables the deployment knows.
 */
import { parseYamlText } from '../../lib/definitions/load-yaml';
import { fillEnv, loadDeployment, resolveDeployment } from '../../lib/cluster/deployment';
import type { Deployment } from '../../lib/generated/deployment';
import { repoPath } from '../../lib/paths';

test('when deploy/cluster.yaml is loaded, then it has PostgreSQL, Temporal, two workers, two API instances and a front, on ports of their own', () => {
  const deployment = loadDeployment();
  const ports = [
    deployment.postgresPort,
    ...Array.from({ length: 31 }, (_, i) => deployment.temporalPort + i),
    ...deployment.apiPorts,
    deployment.frontPort,
  ];
  expect({
    workers: deployment.workerCount,
    apis: deployment.apiPorts.length,
    data: deployment.dirs.postgres,
    servesItsNamespace: deployment.namespaces.some((n) => n.name === deployment.env.TEMPORAL_NAMESPACE),
    portsShared: ports.length - new Set(ports).size,
  }).toEqual({
    workers: 2,
    apis: 2,
    data: repoPath('data/cluster/postgres'),
    servesItsNamespace: true,
    portsShared: 0,
  });
});

test('when a deployment file is wrong in several places, then each problem is reported where it is', () => {
  const text = [
    'host: 127.0.0.1',
    'dataDir: data/x',
    'postgres: { port: 70000 }',
    'temporal: { port: 7333, historyShards: 0, namespaces: [{ name: Tehran, retentionDays: 30 }] }',
    'workers: { count: 2, size: large }',
    'apis: { count: 1, port: 3301 }',
    'front: { port: 3300 }',
    'env: { lower_case: x }',
  ].join('\n');
  const { problems } = parseYamlText<Deployment>('cluster.yaml', text, 'deployment');
  expect(problems.map((p) => `${p.line}: ${p.path}`).sort()).toEqual([
    '3: postgres.port',
    '4: temporal.historyShards',
    '4: temporal.namespaces[0].name',
    '5: workers.size',
    '8: env.lower_case',
  ]);
});

test('when the environment names a variable of the deployment, then it is filled in; an unknown one is refused by name', () => {
  const env = {
    DATABASE_URL: 'postgres://pishkhan:${PISHKHAN_DB_PASSWORD}@${HOST}:${POSTGRES_PORT}/pishkhan',
  };
  const variables = { HOST: '127.0.0.1', POSTGRES_PORT: '5433', PISHKHAN_DB_PASSWORD: 'secret' };
  expect(fillEnv(env, variables)).toEqual({
    DATABASE_URL: 'postgres://pishkhan:secret@127.0.0.1:5433/pishkhan',
  });
  expect(() => fillEnv({ DATABASE_URL: '${POSTGRES_HOST}' }, variables)).toThrow(
    /DATABASE_URL: \$\{POSTGRES_HOST\}.*known: HOST, POSTGRES_PORT, PISHKHAN_DB_PASSWORD/,
  );
});

test('when a test overrides the ports and the data directory, then every process moves with them', () => {
  const file = loadDeployment().file;
  const moved = resolveDeployment(file, {
    dataDir: '/tmp/elsewhere',
    temporalPort: 21000,
    apiPort: 21040,
    apiCount: 3,
  });
  expect([moved.dirs.logs, moved.temporalAddress, moved.apiPorts]).toEqual([
    '/tmp/elsewhere/logs',
    '127.0.0.1:21000',
    [21040, 21041, 21042],
  ]);
});
