/**
 * What a hostile client tried, and what it must meet: a request's secret handed to nobody but
 * its applicant, tokens that expire, a 4xx problem for every bad input (never a 500, never a
 * bare status line), nothing that says whose a hidden task is, licence changes kept to their
 * meaning, every refused POST in the audit, protective headers and a stated CORS policy, texts
 * people can read, a secret limiter that counts only wrong secrets, and personal data that
 * Temporal holds only encrypted, with commands typed at Temporal refused.
 */
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SignJWT } from 'jose';
import { workflowIdOf } from '../../lib/tracking-code';
import { claimTaskUpdate } from '../../workflows/messages';
import { eventually, MANAGER, startHarness, testCodec, type Harness } from '../support/harness';

const PORTAL = 'https://portal.city.example';
const UI = 'https://temporal-ui.city.example';
let system: Harness;

beforeAll(async () => {
  system = await startHarness({ http: { corsOrigins: [PORTAL], codecOrigins: [UI] } });
});

afterAll(async () => {
  await system.stop();
});

const CLERK = 'office:o-0101';
const NATIONAL_ID = '0012345679';
const complaint = (name = 'Zahra Ahmadi') => ({
  serviceId: 'citizen-complaint',
  district: 'd01',
  applicant: { name, nationalId: NATIONAL_ID },
  data: { subject: 'lighting', description: 'The street light at the corner is out.' },
});

type Raw = { status: number; headers: Headers; body: { type?: string; [key: string]: unknown } | undefined };

