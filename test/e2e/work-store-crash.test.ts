/**
 * The work store survives a worker killed mid-run: requests are driven through the API while
 * their worker process is killed (kill -9) and another takes over; every request ends, and the
 * store holds exactly what each request's workflow stands for, nothing lost and nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { staffClaimsFor } from '../../api/auth/staff-claims';
import type { Claims } from '../../api/auth/claims';
import { repoPath } from '../../lib/paths';
import { openWorkStore, type WorkStore } from '../../store/work-store';
import { eventually, fixture, startHarness, TEST_PAYLOAD_KEYS_ENV, type Harness } from '../support/harness';
import { TEST_NATIONAL_ID_KEY } from '../support/test-store';

const url = process.env.PK_TEST_DATABASE_URL;
const schema = `test_${randomBytes(6).toString('hex')}`;
const taskQueue = `crash-${schema}`;
const REQUESTS = 24;
const CLERK = 'office:o-1';
const REVIEWER = staffClaimsFor('department:d01.urban-planning/plan-reviewer');
const ADMIN: Claims = { sub: 'test-admin', role: 'admin' };

let store: WorkStore;
let system: Harness;

function worker(): ChildProcess {
  // One process (node with tsx's loader), so that SIGKILL kills the worker itself.
  return spawn(process.execPath, ['--import', 'tsx', repoPath('worker/main.ts')], {
    cwd: repoPath('.'),
    stdio: 'ignore',
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: process.env.PK_TEST_TEMPORAL_ADDRESS,
      PISHKHAN_TASK_QUEUE: taskQueue,
      DATABASE_URL: url,
      PISHKHAN_DATABASE_SCHEMA: schema,
      PISHKHAN_NATIONAL_ID_KEY: TEST_NATIONAL_ID_KEY,
      PISHKHAN_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_ENV,
      PISHKHAN_ORGANISATION_DIR: fixture('organisation'),
      PISHKHAN_WORKFLOW_BUNDLE: process.env.PK_TEST_WORKFLOW_BUNDLE,
      LOG_LEVEL: 'error',
    },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

beforeAll(async () => {
  store = await openWorkStore({ url, schema, nationalIdKey: TEST_NATIONAL_ID_KEY });
  system = await startHarness({
    servicesDir: fixture('services'),
    organisationDir: fixture('organisation'),
    store,
    withoutWorker: true,
    taskQueue,
  });
});

afterAll(async () => {
  await system.stop();
});

/** Completes a request's open task of a step as its holder; a retry after a lost answer finds it done. */
async function complete(who: Claims | string, code: string, step: string, outcome: string): Promise<void> {
  await eventually(async () => {
    const { body } = await system.as(who).get(`/api/tasks?q=${code}`);
    const task = body.items?.find((t: { stepId: string }) => t.stepId === step);
    if (!task) {
      // Already done (an earlier attempt went through, its answer lost): the next step is open.
      const status = await system.as(ADMIN).get(`/api/requests/${code}`);
      const done = (status.body.stepsDone ?? []).some((s: { step: string }) => s.step === step);
      return done ? true : undefined;
    }
    const answer = await system
      .as(who)
      .post(`/api/tasks/${task.taskId}/complete`, { outcome }, { 'idempotency-key': `${code}-${step}-key` });
    return answer.status === 200 ? true : undefined;
  }, 90_000);
}

/** A change to the request itself (its clock), retried under one key until it is answered. */
async function change(who: Claims | string, code: string, path: string, body: object): Promise<void> {
  await eventually(async () => {
    const answer = await system.as(who).post(`/api/requests/${code}/${path}`, body, {
      'idempotency-key': `${code}-${path.replace('/', '-')}-key`,
    });
    return answer.status === 200 ? true : undefined;
  }, 90_000);
}

test('when the worker is killed mid-run and another takes over, then every request ends and the store holds nothing lost and nothing twice', async () => {
  // Worker processes share a database server, which the test command starts.
  expect(url).toBeDefined();
  let first = worker();
  try {
    const codes = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const answer = await system.as(CLERK).post(
          '/api/requests',
          {
            serviceId: 'quick-permit',
            district: 'd01',
            applicant: { name: `Applicant ${i}`, nationalId: String(1000000000 + i) },
            data: {},
          },
          { 'idempotency-key': `${schema}-start-${i}` },
        );
        expect(answer.status).toBe(201);
        return answer.body.trackingCode as string;
      }),
    );
    let markKilled: () => void = () => {};
    const killed = new Promise<void>((resolve) => (markKilled = resolve));
    const driving = codes.map(async (code, i) => {
      // Half the requests have their intake done before the kill, half after, when their clerk
      // also stops the clock and starts it again: a task's action and the request's own change
      // each reach a worker that has not seen the request since the crash.
      if (i >= REQUESTS / 2) {
        await killed;
        await change(CLERK, code, 'clock/suspend', { reason: 'waiting on the applicant' });
        await change(CLERK, code, 'clock/resume', {});
      }
      await complete(CLERK, code, 'intake', 'done');
      await complete(REVIEWER, code, 'review', 'approve');
    });
    // Kill the worker once some requests are under way, while others are in flight.
    await eventually(async () => {
      const { body } = await system.as(ADMIN).get('/api/reports/throughput?period=day');
      return (body.items.at(-1)?.started ?? 0) >= REQUESTS ? true : undefined;
    }, 60_000);
    first.kill('SIGKILL');
    await exited(first);
    first = worker();
    markKilled();
    await Promise.all(driving);

    await eventually(async () => {
      const [row] = await store.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM requests WHERE state = 'completed'`,
      );
      return row?.n === REQUESTS ? true : undefined;
    }, 60_000);
    const check = await system.as(ADMIN).get('/api/admin/store/check');
    expect(check.body).toEqual({ checked: REQUESTS, differences: [], unreadable: [] });
    const [tasks] = await store.db.query<{ done: number; open: number }>(
      `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'open')::int AS open
         FROM tasks`,
    );
    expect(tasks).toEqual({ done: REQUESTS * 2, open: 0 });
  } finally {
    first.kill('SIGTERM');
    await exited(first);
  }
}, 240_000);
