/**
 * What operators and API users rely on: liveness and readiness, Prometheus metrics, request
 * ids, rate limits, and an OpenAPI 3.1 document that is valid and lists every operation.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { openTestStore } from '../support/test-store';
import {
  eventually,
  MANAGER,
  startHarness,
  fixture,
  TEST_METRICS_TOKEN,
  type Harness,
} from '../support/harness';

const LIMIT = 40;
let system: Harness;

beforeAll(async () => {
  system = await startHarness({
    servicesDir: fixture('services'),
    organisationDir: fixture('organisation'),
    rateLimitPerMinute: LIMIT,
  });
});

afterAll(async () => {
  await system.stop();
});

describe('operations', () => {
  test('when probed, then /healthz says up and /readyz says Temporal answers, a worker polls, the store answers and definitions are loaded', async () => {
    expect(await system.as(null).get('/healthz')).toEqual(
      expect.objectContaining({ status: 200, body: { status: 'ok' } }),
    );
    // The worker's first poll reaches Temporal a moment after it starts.
    const ready = await eventually(async () => {
      const answer = await system.as(null).get('/readyz');
      return answer.status === 200 ? answer : undefined;
    });
    expect(ready.body).toEqual(
      expect.objectContaining({
        status: 'ready',
        temporal: expect.objectContaining({ reachable: true, workers: expect.any(Number) }),
        store: { reachable: true },
      }),
    );
    expect(ready.body.temporal.workers).toBeGreaterThan(0);
    expect(ready.body.definitions).toBeGreaterThan(0);
  });

  test('when no worker polls its queue, then /readyz answers 503 saying so; when the store is out of reach too, it says that as well', async () => {
    const store = await openTestStore();
    // The store is closed here on purpose; stopping the harness must not close it again.
    const lone = await startHarness({
      servicesDir: fixture('services'),
      organisationDir: fixture('organisation'),
      withoutWorker: true,
      store: { ...store, close: async () => undefined },
    });
    try {
      const noWorker = await lone.as(null).get('/readyz');
      expect(noWorker.status).toBe(503);
      expect(noWorker.body).toEqual(
        expect.objectContaining({
          status: 'not-ready',
          temporal: expect.objectContaining({ reachable: true, workers: 0 }),
          store: { reachable: true },
        }),
      );
      await store.close();
      const noStore = await lone.as(null).get('/readyz');
      expect(noStore.status).toBe(503);
      expect(noStore.body).toEqual(
        expect.objectContaining({ status: 'not-ready', store: { reachable: false } }),
      );
    } finally {
      await lone.stop();
    }
  });

  test('when scraped with the metrics token, then /metrics counts calls per operation and shows the open work; without it, nothing is shown', async () => {
    await system.as(MANAGER).get('/api/sla/breaches');
    const anonymous = await fetch(`${system.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('pishkhan_');
    const clerk = await fetch(`${system.url}/metrics`, {
      headers: { authorization: `Bearer ${await system.token('office:o-1')}` },
    });
    expect(clerk.status).toBe(403);
    const wrong = await fetch(`${system.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token' },
    });
    expect(wrong.status).toBe(401);
    const admin = await fetch(`${system.url}/metrics`, {
      headers: { authorization: `Bearer ${await system.token({ sub: 'test-admin', role: 'admin' })}` },
    });
    expect(admin.status).toBe(200);
    const text = await (
      await fetch(`${system.url}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })
    ).text();
    expect(text).toMatch(
      /pishkhan_http_requests_total\{operation="listBreaches",method="GET",status="200"\} [1-9]/,
    );
    expect(text).toContain('pishkhan_http_request_duration_seconds_bucket');
    expect(text).toMatch(/pishkhan_open_tasks\{sla="breached"\} \d+/);
    expect(text).toMatch(/pishkhan_sla_breaches \d+/);
  });

  test('when a call comes with an X-Request-Id, then the answer and its problem carry it', async () => {
    const response = await fetch(`${system.url}/api/requests/123456789012`, {
      headers: { 'x-request-id': 'trace-0123456789', authorization: `Bearer ${await system.token(MANAGER)}` },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-0123456789');
    expect(((await response.json()) as { requestId: string }).requestId).toBe('trace-0123456789');
    const fresh = await fetch(`${system.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('when one token calls too often, then 429 answers it, and other tokens go on', async () => {
    const busy = system.as({ sub: 'busy', role: 'manager' });
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await busy.get('/api/sla/summary?by=service')).status);
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    const limited = await busy.get('/api/sla/summary?by=service');
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('/problems/rate-limited');
    // A POST refused for its rate is in the audit, as every POST is.
    const refusedPost = await busy.post('/api/offices/o-1/licence', {
      action: 'suspend',
      reason: 'too busy',
    });
    expect(refusedPost.status).toBe(429);
    const audit = await system.as({ sub: 'calm', role: 'manager' }).get('/api/audit?action=changeLicence');
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        result: { status: 429, problem: 'rate-limited' },
        path: '/api/offices/o-1/licence',
      }),
    ]);
    expect(
      (await system.as({ sub: 'calm', role: 'manager' }).get('/api/sla/summary?by=service')).status,
    ).toBe(200);
  });

  test('when the OpenAPI document is read, then it is valid OpenAPI 3.1 and lists every operation with its access', async () => {
    const { status, body } = await system.as(null).get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(body))).resolves.toBeDefined();
    const operations = Object.entries(
      body.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/requests startRequest',
        'GET /api/requests/{trackingCode} getRequest',
        'GET /api/requests/{trackingCode}/history getRequestHistory',
        'POST /api/requests/{trackingCode}/withdraw withdrawRequest',
        'GET /api/tasks listTasks',
        'POST /api/tasks/{taskId}/claim claimTask',
        'POST /api/tasks/{taskId}/return returnTask',
        'POST /api/tasks/{taskId}/complete completeTask',
        'POST /api/tasks/{taskId}/reassign reassignTask',
        'GET /api/sla/breaches listBreaches',
        'GET /api/sla/at-risk listAtRisk',
        'GET /api/sla/escalations listEscalations',
        'GET /api/sla/summary slaSummary',
        'GET /api/offices listOffices',
        'POST /api/offices/{officeId}/licence changeLicence',
        'POST /api/definitions publishDefinition',
        'GET /api/audit listAuditEntries',
        'GET /healthz liveness',
        'GET /readyz readiness',
        'GET /metrics metrics',
        'POST /codec/decode codecDecode',
      ]),
    );
    const complete = body.paths['/api/tasks/{taskId}/complete'].post;
    expect(complete.description).toContain('Roles: office, department.');
    expect(Object.keys(complete.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422', '429']),
    );
  });
});
