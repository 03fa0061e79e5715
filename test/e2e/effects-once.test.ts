/**
 * Every side effect happens once in effect: 100 requests of the oversight catalog (licence
 * applications that grant a new office, renewals that extend an office's licence, and the
 * notification each grant sends its applicant) reach their effect steps together, and the worker
 * and the Temporal server are both killed (kill -9) while those steps are in flight, then
 * restarted on the server's own state. Every request ends; each application holds exactly one
 * new office, each renewal moved its licence by exactly the years asked, and no notification is
 * stored or delivered twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createConnection, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { claimsOfHolder } from '../../api/auth/staff-claims';
import { jalaliYearsAfter } from '../../lib/calendar/jalali';
import { cityDate } from '../../lib/calendar/working-time';
import { freePortRun } from '../../lib/cluster/free-ports';
import { portOpen } from '../../lib/cluster/managed-process';
import type { LicenceState } from '../../lib/organisation/licences';
import { repoPath } from '../../lib/paths';
import { startDevServer, type DevServer } from '../../lib/temporal/dev-server';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';
import { openWorkStore, type WorkStore } from '../../store/work-store';
import { licencesQuery, registryIdOf } from '../../workflows/licence-messages';
import { eventually, startHarness, TEST_PAYLOAD_KEYS_ENV, type Harness } from '../support/harness';
import { TEST_NATIONAL_ID_KEY } from '../support/test-store';

const url = process.env.PK_TEST_DATABASE_URL;
const schema = `test_${randomBytes(6).toString('hex')}`;
const taskQueue = `effects-${schema}`;
const APPLICATIONS = 50;
const RENEWALS = 50;
/** New offices in a few districts only, so grants in one district run side by side. */
const GRANT_DISTRICTS = ['d05', 'd11', 'd16', 'd19', 'd22'];
const YEARS = 2;
const LAG_MS = 3_000;

let dir: string;
let port: number;
let server: DevServer;
let store: WorkStore;
let system: Harness;
let receiver: Server;
let receiverUrl: string;
let relay: Relay;
/** Notification ids as the webhook received them, a second delivery of one included. */
const delivered: string[] = [];

function worker(address: string): ChildProcess {
  // One process (node with tsx's loader), so that SIGKILL kills the worker itself.
  return spawn(process.execPath, ['--import', 'tsx', repoPath('worker/main.ts')], {
    cwd: repoPath('.'),
    stdio: 'ignore',
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: address,
      PISHKHAN_TASK_QUEUE: taskQueue,
      DATABASE_URL: url,
      PISHKHAN_DATABASE_SCHEMA: schema,
      PISHKHAN_NATIONAL_ID_KEY: TEST_NATIONAL_ID_KEY,
      PISHKHAN_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_ENV,
      PISHKHAN_WORKFLOW_BUNDLE: process.env.PK_TEST_WORKFLOW_BUNDLE,
      PISHKHAN_WEBHOOK_URL: receiverUrl,
      PISHKHAN_DELIVERY_UNCERTAIN_AFTER: '1',
      LOG_LEVEL: 'error',
    },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/** The suite's own Temporal server, on its state file: a restart finds every request where it was. */
const startTemporal = () =>
  startDevServer({ dbFile: join(dir, 'temporal.db'), port, uiPort: port + 1, namespace: 'default' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'effects-once-'));
  port = await freePortRun(2);
  server = await startTemporal();
  const connection = await Connection.connect({ address: server.address });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();
  receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      delivered.push((JSON.parse(text) as { id: string }).id);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  store = await openWorkStore({ url, schema, nationalIdKey: TEST_NATIONAL_ID_KEY });
  system = await startHarness({ temporalAddress: server.address, store, withoutWorker: true, taskQueue });
}, 120_000);

afterAll(async () => {
  relay?.close();
  await system?.stop();
  await server?.stop();
  receiver?.closeAllConnections();
  receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `each` on every item, `width` at a time. */
async function inTurn<T>(items: T[], width: number, each: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await each(item);
    }),
  );
}

/**
 * The first worker's way to the Temporal server: a TCP relay that, once slowed, holds what the
 * server sends the worker for `lagMs` (in order). An activity's effect then reaches the registry
 * well before the worker hears it landed and reports the activity done, so a kill in that time
 * falls between effects and their records.
 */
interface Relay {
  port: number;
  slow(lagMs: number): void;
  close(): void;
}

