/**
 * The deployment of deploy/cluster.yaml, with a second city added as `add-city` adds one,
 * started by this suite on ports and a data directory of its own: PostgreSQL, the Temporal
 * server on it, and for Tehran two workers, two API instances and the front (for the second
 * city one of each). A sample of the catalog runs on Tehran to its end through both instances
 * in turn; then again with a worker and an instance killed mid-run, with the Temporal server
 * restarted mid-run, and with the workers rolled to a new build mid-run; each run goes down the
 * same steps as the first, nothing lost or done twice, and the work store agrees with Temporal.
 * What one instance does, the other reads back from the shared store; a token of one city
 * reaches nothing of the other. The histories it made, and the saved ones, replay on the build
 * it ends with.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { Claims } from '../../api/auth/claims';
import type { RequestView } from '../../cli/demo/scripted-actors';
import { addCity } from '../../lib/cluster/add-city';
import { startCluster, type Cluster } from '../../lib/cluster/cluster';
import { DEPLOYMENT_FILE, loadDeployment } from '../../lib/cluster/deployment';
import { freeDeploymentPorts } from '../../lib/cluster/free-ports';
import type { PishkhanProcesses } from '../../lib/cluster/pishkhan-processes';
import type { CitySecrets } from '../../lib/cluster/secrets';
import { payloadKeys, type AuthConfig } from '../../lib/config';
import { EncryptionCodec } from '../../lib/temporal/payload-codec';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import type { ServicePlan } from '../../lib/plan/types';
import { NEXT_BUILD_MEMO } from '../fixtures/cluster/next-build-memo';
import { eventually, installQuietRuntime, testCodec } from '../support/harness';
import { ClusterDriver, MANAGER, pathOf } from './driver';

const ADMIN: Claims = { sub: 'cluster-test-admin', role: 'admin', name: 'Cluster test admin' };

const STARTUP_MS = 300_000;
const RUN_MS = 300_000;

const scratch = mkdtempSync(join(tmpdir(), 'pishkhan-cluster-'));
// PostgreSQL runs as its own user when the suite runs as root: it must reach its data.
chmodSync(scratch, 0o755);
const organisation = loadOrganisation(repoPath('definitions/organisation'));
/** Every sixteenth service of the catalog: eight, from different domains. */
const sample: ServicePlan[] = loadCatalogOrThrow(repoPath('definitions/services'), organisation)
  .map((entry) => entry.plan)
  .sort((a, b) => a.serviceId.localeCompare(b.serviceId))
  .filter((_, i) => i % 16 === 0);

let cluster: Cluster;
/** The city the runs go through, and the one added beside it. */
let tehran: PishkhanProcesses;
let isfahan: PishkhanProcesses;
let client: Client;
let auth: AuthConfig;
/** The steps each service of the sample went through on an undisturbed run. */
const reference = new Map<string, string[]>();
/** Tracking codes of every request the suite ran, for the replay. */
const ran: string[] = [];

/** The payload codec of a city's processes: what its requests hand Temporal is encrypted. */
const codecOf = (city: PishkhanProcesses) =>
  new EncryptionCodec(payloadKeys(city.secrets.PISHKHAN_PAYLOAD_KEYS));

const authOf = (secrets: CitySecrets): AuthConfig => ({
  secret: secrets.PISHKHAN_JWT_SECRET,
  developmentKey: false,
  issuer: 'pishkhan',
  audience: 'pishkhan-api',
  rateLimitPerMinute: 1_000_000,
});

