/**
 * Temporal out of reach is "try again", said quickly: with the suite's own Temporal server
 * stopped under a running API, a read and a start each answer 503 `temporal-unavailable` with
 * `Retry-After` within 5 s, in the caller's language, and the API itself stays up. Before that,
 * with no worker at all, a start answers 202 at the API's wait instead of hanging.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { freePortRun } from '../../lib/cluster/free-ports';
import { startDevServer, type DevServer } from '../../lib/temporal/dev-server';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';
import { newTrackingCode } from '../../lib/tracking-code';
import { startHarness, type Harness } from '../support/harness';

let server: DevServer;
let system: Harness;

beforeAll(async () => {
  const port = await freePortRun(2);
  server = await startDevServer({
    dbFile: join(mkdtempSync(join(tmpdir(), 'temporal-down-')), 'temporal.db'),
    port,
    uiPort: port + 1,
    namespace: 'default',
  });
  const connection = await Connection.connect({ address: server.address });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();
  system = await startHarness({ temporalAddress: server.address, withoutWorker: true, callWaitMs: 2_000 });
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await server?.stop();
});

const permit = {
  serviceId: 'building-permit-residential',
  district: 'd02',
  intakeOffice: 'o-0201',
  applicant: { name: 'Ali Moradi' },
  data: { parcel: '55/2', area: 180, floors: 2, units: 2 },
};

test('when no worker takes the request, then its start answers 202 once the wait is over, with its code and secret, and a read of it answers 503 with Retry-After', async () => {
  // Online, so that nothing but the request itself waits on a worker (an office's licence would).
  const started = await fetch(`${system.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: 'bulky-waste-pickup',
      district: 'd02',
      channel: 'online',
      applicant: { name: 'Ali Moradi' },
      data: { items: 'یک یخچال و دو مبل', address: 'خیابان ولیعصر، کوچه نسترن، پلاک ۸' },
    }),
  });
  const body = (await started.json()) as Record<string, unknown>;
  expect(started.status).toBe(202);
  expect(body).toEqual({
    trackingCode: expect.stringMatching(/^[0-9]{12}$/),
    secret: expect.any(String),
    service: expect.objectContaining({ id: 'bulky-waste-pickup' }),
    state: 'active',
  });
  const href = `/api/requests/${String(body.trackingCode)}`;
  expect(started.headers.get('location')).toBe(href);

  const headers = { authorization: `Bearer ${await system.token({ sub: 'manager-1', role: 'manager' })}` };
  const read = await fetch(`${system.url}${href}`, { headers });
  expect({ status: read.status, retryAfter: read.headers.get('retry-after') }).toEqual({
    status: 503,
    retryAfter: '5',
  });
});

test('when the Temporal server stops under the API, then a read and a start answer 503 with Retry-After within 5 s, and the API stays up', async () => {
  await server.stop();
  const headers = {
    authorization: `Bearer ${await system.token('office:o-0201')}`,
    'content-type': 'application/json',
  };
  const code = newTrackingCode();
  const calls: [string, RequestInit][] = [
    [`/api/requests/${code}`, { headers }],
    ['/api/requests', { method: 'POST', headers, body: JSON.stringify(permit) }],
    [`/api/requests/${code}`, { headers: { ...headers, 'accept-language': 'fa' } }],
  ];
  const answers = [];
  for (const [path, init] of calls) {
    const began = Date.now();
    const answer = await fetch(`${system.url}${path}`, init);
    const body = (await answer.json()) as { type: string; title: string };
    answers.push({
      status: answer.status,
      type: body.type,
      title: body.title,
      retryAfter: answer.headers.get('retry-after'),
      within5s: Date.now() - began < 5_000,
    });
  }
  const unavailable = {
    status: 503,
    type: '/problems/temporal-unavailable',
    retryAfter: '5',
    within5s: true,
  };
  expect(answers).toEqual([
    { ...unavailable, title: 'The workflow service is unavailable' },
    { ...unavailable, title: 'The workflow service is unavailable' },
    { ...unavailable, title: 'سامانه گردش کار در دسترس نیست' },
  ]);
  expect((await fetch(`${system.url}/healthz`)).status).toBe(200);
});