async function relayTo(target: () => number): Promise<Relay> {
  let lagMs = 0;
  const sockets = new Set<Socket>();
  let connections = 0;
  const relay = createTcpServer((worker) => {
    // The worker connects for its polls first, then for its activities' calls: only these lag.
    const lags = connections++ > 0;
    const server = createConnection({ host: '127.0.0.1', port: target() });
    sockets.add(worker).add(server);
    worker.pipe(server);
    const held: { at: number; chunk: Buffer }[] = [];
    let timer: NodeJS.Timeout | undefined;
    const release = () => {
      timer = undefined;
      while (held[0] && held[0].at <= Date.now()) worker.write((held.shift() as { chunk: Buffer }).chunk);
      if (held[0]) timer = setTimeout(release, held[0].at - Date.now());
    };
    server.on('data', (chunk: Buffer) => {
      // Never before an earlier chunk: the stream keeps its order.
      held.push({ at: Math.max(Date.now() + (lags ? lagMs : 0), held.at(-1)?.at ?? 0), chunk });
      if (!timer) release();
    });
    const end = () => {
      worker.destroy();
      server.destroy();
    };
    for (const socket of [worker, server]) socket.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as AddressInfo).port,
    slow: (ms) => (lagMs = ms),
    close() {
      for (const socket of sockets) socket.destroy();
      relay.close();
    },
  };
}

interface OpenTask {
  taskId: string;
  step: string;
  assignee: { principal: string };
  supervisor: { principal: string };
}

/** Takes a request through its tasks as each one's holder, in order; no kill happens meanwhile. */
async function drive(code: string, steps: [step: string, outcome: string, data?: object][]): Promise<void> {
  let open: OpenTask[] = [];
  for (const [step, outcome, data] of steps) {
    const task =
      open.find((t) => t.step === step) ??
      (await eventually(
        async () =>
          ((await system.get(`/api/requests/${code}`)).body.currentTasks as OpenTask[] | undefined)?.find(
            (t) => t.step === step,
          ),
        60_000,
      ));
    const answer = await system
      .as(claimsOfHolder(task))
      .post(
        `/api/tasks/${task.taskId}/complete`,
        { outcome, ...(data ? { data } : {}) },
        { 'idempotency-key': `${code}-${step}` },
      );
    open = answer.status === 200 ? (answer.body.currentTasks ?? []) : [];
    // Answered before the request settled (a slow machine): made sure of, under the same key.
    if (answer.status !== 200) await complete(code, step, outcome, data);
  }
}

/**
 * Completes a request's open task of a step as its holder, under one key, until it is answered:
 * an answer lost to the kill is asked again, and a step found done was done by the first ask.
 */
async function complete(code: string, step: string, outcome: string, data?: object): Promise<void> {
  await eventually(async () => {
    const status = await system.get(`/api/requests/${code}`);
    if (status.status !== 200) return undefined;
    const task = (status.body.currentTasks as { step: string; taskId: string }[]).find(
      (t) => t.step === step,
    );
    if (!task) return (status.body.stepsDone as { step: string }[]).some((s) => s.step === step) || undefined;
    const answer = await system.post(
      `/api/tasks/${task.taskId}/complete`,
      { outcome, ...(data ? { data } : {}) },
      { 'idempotency-key': `${code}-${step}` },
    );
    return answer.status === 200 || undefined;
  }, 150_000);
}

const licences = () => system.client.workflow.getHandle(registryIdOf(taskQueue)).query(licencesQuery);

/** An event as a line of a diagnosis: its type, with a timer's length or a failure's message. */
function eventLine(event: temporal.api.history.v1.IHistoryEvent): string {
  const type = temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? String(event.eventType);
  const timer = event.timerStartedEventAttributes?.startToFireTimeout?.seconds;
  const failure =
    event.workflowTaskFailedEventAttributes?.failure?.message ??
    event.activityTaskFailedEventAttributes?.failure?.cause?.message ??
    event.activityTaskFailedEventAttributes?.failure?.message;
  return [type.replace(/^EVENT_TYPE_/, ''), timer === undefined ? '' : `${String(timer)}s`, failure ?? '']
    .filter(Boolean)
    .join(' ');
}

/** The last events of a workflow's history, as lines. */
async function lastEvents(workflowId: string, count: number): Promise<string[]> {
  const { events } = await system.client.workflow.getHandle(workflowId).fetchHistory();
  return ((events ?? []) as temporal.api.history.v1.IHistoryEvent[]).slice(-count).map(eventLine);
}

/**
 * Requests of `codes` the store does not show completed: their state, what their workflow waits
 * on and its last events, with the licence registry's last events (the effects go through it).
 */
