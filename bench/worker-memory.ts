/**
 * What one worker holds with many requests open, and what it still does, with the cache size
 * and concurrency worker/sizing.ts chooses for this machine. On a real Temporal dev server and
 * Debian's PostgreSQL for the work store, the worker in a process of its own
 * (bench/worker-memory/worker-process.ts):
 *  - its resident memory and main heap at rest and with OPEN_REQUESTS requests open
 *    (residential building permits, each at its first task, started straight with the client),
 *    and what each cached request costs;
 *  - requests started (start to its first task in the work store) and actions (a first task
 *    completed) a second, a batch of BATCH each, at rest and with the requests open, and the ratio.
 * OPEN_REQUESTS (10,000), BATCH (200), CONCURRENCY of the calls (16); PISHKHAN_WORKER_* as for
 * `npm run worker`.
 */
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { payloadKeys } from '../lib/config';
import { loadDomain } from '../lib/load-domain';
import { repoPath } from '../lib/paths';
import { startPostgres } from '../lib/postgres-server';
import { TEMPORAL_CLI } from '../lib/temporal/dev-server';
import { sealedClient } from '../lib/temporal/connect';
import { ensureSearchAttributes } from '../lib/temporal/ensure-search-attributes';
import { ensureLicenceRegistry } from '../lib/temporal/licence-registry';
import { EncryptionCodec } from '../lib/temporal/payload-codec';
import { newTrackingCode, workflowIdOf } from '../lib/tracking-code';
import { openWorkStore } from '../store/work-store';
import { BYTES_PER_CACHED_REQUEST, thisMachine, type WorkerSizing } from '../worker/sizing';
import { completeTaskUpdate } from '../workflows/messages';
import type { RequestInput } from '../workflows/types';
import type { WorkerMemory } from './worker-memory/worker-process';

