/**
 * The deployment file (deploy/cluster.yaml): the committed one describes a whole machine, a
 * broken one is refused with every problem located, the environment it hands the processes
 * names only variables the deployment knows, and a city added by `add-city` is one more tenant
 * of its own on ports nobody else uses.
 */
import { readFileSync } from 'node:fs';
import { addCity } from '../../lib/cluster/add-city';
import { pishkhanEnv } from '../../lib/cluster/cluster';
import { deploymentPorts, fillEnv, loadDeployment, resolveDeployment } from '../../lib/cluster/deployment';
import { cityEnv } from '../../lib/cluster/pishkhan-processes';
import { parseYamlText } from '../../lib/definitions/load-yaml';
import type { Deployment } from '../../lib/generated/deployment';
import { repoPath } from '../../lib/paths';

const committed = () => readFileSync(repoPath('deploy/cluster.yaml'), 'utf8');

test('when deploy/cluster.yaml is loaded, then it has PostgreSQL, Temporal, and one city with two workers, two API instances and a front, on ports of their own', () => {
  const deployment = loadDeployment();
  const ports = deploymentPorts(deployment).map(([, port]) => port);
  expect({
    cities: deployment.cities.map((city) => [city.name, city.workerCount, city.apiPorts.length]),
    data: deployment.dirs.postgres,
    store: deployment.env.DATABASE_URL,
    portsShared: ports.length - new Set(ports).size,
  }).toEqual({
    cities: [['tehran', 2, 2]],
    data: repoPath('data/cluster/postgres'),
    store: 'postgres://pishkhan:${PISHKHAN_DB_PASSWORD}@${HOST}:${POSTGRES_PORT}/pishkhan',
    portsShared: 0,
  });
});

test('when a deployment file is wrong in several places, then each problem is reported where it is', () => {
  const text = [
    'host: 127.0.0.1',
    'dataDir: data/x',
    'postgres: { port: 70000 }',
    'temporal: { port: 7333, historyShards: 0 }',
    'cities:',
    '  - { name: Tehran, retentionDays: 30, organisation: o, services: s, workers: 2, apis: { count: 1, port: 3301 }, front: { port: 3300 } }',
    '  - { name: qom, retentionDays: 30, organisation: o, services: s, workers: 0, size: large, apis: { count: 1, port: 3311 }, front: { port: 3310 } }',
    'env: { lower_case: x }',
  ].join('\n');
  const { problems } = parseYamlText<Deployment>('cluster.yaml', text, 'deployment');
  expect(problems.map((p) => `${p.line}: ${p.path}`).sort()).toEqual([
    '3: postgres.port',
    '4: temporal.historyShards',
    '6: cities[0].name',
    '7: cities[1].size',
    '7: cities[1].workers',
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
    cities: [{ apiPort: 21040, apiCount: 3, frontPort: 21039 }],
  });
  expect([
    moved.dirs.logs,
    moved.temporalAddress,
    moved.cities[0]?.apiPorts,
    moved.cities[0]?.dataDir,
  ]).toEqual([
    '/tmp/elsewhere/logs',
    '127.0.0.1:21000',
    [21040, 21041, 21042],
    '/tmp/elsewhere/cities/tehran',
  ]);
});

test('when a city is added, then it is a tenant of its own on free ports, and the file keeps its comments', () => {
  const text = addCity(committed(), 'cluster.yaml', {
    name: 'isfahan-metro',
    organisation: 'definitions/organisation',
    services: 'definitions/services',
    apis: 2,
  });
  const { data, problems } = parseYamlText<Deployment>('cluster.yaml', text, 'deployment');
  expect(problems).toEqual([]);
  const deployment = resolveDeployment(data as Deployment);
  const ports = deploymentPorts(deployment).map(([, port]) => port);
  const [tehran, isfahan] = deployment.cities;
  const settings = (city: typeof tehran) =>
    city &&
    cityEnv(city, { PISHKHAN_JWT_SECRET: `key of ${city.name}`, PISHKHAN_PAYLOAD_KEYS: `k1:${city.name}` });

  expect(text.startsWith(committed().split('\ncities:')[0] ?? '')).toBe(true);
  expect(text).toContain('# Added by npm run cluster -- add-city isfahan-metro.');
  expect(ports.length - new Set(ports).size).toBe(0);
  expect([isfahan?.workerCount, isfahan?.apiPorts.length]).toEqual([1, 2]);
  // Nothing the processes of one city are given points at the other's.
  expect(settings(isfahan)).toEqual({
    TEMPORAL_NAMESPACE: 'isfahan-metro',
    PISHKHAN_DATABASE_SCHEMA: 'isfahan_metro',
    PISHKHAN_ORGANISATION_DIR: repoPath('definitions/organisation'),
    PISHKHAN_SERVICES_DIR: repoPath('definitions/services'),
    PISHKHAN_PUBLISHED_DIR: repoPath('data/cluster/cities/isfahan-metro/published'),
    PISHKHAN_JWT_SECRET: 'key of isfahan-metro',
    PISHKHAN_PAYLOAD_KEYS: 'k1:isfahan-metro',
  });
  expect(settings(tehran)?.PISHKHAN_PUBLISHED_DIR).toBe(repoPath('data/cluster/cities/tehran/published'));
});

test('when several workers share the machine, then each may use its part of the workers’ half, unless a city says otherwise', () => {
  const text = addCity(committed(), 'cluster.yaml', {
    name: 'qom',
    organisation: 'definitions/organisation',
    services: 'definitions/services',
    apis: 1,
  });
  const deployment = resolveDeployment(
    parseYamlText<Deployment>('cluster.yaml', text, 'deployment').data as Deployment,
  );
  const [tehran, qom] = deployment.cities;
  if (!tehran || !qom) throw new Error('two cities expected');
  const secrets = { PK_TEMPORAL_DB_PASSWORD: 't', PISHKHAN_DB_PASSWORD: 'p' };
  const machine = { memoryBytes: 24 * 2 ** 30, heapLimitBytes: 4 * 2 ** 30 };
  const memoryOf = (city: typeof tehran) =>
    pishkhanEnv(deployment, secrets, city, machine).PISHKHAN_WORKER_MEMORY;

  // Tehran's two workers and Qom's one share 12 GiB: as much as one worker alone would use.
  expect([memoryOf(tehran), memoryOf(qom)]).toEqual(['4096', '4096']);
  expect(memoryOf({ ...qom, env: { PISHKHAN_WORKER_MEMORY: '2048' } })).toBe('2048');
});

test('when a city is added under a name taken or not allowed, then the file is refused as it is', () => {
  const city = { organisation: 'o', services: 's' };
  expect(() => addCity(committed(), 'cluster.yaml', { ...city, name: 'tehran' })).toThrow(
    'cluster.yaml has a city named tehran already',
  );
  expect(() => addCity(committed(), 'cluster.yaml', { ...city, name: 'Isfahan' })).toThrow(
    /cities\[1\]\.name/,
  );
});
