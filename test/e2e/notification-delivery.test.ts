/**
 * Notifications leave by webhook once: a worker process killed after it sent a notification but
 * before it recorded the send does not send it again when it comes back (the delivery is left
 * uncertain, for operations), and sends the others once each, with their ids as the
 * Idempotency-Key and an HMAC signature a receiver can check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath, repoRoot } from '../../lib/paths';
import { openWorkStore, type WorkStore } from '../../store/work-store';
import { webhookChannel } from '../../worker/delivery/channels';
import { deliveryPlanner } from '../../worker/delivery/planner';
import { eventually } from '../support/harness';

const SECRET = 'webhook-test-secret';
const url = process.env.PK_TEST_DATABASE_URL;
const schema = `test_${randomBytes(6).toString('hex')}`;

interface Received {
  id: string;
  key: string | undefined;
  signed: boolean;
}

let store: WorkStore;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** The first call is held unanswered, as if the answer were lost; the others are answered at once. */
let holdFirst = true;
let firstArrived: () => void = () => {};
const held = new Promise<void>((resolve) => (firstArrived = resolve));

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}

function worker(): ChildProcess {
  // One process, the worker itself (tsx's command would run it as a child a kill leaves behind).
  return spawn(process.execPath, ['--import', 'tsx', repoPath('worker/main.ts')], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: process.env.PK_TEST_TEMPORAL_ADDRESS,
      PISHKHAN_TASK_QUEUE: `delivery-${schema}`,
      DATABASE_URL: url,
      PISHKHAN_DATABASE_SCHEMA: schema,
      PISHKHAN_WEBHOOK_URL: receiverUrl,
      PISHKHAN_WEBHOOK_SECRET: SECRET,
      PISHKHAN_WORKFLOW_BUNDLE: process.env.PK_TEST_WORKFLOW_BUNDLE,
      PISHKHAN_DELIVERY_UNCERTAIN_AFTER: '1',
      LOG_LEVEL: 'warn',
    },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

beforeAll(async () => {
  receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
    void body(req).then((text) => {
      const signature = `sha256=${createHmac('sha256', SECRET).update(text).digest('hex')}`;
      received.push({
        id: (JSON.parse(text) as { id: string }).id,
        key: req.headers['idempotency-key'] as string | undefined,
        signed: req.headers['x-pishkhan-signature'] === signature,
      });
      if (holdFirst) {
        holdFirst = false;
        firstArrived();
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  store = await openWorkStore({
    url,
    schema,
    nationalIdKey: 'delivery-test',
    deliveries: deliveryPlanner(loadOrganisation(repoPath('definitions/organisation')), [
      webhookChannel(receiverUrl, SECRET),
    ]),
  });
});

afterAll(async () => {
  receiver.closeAllConnections();
  receiver.close();
  await store?.close();
});

const deliveryStates = async () =>
  Object.fromEntries(
    (
      await store.db.query<{ notification_id: string; state: string }>(
        'SELECT notification_id, state FROM notification_deliveries ORDER BY notification_id',
      )
    ).map((row) => [row.notification_id, row.state]),
  );

test('when the worker is killed between sending a notification and recording it, then it is never sent twice and the others go once', async () => {
  // Worker processes share a database server, which the test command starts.
  expect(url).toBeDefined();
  const at = new Date().toISOString();
  await store.writer.write({
    trackingCode: '100000000001',
    revision: 1,
    request: {
      trackingCode: '100000000001',
      serviceId: 'citizen-complaint',
      serviceTitle: { fa: 'شکایت', en: 'Complaint' },
      domain: 'citizen',
      definitionVersion: 1,
      district: 'd01',
      channel: 'online',
      intakeOffice: null,
      office: null,
      officeHow: null,
      state: 'active',
      sla: 'breached',
      startedAt: at,
      endedAt: null,
      targetDeadline: at,
      statutoryDeadline: null,
      suspendedSince: null,
      receivedAt: null,
    },
    notifications: ['n1', 'n2', 'n3'].map((n, i) => ({
      id: `100000000001-${n}`,
      taskId: null,
      kind: 'sla-breach',
      recipient: 'head:d01.citizen-affairs',
      at: new Date(Date.parse(at) + i).toISOString(),
      message: { fa: `پیام ${i + 1}`, en: `Message ${i + 1}` },
    })),
  });

  const first = worker();
  await held;
  first.kill('SIGKILL');
  await exited(first);
  expect(received.map((r) => r.id)).toEqual(['100000000001-n1']);
  expect(await deliveryStates()).toEqual(
    expect.objectContaining({ '100000000001-n1': 'sending', '100000000001-n2': 'pending' }),
  );

  const second = worker();
  try {
    await eventually(async () => {
      const states = await deliveryStates();
      return Object.values(states).every((s) => s === 'sent' || s === 'uncertain') ? states : undefined;
    }, 60_000);
  } finally {
    second.kill('SIGTERM');
    await exited(second);
  }
  expect(await deliveryStates()).toEqual({
    '100000000001-n1': 'uncertain',
    '100000000001-n2': 'sent',
    '100000000001-n3': 'sent',
  });
  expect(received.map((r) => r.id).sort()).toEqual(['100000000001-n1', '100000000001-n2', '100000000001-n3']);
  expect(received.every((r) => r.key === r.id && r.signed)).toBe(true);
}, 120_000);