const OPEN = Number(process.env.OPEN_REQUESTS ?? 10_000);
const BATCH = Number(process.env.BATCH ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const TASK_QUEUE = 'bench-worker-memory';
const SCHEMA = 'memory';
const SERVICE = 'building-permit-residential';
const MiB = 2 ** 20;

/** Runs `calls`, `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, call: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await call(items[next++] as T);
    }),
  );
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const pg = await startPostgres(mkdtempSync(join(tmpdir(), 'pishkhan-bench-pg-')), {
    settings: { max_connections: '50' },
  });
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
  const store = await openWorkStore({ url: pg.url, schema: SCHEMA, nationalIdKey: 'bench' });
  const child = fork(
    repoPath('bench/worker-memory/worker-process.ts'),
    [env.address, TASK_QUEUE, pg.url, SCHEMA],
    {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  try {
    await ensureSearchAttributes(env.connection, 'default');
    const domain = await loadDomain(
      {
        servicesDir: repoPath('definitions/services'),
        organisationDir: repoPath('definitions/organisation'),
      },
      store.db,
    );
    const org = domain.organisation;
    const plan = domain.catalog.latest(SERVICE);
    if (!plan) throw new Error(`the service ${SERVICE} is not published`);
    const sizing = await new Promise<WorkerSizing>((resolve, reject) => {
      child.once('message', (message: { ready: WorkerSizing }) => resolve(message.ready));
      child.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
    });
    const memory = () =>
      new Promise<WorkerMemory>((resolve) => {
        child.once('message', (message: WorkerMemory) => resolve(message));
        child.send('memory');
      });
    const client = sealedClient(env.connection, 'default', new EncryptionCodec(payloadKeys(undefined)));
    await ensureLicenceRegistry(client, TASK_QUEUE, org);

    const opened: string[] = [];
    const openTasks = async (codes: string[]) =>
      Number(
        (
          await store.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM tasks WHERE tracking_code = ANY($1) AND closed_at IS NULL',
            [codes],
          )
        )[0]?.n ?? 0,
      );
    /** Starts `count` requests and waits until each has its first task in the work store. */
    const start = async (count: number, progress = false) => {
      const codes = Array.from({ length: count }, () => newTrackingCode());
      const began = performance.now();
      let done = 0;
      await inParallel(codes, CONCURRENCY, async (trackingCode) => {
        const input: RequestInput = {
          trackingCode,
          plan,
          calendar: org.calendar,
          district: 'd01',
          channel: 'office',
          intakeOffice: 'o-0101',
          applicant: { name: 'Bench applicant', nationalId: '0012345678' },
          data: { parcel: 'bench/1', area: 200, floors: 2, units: 2 },
        };
        await client.workflow.start('serviceRequest', {
          taskQueue: TASK_QUEUE,
          workflowId: workflowIdOf(trackingCode),
          args: [input],
        });
        if (progress && ++done % 1000 === 0)
          console.error(`  started ${done} of ${count} (${(done / seconds(began)).toFixed(0)}/s)`);
      });
      for (;;) {
        const open = await openTasks(codes);
        if (open >= count) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      opened.push(...codes);
      return { codes, perSecond: count / seconds(began) };
    };
    /** Completes the first task of each request: one action each. */
    const act = async (codes: string[]) => {
      const tasks = await store.db.query<{ task_id: string; tracking_code: string }>(
        'SELECT task_id, tracking_code FROM tasks WHERE tracking_code = ANY($1) AND closed_at IS NULL',
        [codes],
      );
      const began = performance.now();
      await inParallel(tasks, CONCURRENCY, async (task) => {
        await client.workflow.getHandle(workflowIdOf(task.tracking_code)).executeUpdate(completeTaskUpdate, {
          args: [{ taskId: task.task_id, outcome: 'submit', data: { documentsComplete: true } }],
        });
      });
      return tasks.length / seconds(began);
    };
    /** The worker's memory once its cache stops changing. */
    const settled = async () => {
      let last = await memory();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const now = await memory();
        if (now.cached === last.cached) return now;
        last = now;
      }
    };

    // At rest, then a batch of starts and actions on an empty worker (the first warms it up).
    await start(10);
    const atRest = await settled();
    const restStarts = await start(BATCH);
    const restActions = await act(restStarts.codes);

    console.error(`opening ${OPEN - opened.length} more requests`);
    const opening = performance.now();
    const bulk = await start(OPEN - opened.length, true);
    const openingSeconds = seconds(opening);
    const atOpen = await settled();
    // The same batch with the requests open; the actions on requests picked across all of them.
    const openStarts = await start(BATCH);
    const every = Math.max(1, Math.floor(bulk.codes.length / BATCH));
    const picked = bulk.codes.filter((_, i) => i % every === 0).slice(0, BATCH);
    const openActions = await act(picked);
    const after = await memory();

    const machine = thisMachine();
    const perRequest = (atOpen.rss - atRest.rss) / Math.max(1, atOpen.cached - atRest.cached);
    const row = (what: string, rest: string, open: string, ratio: string) =>
      console.log(`  ${what.padEnd(46)} ${rest.padStart(12)} ${open.padStart(14)} ${ratio.padStart(8)}`);
    console.log(
      `one worker with ${OPEN.toLocaleString('en')} open requests (${SERVICE}, each at its first task), sized for this machine`,
    );
    console.log(
      `  machine ${mb(machine.memoryBytes)}, V8 heap limit ${mb(machine.heapLimitBytes)}; the worker's memory ${mb(sizing.memoryBytes)}`,
    );
    console.log(
      `  chosen: cache ${sizing.maxCachedWorkflows} requests, ${sizing.maxConcurrentWorkflowTaskExecutions} workflow tasks, ${sizing.maxConcurrentActivityTaskExecutions} activities, ${sizing.maxConcurrentLocalActivityExecutions} local activities at once`,
    );
    row('', 'at rest', `${OPEN} open`, 'ratio');
    row('resident memory (RSS)', mb(atRest.rss), mb(atOpen.rss), `${(atOpen.rss / atRest.rss).toFixed(2)}x`);
    row(
      'main heap (activities, connections)',
      mb(atRest.heapUsed),
      mb(atOpen.heapUsed),
      `${(atOpen.heapUsed / atRest.heapUsed).toFixed(2)}x`,
    );
    row('requests in the cache', String(atRest.cached), String(atOpen.cached), '');
    row(
      `starts a second (batch of ${BATCH}, ${CONCURRENCY} at once)`,
      restStarts.perSecond.toFixed(1),
      openStarts.perSecond.toFixed(1),
      `${(openStarts.perSecond / restStarts.perSecond).toFixed(2)}x`,
    );
    row(
      `actions a second (batch of ${BATCH}, ${CONCURRENCY} at once)`,
      restActions.toFixed(1),
      openActions.toFixed(1),
      `${(openActions / restActions).toFixed(2)}x`,
    );
    console.log(
      `  memory per cached request: ${(perRequest / 1024).toFixed(0)} KiB (RSS grown / requests cached); the sizing assumes ${BYTES_PER_CACHED_REQUEST / 1024} KiB`,
    );
    console.log(
      `  opened in ${openingSeconds.toFixed(0)} s (${(bulk.codes.length / openingSeconds).toFixed(1)} starts a second to the first task); RSS after the batches ${mb(after.rss)}, ${after.cached} cached`,
    );
  } catch (error) {
    // Told before the teardown, whose closed channels end the calls still retrying.
    console.error(error);
    process.exitCode = 1;
  } finally {
    if (child.exitCode === null) {
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await store.close().catch(() => {});
    await env.teardown();
    await pg.stop();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