async function notEnded(codes: string[]) {
  const done = await store.db.query<{ tracking_code: string }>(
    `SELECT tracking_code FROM requests WHERE state = 'completed' AND tracking_code = ANY($1)`,
    [codes],
  );
  const completed = new Set(done.map((row) => row.tracking_code));
  const requests = await Promise.all(
    codes
      .filter((code) => !completed.has(code))
      .slice(0, 5)
      .map(async (code) => {
        const { raw, status } = await system.client.workflow.getHandle(`request-${code}`).describe();
        return {
          code,
          status: status.name,
          waitingOn: (raw.pendingActivities ?? []).map((a) => ({
            activity: a.activityType?.name,
            attempt: a.attempt,
            lastFailure: a.lastFailure?.message,
          })),
          lastEvents: await lastEvents(`request-${code}`, 8),
        };
      }),
  );
  return { requests, registry: await lastEvents(registryIdOf(taskQueue), 4) };
}

/** The registry's changes made by the requests' effect steps, with the step's key. */
const effectsIn = (registry: LicenceState[]) =>
  registry.flatMap((licence) =>
    licence.history
      .filter((change) => change.key && (change.action === 'grant' || change.action === 'renew'))
      .map((change) => ({ officeId: licence.officeId, ...change })),
  );

/** How a request's effect step ran: how many attempts its last action took, and whether it ended. */
async function effectRun(code: string): Promise<{ attempts: number; completed: boolean }> {
  const { events } = await system.client.workflow.getHandle(`request-${code}`).fetchHistory();
  const actions = new Map<string, { attempts: number; completed: boolean }>();
  for (const event of (events ?? []) as temporal.api.history.v1.IHistoryEvent[]) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'runAction')
      actions.set(String(event.eventId), { attempts: 1, completed: false });
    const started = event.activityTaskStartedEventAttributes;
    const run = started && actions.get(String(started.scheduledEventId));
    if (run) run.attempts = started.attempt ?? 1;
    const done = event.activityTaskCompletedEventAttributes;
    const finished = done && actions.get(String(done.scheduledEventId));
    if (finished) finished.completed = true;
  }
  // The effect is the request's last action (a renewal measures the office's record before).
  return [...actions.values()].at(-1) ?? { attempts: 0, completed: false };
}