beforeAll(async () => {
  installQuietRuntime();
  const file = join(scratch, 'cluster.yaml');
  writeFileSync(
    file,
    addCity(readFileSync(DEPLOYMENT_FILE, 'utf8'), 'cluster.yaml', {
      name: 'isfahan',
      organisation: 'definitions/organisation',
      services: 'definitions/services',
    }),
  );
  const ports = await freeDeploymentPorts([2, 1]);
  const deployment = loadDeployment(file, {
    ...ports,
    dataDir: join(scratch, 'cluster'),
    env: { PISHKHAN_RATE_LIMIT: '1000000' },
  });
  cluster = await startCluster({ deployment, runFrom: 'source' });
  [tehran, isfahan] = cluster.cities as [PishkhanProcesses, PishkhanProcesses];
  client = new Client({
    connection: cluster.connection,
    namespace: tehran.namespace,
    dataConverter: { payloadCodecs: [codecOf(tehran)] },
  });
  auth = authOf(tehran.secrets);
}, STARTUP_MS);

afterAll(async () => {
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

interface UnderWay {
  plan: ServicePlan;
  code: string;
}

/** Starts each service of the sample once and takes it one step in: requests under way. */
async function startSample(driver: ClusterDriver, label: string): Promise<UnderWay[]> {
  const actors = driver.actors();
  return Promise.all(
    sample.map(async (plan) => {
      const code = await driver.start(actors, plan, `${label}-${plan.serviceId}`);
      ran.push(code);
      await actors.drive(plan, code, 1);
      return { plan, code };
    }),
  );
}

/** Drives requests to their end, all at once; `ended` counts those that have ended so far. */
function finishAll(driver: ClusterDriver, requests: UnderWay[]) {
  const actors = driver.actors();
  const progress = { ended: 0 };
  const done = Promise.all(
    requests.map(({ plan, code }) =>
      driver.finish(actors, plan, code).then((status) => {
        progress.ended++;
        return [plan.serviceId, status] as const;
      }),
    ),
  ).then((ended) => new Map(ended));
  return { progress, done };
}

/** Starts each service of the sample once and drives it to its end; answers the end of each. */
async function runSample(driver: ClusterDriver, label: string): Promise<Map<string, RequestView>> {
  return finishAll(driver, await startSample(driver, label)).done;
}

/** Waits, within a bound, until the driver has made `more` changes beyond those made so far. */
async function afterMoreChanges(driver: ClusterDriver, more: number): Promise<void> {
  const target = driver.stats.changes + more;
  await eventually(async () => (driver.stats.changes >= target ? true : undefined), 120_000);
}

/** Each request ended completed, down the same steps as the undisturbed run of its service. */
function expectSameAsReference(ended: Map<string, RequestView>): void {
  expect([...ended].map(([service, status]) => [service, status.state, pathOf(status)])).toEqual(
    sample.map((plan) => [plan.serviceId, 'completed', reference.get(plan.serviceId)]),
  );
}

/** Waits, within a bound, until Temporal holds exactly these requests among those started since. */
async function expectHeldExactly(codes: string[], since: Date): Promise<void> {
  const query = `WorkflowType = 'serviceRequest' AND StartTime >= '${since.toISOString()}'`;
  const wanted = JSON.stringify([...codes].sort());
  let held: string[] = [];
  await eventually(async () => {
    held = [];
    for await (const info of client.workflow.list({ query }))
      held.push(info.workflowId.replace(/^request-/, ''));
    return JSON.stringify(held.sort()) === wanted ? true : undefined;
  }, 30_000).catch(() => expect(held.sort()).toEqual([...codes].sort()));
}

/**
 * Runs the sample through the front with a disturbance once it is under way (some requests one
 * step in, calls in flight); then each request has ended completed down the steps of the
 * undisturbed run, and Temporal holds exactly the requests started: nothing lost, nothing twice.
 */
async function disturbedRun(label: string, disturb: (driver: ClusterDriver) => Promise<void>): Promise<void> {
  const since = new Date();
  const driver = new ClusterDriver(() => [tehran.front.url], auth, organisation);
  const run = finishAll(driver, await startSample(driver, label));
  await afterMoreChanges(driver, 4);
  const endedBefore = run.progress.ended;
  await disturb(driver);
  const ended = await run.done;

  expect(endedBefore).toBeLessThan(sample.length);
  expectSameAsReference(ended);
  await expectHeldExactly(
    [...ended.values()].map((status) => status.trackingCode),
    since,
  );
  await expectStoreTrue(driver);
}

/** Waits, within a bound, until the work store holds what Temporal holds of every request. */
async function expectStoreTrue(driver: ClusterDriver): Promise<void> {
  let differences: unknown[] = [];
  await eventually(async () => {
    const check = await driver.call('GET', '/api/admin/store/check', undefined, ADMIN);
    differences = (check.body as { differences: unknown[] }).differences;
    return differences.length === 0 ? true : undefined;
  }, 30_000).catch(() => expect(differences).toEqual([]));
}

/** GET through one address as someone: the status and the body. */
async function read(driver: ClusterDriver, path: string, who: Claims = MANAGER) {
  const answer = await driver.call('GET', path, undefined, who);
  return { status: answer.status, body: answer.body as Record<string, unknown> & { total?: number } };
}

describe('the cluster', () => {
  test(
    'when a sample of the catalog is driven through both API instances in turn, then every request ends completed',
    async () => {
      const driver = new ClusterDriver(() => tehran.apiUrls, auth, organisation);
      const ended = await runSample(driver, 'alternate');
      for (const [service, status] of ended) reference.set(service, pathOf(status));

      expect([...ended.values()].map((status) => status.state)).toEqual(sample.map(() => 'completed'));
      // Each instance took about half the calls: requests moved between them at every step.
      const [first, second] = tehran.apiUrls.map((url) => driver.stats.answeredBy.get(url) ?? 0);
      expect(Math.min(first ?? 0, second ?? 0)).toBeGreaterThan(0.4 * ((first ?? 0) + (second ?? 0)));
    },
    RUN_MS,
  );

  test(
    'when a request is taken in and its first task done through one API instance, then the other reads the worklist, the search and the audit trail from the shared store',
    async () => {
      const [first, second] = tehran.apiUrls.map(
        (url) => new ClusterDriver(() => [url], auth, organisation),
      ) as [ClusterDriver, ClusterDriver];
      const plan = sample[0] as ServicePlan;
      const code = await first.start(first.actors(), plan, 'shared-store');
      ran.push(code);
      // A first step may be automatic: the first task is the first a person holds.
      const opened = await eventually(async () => {
        const status = await first.actors().status(code);
        return status.currentTasks[0] ? status : undefined;
      }, 60_000);

      // The request's task, as the store lists it for the other instance.
      await eventually(async () => {
        const { body } = await read(second, `/api/tasks?q=${code}`);
        const items = (body.items ?? []) as { taskId: string }[];
        return items[0]?.taskId === opened.currentTasks[0]?.taskId ? true : undefined;
      }, 30_000);
      expect((await read(second, `/api/requests?q=${code}`)).body.total).toBe(1);

      const acted = await second.actors().act(plan, code, opened);
      expect(acted?.answer.status).toBe(200);

      // The first instance reads the start it made and the action the second made, in order.
      const audit = await read(first, `/api/audit?trackingCode=${code}`);
      const entries = audit.body.items as { action: string; result: { status: number } }[];
      expect(entries.map((entry) => entry.action).reverse()).toEqual([
        'startRequest',
        expect.stringMatching(/^(completeTask|payForRequest|answerForApplicant)$/),
      ]);
      // Both instances append to one audit chain, unbroken.
      expect((await read(first, '/api/audit/check')).body.intact).toBe(true);
      expect((await read(second, '/api/audit/check')).body.intact).toBe(true);
    },
    RUN_MS,
  );

  test(
    "when each city takes in a request, then a token of one city is refused by the other, and neither city's staff find the other's request",
    async () => {
      const plan = sample[0] as ServicePlan;
      const inTehran = new ClusterDriver(() => [tehran.front.url], auth, organisation);
      const inIsfahan = new ClusterDriver(() => [isfahan.front.url], authOf(isfahan.secrets), organisation);
      const tehranCode = await inTehran.start(inTehran.actors(), plan, 'tenant-tehran');
      const isfahanCode = await inIsfahan.start(inIsfahan.actors(), plan, 'tenant-isfahan');
      ran.push(tehranCode);
      // Tehran's token at Isfahan's address, and Isfahan's at Tehran's.
      const crossed = [
        new ClusterDriver(() => [isfahan.front.url], auth, organisation),
        new ClusterDriver(() => [tehran.front.url], authOf(isfahan.secrets), organisation),
      ];

      expect(
        await Promise.all(
          crossed.flatMap((driver) =>
            ['/api/tasks', `/api/requests/${tehranCode}`, `/api/requests/${isfahanCode}`].map(
              async (path) => (await read(driver, path)).status,
            ),
          ),
        ),
      ).toEqual([401, 401, 401, 401, 401, 401]);
      // Each city's own staff: its request (in Temporal, and once its store has it, in the
      // search), and nothing of the other's in either.
      const searched = (driver: ClusterDriver, code: string) =>
        read(driver, `/api/requests?q=${code}`).then((answer) => answer.body.total);
      await eventually(async () => ((await searched(inTehran, tehranCode)) === 1 ? true : undefined), 30_000);
      await eventually(
        async () => ((await searched(inIsfahan, isfahanCode)) === 1 ? true : undefined),
        30_000,
      );
      const seen = async (driver: ClusterDriver, own: string, other: string) => [
        (await read(driver, `/api/requests/${own}`)).status,
        (await read(driver, `/api/requests/${other}`)).status,
        await searched(driver, other),
        (await read(driver, `/api/tasks?q=${other}`)).body.total,
      ];
      expect([
        await seen(inTehran, tehranCode, isfahanCode),
        await seen(inIsfahan, isfahanCode, tehranCode),
      ]).toEqual([
        [200, 404, 0, 0],
        [200, 404, 0, 0],
      ]);
      // Each request is a workflow of its city's namespace only.
      const namespaceOf = async (code: string) => {
        const found: string[] = [];
        for (const city of [tehran, isfahan]) {
          const { namespace } = city;
          const dataConverter = { payloadCodecs: [codecOf(city)] };
          const handle = new Client({
            connection: cluster.connection,
            namespace,
            dataConverter,
          }).workflow.getHandle(`request-${code}`);
          if (
            await handle.describe().then(
              () => true,
              () => false,
            )
          )
            found.push(namespace);
        }
        return found;
      };
      expect([await namespaceOf(tehranCode), await namespaceOf(isfahanCode)]).toEqual([
        ['tehran'],
        ['isfahan'],
      ]);
    },
    RUN_MS,
  );

  test(
    'when a worker and an API instance are killed with kill -9 mid-run, then every request still ends, each step done once',
    async () => {
      const [worker, api] = [tehran.workers[0], tehran.apis[0]];
      await disturbedRun('killed', async () => {
        process.kill(worker?.process?.pid ?? 0, 'SIGKILL');
        process.kill(api?.process?.pid ?? 0, 'SIGKILL');
      });

      // The supervisor started both again, and the front sends calls to both.
      await worker?.settled();
      await api?.settled();
      expect([worker?.restarts, api?.restarts]).toEqual([1, 1]);
      await eventually(async () => (tehran.front.ready().length === 2 ? true : undefined), 30_000);
    },
    RUN_MS,
  );

  test(
    'when the Temporal server is restarted mid-run, then every request resumes and ends, each step done once',
    async () => {
      const before = cluster.temporal.process?.pid;
      let repeatedWhileDown = 0;
      await disturbedRun('restarted', async (driver) => {
        await cluster.temporal.stop();
        // Calls made while it is down are answered "try again" and repeated.
        await eventually(async () => (driver.stats.repeats > 0 ? true : undefined), 30_000);
        repeatedWhileDown = driver.stats.repeats;
        await cluster.temporal.run();
      });

      expect(repeatedWhileDown).toBeGreaterThan(0);
      expect(cluster.temporal.process?.pid).not.toBe(before);
    },
    RUN_MS,
  );

  test(
    'when the workers are rolled to a new build mid-run, then requests under way move to it and end, and new ones start on it',
    async () => {
      const next = await tehran.buildWorkflows(repoPath('test/fixtures/cluster/next-build.ts'));
      const old = { build: tehran.build.buildId, workers: tehran.workers.map((w) => w.process) };
      expect(next.buildId).not.toBe(old.build);
      const driver = new ClusterDriver(() => [tehran.front.url], auth, organisation);
      // Under way on the old build; half go on while the workers roll, half wait for the roll.
      const underWay = await startSample(driver, 'rolled');
      const goingOn = finishAll(
        driver,
        underWay.filter((_, i) => i % 2 === 0),
      );
      await tehran.rollWorkers(next);
      const waited = await finishAll(
        driver,
        underWay.filter((_, i) => i % 2 === 1),
      ).done;
      const rolled = new Map([...(await goingOn.done), ...waited]);
      const after = await runSample(driver, 'after-roll');

      expectSameAsReference(
        new Map(sample.map((plan) => [plan.serviceId, rolled.get(plan.serviceId) as RequestView])),
      );
      expectSameAsReference(after);
      expect(old.workers.map((p) => p?.running())).toEqual(old.workers.map(() => false));
      expect(tehran.build.buildId).toBe(next.buildId);
      const buildAndMemo = async (status: RequestView) => {
        const description = await client.workflow.getHandle(`request-${status.trackingCode}`).describe();
        const info = description.raw.workflowExecutionInfo as temporal.api.workflow.v1.IWorkflowExecutionInfo;
        return [
          info.versioningInfo?.deploymentVersion?.buildId,
          description.memo?.[NEXT_BUILD_MEMO] ?? false,
        ];
      };
      // Those that waited moved to the new build; only those started on it took the patched branch.
      expect(await Promise.all([...waited.values()].map(buildAndMemo))).toEqual(
        [...waited.values()].map(() => [next.buildId, false]),
      );
      expect(await Promise.all([...after.values()].map(buildAndMemo))).toEqual(
        sample.map(() => [next.buildId, true]),
      );
    },
    RUN_MS,
  );

  test(
    'when the histories the cluster made and the saved ones replay on the build it runs, then none diverges',
    async () => {
      const saved = repoPath('test/fixtures/histories');
      const made = await Promise.all(
        ran.map(async (code) => ({
          workflowId: `request-${code}`,
          history: await client.workflow.getHandle(`request-${code}`).fetchHistory(),
        })),
      );
      // The saved histories were recorded under the tests' payload keys, these under Tehran's.
      const kept = readdirSync(saved)
        .filter((name) => name.endsWith('.json'))
        .map((name) => ({
          workflowId: basename(name, '.json'),
          history: historyFromJSON(JSON.parse(readFileSync(join(saved, name), 'utf8'))),
        }));
      const replay = async (histories: typeof made, codec: PayloadCodec) => {
        const results: [string, string][] = [];
        for await (const result of Worker.runReplayHistories(
          {
            workflowBundle: { codePath: tehran.build.bundlePath },
            replayName: 'cluster-replay',
            dataConverter: { payloadCodecs: [codec] },
          },
          histories,
        ))
          results.push([result.workflowId, result.error ? String(result.error) : 'ok']);
        return results;
      };
      const results = [...(await replay(made, codecOf(tehran))), ...(await replay(kept, testCodec()))];
      const histories = [...made, ...kept];

      // Five runs of the sample, and the requests of the shared store's and the cities' tests.
      expect(ran).toHaveLength(5 * sample.length + 2);
      expect(results).toEqual(histories.map((h) => [h.workflowId, 'ok']));
    },
    RUN_MS,
  );
});