async function raw(path: string, init: RequestInit = {}): Promise<Raw> {
  const response = await fetch(`${system.url}${path}`, init);
  const text = await response.text();
  let body: Raw['body'];
  try {
    body = text ? (JSON.parse(text) as Raw['body']) : undefined;
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

function expectProblem(answer: { status: number; body?: { type?: string } }, status: number, type: string) {
  expect({ status: answer.status, type: answer.body?.type }).toEqual({ status, type: `/problems/${type}` });
}

/** Audit entries of an action, newest first, as an inspector reads them. */
async function audited(action: string) {
  const { body } = await system.as(MANAGER).get(`/api/audit?action=${action}&pageSize=50`);
  return body.items as {
    action: string;
    actor: { subject: string };
    result: { status: number; problem?: string };
  }[];
}

/** The input a request's workflow started with, as the worker reads it (decrypted). */
async function startInput(trackingCode: string): Promise<unknown> {
  const history = await system.client.workflow.getHandle(workflowIdOf(trackingCode)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  const [decoded] = await testCodec().decode([payload as Payload]);
  return defaultPayloadConverter.fromPayload(decoded as Payload);
}

describe('idempotency without a token', () => {
  test("when a second caller without a token sends the first one's Idempotency-Key and body, then it gets no request and no secret", async () => {
    const key = { 'idempotency-key': `online-${Date.now()}` };
    const first = await system.as(null).post('/api/requests', complaint(), key);
    expect(first.status).toBe(201);
    const second = await system.as(null).post('/api/requests', complaint(), key);
    expectProblem(second, 409, 'idempotency-key-used');
    const answer = JSON.stringify(second.body);
    expect(answer).not.toContain(first.body.secret);
    expect(answer).not.toContain(first.body.trackingCode);
    await system.expectOnlyStarted();
  });
});

describe('tokens', () => {
  test('when a token has no expiry, then it is refused; the scheme Bearer is read in any case', async () => {
    const forever = await new SignJWT({ role: 'manager' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forever')
      .setIssuer(system.auth.issuer)
      .setAudience(system.auth.audience)
      .setIssuedAt()
      .sign(new TextEncoder().encode(system.auth.secret));
    expectProblem(
      await raw('/api/tasks', { headers: { authorization: `Bearer ${forever}` } }),
      401,
      'invalid-token',
    );
    const token = await system.token(MANAGER);
    expect((await raw('/api/sla/breaches', { headers: { authorization: `bearer ${token}` } })).status).toBe(
      200,
    );
    expect((await raw('/api/sla/breaches', { headers: { authorization: `BEARER ${token}` } })).status).toBe(
      200,
    );
  });
});

describe('bad input is a 4xx problem', () => {
  test('when a service id is not one, then the public definition operations answer 404, not 500', async () => {
    for (const path of ['', '/versions', '/diff', '/diagram', '/versions/1'])
      expectProblem(await raw(`/api/definitions/NOT_AN_ID${path}`), 404, 'version-not-found');
  });

  test('when an instant is one JavaScript or PostgreSQL cannot count (a leap second, an offset past 14:59, year 0), then 400 names it', async () => {
    const answer = await system.as(CLERK).post('/api/requests', {
      ...complaint(),
      intakeOffice: 'o-0101',
      received: { at: '2016-12-31T23:59:60Z', reason: 'taken over from the earlier system' },
    });
    expectProblem(answer, 400, 'invalid-request');
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'received.at' })]);
    for (const to of ['0041-07-21T12:37:46+23:20', '0000-01-01T00:00:00Z', '2016-12-31T23:59:60Z'])
      expectProblem(
        await system.as(MANAGER).get(`/api/requests?to=${encodeURIComponent(to)}`),
        400,
        'invalid-request',
      );
    expect((await system.as(MANAGER).get('/api/reports/on-time?to=2016-12-31T23:59:60Z')).status).toBe(400);
    await system.expectOnlyStarted();
  });

  test('when a body says it is gzip and is not, or is in UTF-16, then 400 and 415 say so', async () => {
    const token = await system.token(MANAGER);
    const gzip = await raw('/api/requests', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(complaint()),
    });
    expectProblem(gzip, 400, 'unreadable-body');
    const utf16 = await raw('/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: JSON.stringify(complaint()),
    });
    expectProblem(utf16, 415, 'unsupported-media-type');
    await system.expectOnlyStarted();
  });

  test('when a definition is a YAML alias bomb, then it is refused as a problem of the document, at once', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++)
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    const answer = await raw('/api/definitions/validate', {
      method: 'POST',
      headers: {
        'content-type': 'application/yaml',
        authorization: `Bearer ${await system.token({ sub: 'd', role: 'designer' })}`,
      },
      body: bomb.join('\n'),
    });
    expect(answer.status).toBeLessThan(500);
    expect(JSON.stringify(answer.body)).toMatch(/aliases expand too far/);
  });

  test('when the address is 20 kB long, then 431 answers as problem+json, not a bare status line', async () => {
    const response = await fetch(`${system.url}/api/definitions?x=${'a'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/headers-too-large');
  });
});

describe('what a caller may not see', () => {
  test('when a task is returned that nobody claimed, then 409 says it is not claimed, not that it is not open', async () => {
    const started = await system.as(CLERK).post('/api/requests', { ...complaint(), intakeOffice: 'o-0101' });
    expect(started.status).toBe(201);
    const task = await eventually(
      async () =>
        (await system.as(CLERK).get(`/api/requests/${started.body.trackingCode}`)).body.currentTasks[0],
    );
    expect(task.assignee.principal).toBe(CLERK);
    expectProblem(
      await system.as(CLERK).post(`/api/tasks/${task.taskId}/return`, {}),
      409,
      'task-not-claimed',
    );
  });
});

describe('licence changes', () => {
  test('when a suspension names a last day 15 years ahead, or a reinstatement one in the past, then 422 and the licence keeps its own', async () => {
    const before = await system.as(MANAGER).get('/api/offices/o-0201');
    const suspend = await system.as(MANAGER).post('/api/offices/o-0201/licence', {
      action: 'suspend',
      reason: 'fees taken outside the treasury',
      validUntil: '1420-01-01',
    });
    expectProblem(suspend, 422, 'invalid-licence-change');
    const reinstate = await system.as(MANAGER).post('/api/offices/o-0201/licence', {
      action: 'reinstate',
      reason: 'fees now posted',
      validUntil: '1390-01-01',
    });
    expect(reinstate.status).toBe(422);
    const renewTooFar = await system.as(MANAGER).post('/api/offices/o-0201/licence', {
      action: 'renew',
      reason: 'renewed by the committee',
      validUntil: '1430-01-01',
    });
    expectProblem(renewTooFar, 422, 'invalid-licence-change');
    const after = await system.as(MANAGER).get('/api/offices/o-0201');
    expect(after.body.licence).toEqual(before.body.licence);
  });

  test("when a district's department staff take in a request of another district, then 403 and nothing starts", async () => {
    const answer = await system.as('department:d05.urban-planning').post('/api/requests', {
      serviceId: 'office-periodic-inspection',
      district: 'd01',
      channel: 'department',
      applicant: { name: 'Inspection team' },
      data: { officeId: 'o-0101' },
    });
    expectProblem(answer, 403, 'forbidden');
    expect(answer.body.detail).toContain('district d05');
    await system.expectOnlyStarted();
  });

  test('when an inspection names an office that does not exist, then it is refused at its start', async () => {
    const answer = await system.as('department:d04.urban-planning').post('/api/requests', {
      serviceId: 'office-periodic-inspection',
      district: 'd04',
      channel: 'department',
      applicant: { name: 'Inspection team' },
      data: { officeId: 'o-0000' },
    });
    expectProblem(answer, 422, 'invalid-form-data');
    expect(answer.body.errors).toEqual([{ path: 'officeId', message: expect.stringContaining('o-0000') }]);
    await system.expectOnlyStarted();
  });
});

describe('audit of refused calls', () => {
  test('when POSTs are refused before any operation runs (a forged token, malformed JSON, a body too large), then each is in the audit', async () => {
    const forged = await raw('/api/requests', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.Zm9yZ2VkLXNpZ25hdHVyZQ',
      },
      body: JSON.stringify(complaint()),
    });
    expect(forged.status).toBe(401);
    const malformed = await raw('/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"serviceId": ',
    });
    expect(malformed.status).toBe(400);
    const large = await raw('/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...complaint(), data: { description: 'x'.repeat(300_000) } }),
    });
    expect(large.status).toBe(413);
    const entries = await audited('startRequest');
    const problems = entries.map((entry) => `${entry.result.status} ${entry.result.problem ?? ''}`);
    expect(problems).toEqual(
      expect.arrayContaining(['401 invalid-token', '400 malformed-json', '413 payload-too-large']),
    );
  });
});

describe('protective headers and CORS', () => {
  test('when the API answers, then it forbids sniffing, framing and caching, and sets a policy that loads nothing', async () => {
    const answer = await raw('/api/definitions');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  test('when a page of another origin calls, then only a configured origin is allowed; OPTIONS says what a path takes', async () => {
    const allowed = await raw('/api/definitions', {
      method: 'OPTIONS',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const other = await raw('/api/definitions', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const options = await raw('/api/requests', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
  });
});

describe('text people read', () => {
  test('when a name is only zero-width characters, only spaces, holds NUL, a right-to-left override or half a character, then 400 names it', async () => {
    for (const name of ['\u200B\u200C', '   ', 'Ali\u0000', 'Ali\u202Egnp.exe']) {
      const answer = await system.as(null).post('/api/requests', complaint(name));
      expectProblem(answer, 400, 'invalid-text');
      expect(answer.body.errors).toEqual([{ path: 'applicant.name', message: expect.any(String) }]);
    }
    const surrogate = await raw('/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(complaint()).replace('Zahra Ahmadi', 'Zahra \\ud800'),
    });
    expectProblem(surrogate, 400, 'invalid-text');
    await system.expectOnlyStarted();
  });

  test('when a name comes decomposed, then it is kept composed (NFC)', async () => {
    const started = await system.as(null).post('/api/requests', complaint('Rene\u0301'));
    expect(started.status).toBe(201);
    const input = (await startInput(started.body.trackingCode)) as { applicant: { name: string } };
    expect(input.applicant.name).toBe('Ren\u00E9');
  });
});

describe('the secret limiter', () => {
  test('when an applicant opens their request many times, then they are never refused; wrong secrets are', async () => {
    const started = await system.as(null).post('/api/requests', complaint());
    const { trackingCode, secret } = started.body as { trackingCode: string; secret: string };
    for (let i = 0; i < 25; i++)
      expect((await system.as(null).post(`/api/requests/${trackingCode}/access`, { secret })).status).toBe(
        200,
      );
    const other = await system.as(null).post('/api/requests', complaint());
    const statuses = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (
          await system
            .as(null)
            .post(`/api/requests/${other.body.trackingCode}/access`, { secret: `wrong-secret-${i}` })
        ).status,
      );
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    // From the same address, the first applicant still opens theirs.
    expect((await system.as(null).post(`/api/requests/${trackingCode}/access`, { secret })).status).toBe(200);
  });
});

describe('what the OpenAPI promises', () => {
  test('when a form is wrong, then its errors are fields with messages, as the Problem schema says; startRequest lists 401 and 403', async () => {
    const answer = await system
      .as(null)
      .post('/api/requests', { ...complaint(), data: { subject: 'lighting' } });
    expectProblem(answer, 422, 'invalid-form-data');
    for (const error of answer.body.errors)
      expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
    const { body } = await system.as(null).get('/api/openapi.json');
    expect(Object.keys(body.paths['/api/requests'].post.responses)).toEqual(
      expect.arrayContaining(['401', '403', '409', '415']),
    );
  });
});

describe('personal data in Temporal', () => {
  test("when a request is started, then Temporal's history holds neither the applicant's name nor national id in the clear", async () => {
    const started = await system.as(null).post('/api/requests', complaint('Parisa Karimi'));
    const plain = new Client({ connection: system.client.connection });
    const history = await plain.workflow.getHandle(workflowIdOf(started.body.trackingCode)).fetchHistory();
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(NATIONAL_ID))).toBe(false);
    expect(bytes.includes(Buffer.from('Parisa Karimi'))).toBe(false);
  });

  test('when an update is sent to Temporal without the API (no payload key), then it is refused and the task stays unclaimed', async () => {
    const started = await system.as(CLERK).post('/api/requests', { ...complaint(), intakeOffice: 'o-0101' });
    const code = started.body.trackingCode as string;
    const task = await eventually(
      async () => (await system.as(CLERK).get(`/api/requests/${code}`)).body.currentTasks[0],
    );
    const plain = new Client({ connection: system.client.connection });
    const forged = plain.workflow.getHandle(workflowIdOf(code)).executeUpdate(claimTaskUpdate, {
      args: [
        { taskId: task.taskId, by: 'office:made-up', actingAs: task.assignee.principal, seal: 'x' } as never,
      ],
    });
    const refusal = await forged.then(
      () => 'accepted',
      (error: unknown) => String((error as { cause?: Error }).cause?.message),
    );
    expect(refusal).toMatch(/did not come through the API/);
    const after = await system.as(CLERK).get(`/api/requests/${code}`);
    expect(after.body.currentTasks[0].claimedBy).toBeUndefined();
  });

  test('when the Temporal UI asks the codec endpoint to decode, then a manager reads the payload, others are refused, and each call is audited', async () => {
    const started = await system.as(null).post('/api/requests', complaint('Sara Rahimi'));
    const plain = new Client({ connection: system.client.connection });
    const history = await plain.workflow.getHandle(workflowIdOf(started.body.trackingCode)).fetchHistory();
    const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const payload = {
      metadata: Object.fromEntries(
        Object.entries(input?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(input?.data ?? new Uint8Array()).toString('base64'),
    };
    const decode = async (who: string | null, origin?: string) =>
      raw('/codec/decode', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(who ? { authorization: `Bearer ${who}` } : {}),
          ...(origin ? { origin } : {}),
        },
        body: JSON.stringify({ payloads: [payload] }),
      });
    expectProblem(await decode(null), 401, 'unauthenticated');
    expectProblem(await decode(await system.token(CLERK)), 403, 'forbidden');
    const read = await decode(await system.token(MANAGER), UI);
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(UI);
    const [decoded] = (read.body as unknown as { payloads: { data: string }[] }).payloads;
    expect(Buffer.from(decoded?.data ?? '', 'base64').toString()).toContain('Sara Rahimi');
    const entries = await audited('codecDecode');
    expect(entries.map((entry) => entry.result.status)).toEqual(expect.arrayContaining([200, 401, 403]));
  });
});