test('when the worker and the Temporal server are killed while effects are in flight, then no licence, renewal or notification happens twice', async () => {
  // Worker processes share a database server, which the test command starts.
  expect(url).toBeDefined();
  relay = await relayTo(() => port);
  let current = worker(`127.0.0.1:${relay.port}`);
  try {
    const today = cityDate(system.organisation.calendar, Date.now());
    const before = new Map((await eventually(licences, 30_000)).map((l) => [l.officeId, l]));
    const renewing = system.organisation
      .allOffices()
      .filter((office) => {
        const licence = before.get(office.id);
        return licence?.status === 'active' && licence.validUntil > today;
      })
      .slice(0, RENEWALS);
    expect(renewing).toHaveLength(RENEWALS);
    const applications = await Promise.all(
      Array.from({ length: APPLICATIONS }, async (_, i) => {
        const district = GRANT_DISTRICTS[i % GRANT_DISTRICTS.length] as string;
        const answer = await system.post('/api/requests', {
          serviceId: 'office-licence-application',
          district,
          applicant: { name: `Applicant ${i}` },
          data: {
            officeTitleFa: `دفتر خدمات شماره ${i}`,
            officeTitleEn: `E-service office ${i}`,
            officeDistrict: district,
            officeDomains: ['citizen'],
            officeCapacity: 20,
          },
        });
        expect([201, 202]).toContain(answer.status);
        return answer.body.trackingCode as string;
      }),
    );
    const renewals = new Map<string, string>();
    await Promise.all(
      renewing.map(async (office) => {
        const answer = await system.post('/api/requests', {
          serviceId: 'office-licence-renewal',
          district: office.districts[0],
          applicant: { name: office.title.en },
          data: { officeId: office.id },
        });
        expect([201, 202]).toContain(answer.status);
        renewals.set(answer.body.trackingCode as string, office.id);
      }),
    );
    const codes = [...applications, ...renewals.keys()];

    // Every request up to its last task, the fee, before its effect step.
    await inTurn(codes, 10, (code) =>
      drive(
        code,
        renewals.has(code)
          ? [
              ['intake', 'done'],
              ['review', 'satisfactory'],
              ['decision', 'renew'],
            ]
          : [
              ['intake', 'complete'],
              ['eligibility', 'eligible'],
              ['exam', 'passed', { examScore: 80 }],
              ['site-inspection', 'passed'],
              ['decision', 'grant'],
            ],
      ),
    );

    // All fees paid at once; the kill comes once the first effects are in the registry, while
    // the worker hears that its latest effects landed seconds late and has not recorded them.
    relay.slow(LAG_MS);
    const paying = codes.map((code) => complete(code, 'payment', 'paid', { receipt: `R-${code}` }));
    const atKill = await eventually(async () => {
      const made = effectsIn(await licences());
      return made.length > 0 ? made : undefined;
    }, 60_000);
    const killedAt = Date.now();
    current.kill('SIGKILL');
    relay.close();
    process.kill(server.pid, 'SIGKILL');
    await exited(current);
    await eventually(async () => ((await portOpen(port)) ? undefined : true));
    expect(atKill.length).toBeLessThan(codes.length);

    server = await startTemporal();
    current = worker(server.address);
    await Promise.all(paying);

    // Every request ends: within the activities' retries, whose waits grow to a minute while the
    // server was away; one that does not says where it stands.
    await eventually(async () => {
      const [row] = await store.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM requests WHERE state = 'completed'`,
      );
      return row?.n === codes.length ? true : undefined;
    }, 240_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; not ended: ${JSON.stringify(await notEnded(codes))}`);
    });
    const registry = await licences();
    const effects = effectsIn(registry);

    // Each application holds exactly one new office, and the office its request names.
    for (const code of applications) {
      const granted = effects.filter((e) => e.action === 'grant' && e.by === `request:${code}`);
      const { body } = await system.get(`/api/requests/${code}`);
      expect({ code, offices: granted.map((e) => e.officeId) }).toEqual({
        code,
        offices: [body.data.officeId],
      });
    }
    expect(registry.length).toBe(before.size + APPLICATIONS);

    // Each renewal moved its office's licence once, by the years asked.
    for (const [code, officeId] of renewals) {
      const renewed = effects.filter((e) => e.action === 'renew' && e.by === `request:${code}`);
      const licence = registry.find((l) => l.officeId === officeId);
      const was = before.get(officeId)?.validUntil as string;
      expect({ code, renewed: renewed.length, validUntil: licence?.validUntil }).toEqual({
        code,
        renewed: 1,
        validUntil: jalaliYearsAfter(was, YEARS),
      });
    }

    // Each grant told its applicant once, and no notification was delivered twice.
    const told = await store.db.query<{ tracking_code: string; n: number }>(
      `SELECT tracking_code, count(*)::int AS n FROM notifications
        WHERE recipient = 'applicant:' || tracking_code GROUP BY tracking_code`,
    );
    expect(Object.fromEntries(told.map((row) => [row.tracking_code, row.n]))).toEqual(
      Object.fromEntries(applications.map((code) => [code, 1])),
    );
    const deliveries = await eventually(async () => {
      const rows = await store.db.query<{ notification_id: string; state: string }>(
        'SELECT notification_id, state FROM notification_deliveries',
      );
      return rows.every((row) => row.state === 'sent' || row.state === 'uncertain') ? rows : undefined;
    }, 60_000);
    const twice = delivered.filter((id, i) => delivered.indexOf(id) !== i);
    expect(twice).toEqual([]);
    const sent = deliveries.filter((row) => row.state === 'sent').map((row) => row.notification_id);
    expect(delivered).toEqual(expect.arrayContaining(sent));

    // The kill hit the window: effect steps ran again after it, some of them after their effect
    // had been made, and found it instead of making another.
    const runs = new Map(
      await Promise.all(codes.map(async (code) => [code, await effectRun(code)] as const)),
    );
    expect([...runs.values()].every((run) => run.completed)).toBe(true);
    const rerun = [...runs].filter(([, run]) => run.attempts > 1).map(([code]) => code);
    const madeBeforeKill = new Set(
      effects.filter((e) => Date.parse(e.at) < killedAt).map((e) => e.by.replace(/^request:/, '')),
    );
    const foundFirst = rerun.filter((code) => madeBeforeKill.has(code));
    // What the kill hit, in the run's log.
    console.warn(
      `${codes.length} requests; effects in the registry at the kill: ${atKill.length}; effect steps run again after it: ${rerun.length}, ${foundFirst.length} of them after their effect was made; notifications delivered: ${delivered.length}, uncertain: ${deliveries.length - sent.length}; doubled: 0`,
    );
    expect(rerun.length).toBeGreaterThan(0);
    expect(foundFirst.length).toBeGreaterThan(0);
  } finally {
    current.kill('SIGTERM');
    await exited(current);
  }
}, 420_000);
