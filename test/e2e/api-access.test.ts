/**
 * Who may do what: every denial of the access rules, each with the answer a caller gets and a
 * check that nothing changed; and what the allowed calls leave behind (claims, moves, audit).
 */
import { eventually, fixture, MANAGER, startHarness, type Harness } from '../support/harness';
import type { Claims } from '../../api/auth/claims';
import { mintToken } from '../../api/auth/tokens';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

const CLERK_A: Claims = { sub: 'clerk-a', role: 'office', office: 'o-1', name: 'Clerk A' };
const CLERK_A2: Claims = { sub: 'clerk-a2', role: 'office', office: 'o-1' };
const CLERK_B: Claims = { sub: 'clerk-b', role: 'office', office: 'o-2' };
const PLANNER: Claims = {
  sub: 'planner',
  role: 'department',
  department: 'urban-planning',
  district: 'd01',
  roles: ['staff'],
};
const INSPECTOR: Claims = { sub: 'inspector', role: 'inspector' };
const ADMIN: Claims = { sub: 'admin', role: 'admin' };
const DESIGNER_ONLY: Claims = { sub: 'designer', role: 'designer' };

const permit = { serviceId: 'quick-permit', district: 'd01', applicant: { name: 'Applicant' }, data: {} };

/** A request taken in at office o-1 by clerk A, with its open intake task. */
async function atOffice(): Promise<{ code: string; secret: string; taskId: string }> {
  const started = await system.as(CLERK_A).post('/api/requests', permit);
  expect(started.status).toBe(201);
  const code = started.body.trackingCode as string;
  const status = await eventually(async () => {
    const { body } = await system.as(MANAGER).get(`/api/requests/${code}`);
    return body.currentTasks?.length > 0 ? body : undefined;
  });
  return { code, secret: started.body.secret as string, taskId: status.currentTasks[0].taskId as string };
}

function expectProblem(response: { status: number; body: { type?: string } }, status: number, type: string) {
  expect({ status: response.status, type: response.body?.type }).toEqual({
    status,
    type: `/problems/${type}`,
  });
}

async function openTasksOf(code: string) {
  return (await system.as(MANAGER).get(`/api/requests/${code}`)).body.currentTasks as {
    taskId: string;
    step: string;
    assignee: { principal: string };
    claimedBy?: string;
  }[];
}

describe('authentication', () => {
  test('when a call has no token, a forged, expired or malformed one, then 401 says which and nothing starts', async () => {
    const { code } = await atOffice();
    const none = await system.as(null).get(`/api/requests/${code}`);
    expectProblem(none, 401, 'unauthenticated');

    const forged = await fetch(`${system.url}/api/tasks`, {
      headers: {
        authorization:
          'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoibWFuYWdlciIsInN1YiI6Im1lIn0.c2lnbmVkLXdpdGgtYW5vdGhlci1rZXk',
      },
    });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await forged.json()) as { type: string }).type).toBe('/problems/invalid-token');

    const expired = await mintToken(system.auth, MANAGER, -60);
    const late = await fetch(`${system.url}/api/tasks`, { headers: { authorization: `Bearer ${expired}` } });
    expect(((await late.json()) as { type: string }).type).toBe('/problems/token-expired');
    const otherKey = await mintToken(
      { ...system.auth, secret: 'another-key-another-key-another-key!' },
      MANAGER,
    );
    const wrongKey = await fetch(`${system.url}/api/tasks`, {
      headers: { authorization: `Bearer ${otherKey}` },
    });
    expect(((await wrongKey.json()) as { type: string }).type).toBe('/problems/invalid-token');
    const malformed = await fetch(`${system.url}/api/tasks`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(malformed.status).toBe(401);

    const startForged = await fetch(`${system.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${otherKey}` },
      body: JSON.stringify({ ...permit, intakeOffice: 'o-1' }),
    });
    expect(startForged.status).toBe(401);
    const atDesk = await system.as(null).post('/api/requests', { ...permit, intakeOffice: 'o-1' });
    expectProblem(atDesk, 401, 'unauthenticated');
    await system.expectOnlyStarted();
  });
});

describe('offices see and touch only their own work', () => {
  test("when an office reads, claims or completes another office's task, then it is not found, as a task that does not exist, and the task stays", async () => {
    const { code, taskId } = await atOffice();
    expectProblem(await system.as(CLERK_B).get(`/api/requests/${code}`), 404, 'request-not-found');
    expectProblem(await system.as(CLERK_B).get(`/api/requests/${code}/history`), 404, 'request-not-found');
    expectProblem(
      await system.as(CLERK_B).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' }),
      404,
      'task-not-found',
    );
    const claim = await system.as(CLERK_B).post(`/api/tasks/${taskId}/claim`, {});
    expectProblem(claim, 404, 'task-not-found');
    // Nothing says who holds it: the answer is the one a task that does not exist gets.
    expect(JSON.stringify(claim.body)).not.toMatch(/office:o-1|clerk-a|held by/);
    expectProblem(
      await system.as(PLANNER).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' }),
      404,
      'task-not-found',
    );
    expectProblem(await system.as(CLERK_B).get('/api/tasks?assignee=office:o-1'), 403, 'forbidden');
    expectProblem(
      await system.as(CLERK_B).post('/api/requests', { ...permit, intakeOffice: 'o-1' }),
      403,
      'forbidden',
    );

    const listB = await system.as(CLERK_B).get('/api/tasks');
    expect(listB.body.items.map((t: { trackingCode: string }) => t.trackingCode)).not.toContain(code);
    const listA = await eventually(async () => {
      const { body } = await system.as(CLERK_A).get('/api/tasks');
      return body.items.some((t: { taskId: string }) => t.taskId === taskId) ? body : undefined;
    });
    expect(
      listA.items.every((t: { assignee: { principal: string } }) => t.assignee.principal === 'office:o-1'),
    ).toBe(true);
    expect((await openTasksOf(code)).map((t) => t.taskId)).toEqual([taskId]);
    expect((await system.as(CLERK_A).get(`/api/requests/${code}`)).status).toBe(200);
  });

  test('when a clerk claims a task, then a colleague cannot complete it until it is given back', async () => {
    const { code, taskId } = await atOffice();
    const claimed = await system.as(CLERK_A).post(`/api/tasks/${taskId}/claim`, {});
    expect(claimed.status).toBe(200);
    expect(claimed.body.currentTasks[0].claimedBy).toBe('office:clerk-a');
    expectProblem(
      await system.as(CLERK_A2).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' }),
      409,
      'task-claimed',
    );
    expectProblem(await system.as(CLERK_A2).post(`/api/tasks/${taskId}/claim`, {}), 409, 'task-claimed');
    expectProblem(await system.as(CLERK_A2).post(`/api/tasks/${taskId}/return`, {}), 409, 'task-claimed');

    const mine = await eventually(async () => {
      const { body } = await system.as(CLERK_A).get('/api/tasks?view=mine');
      return body.items.some((t: { taskId: string }) => t.taskId === taskId) ? body : undefined;
    });
    expect(mine.items.every((t: { claimedBy: string }) => t.claimedBy === 'office:clerk-a')).toBe(true);
    const pool = await system.as(CLERK_A2).get('/api/tasks?view=pool');
    expect(pool.body.items.map((t: { taskId: string }) => t.taskId)).not.toContain(taskId);

    expect((await system.as(CLERK_A).post(`/api/tasks/${taskId}/return`, {})).status).toBe(200);
    const done = await system.as(CLERK_A2).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' });
    expect(done.status).toBe(200);
    const after = await system.as(CLERK_A2).get(done.body.href);
    expect(after.body.stepsDone.at(-1)).toEqual(
      expect.objectContaining({ step: 'intake', actor: 'office:clerk-a2' }),
    );
    expect(code).toBeDefined();
  });
});

describe('departments, designers and oversight', () => {
  test('when a department lists its work, then it sees its own department only; others are refused theirs', async () => {
    const { taskId } = await atOffice();
    await system.as(CLERK_A).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' });
    const review = await eventually(async () => {
      const { body } = await system.as(PLANNER).get('/api/tasks?step=review');
      return body.total > 0 ? body : undefined;
    });
    expect(
      review.items.every(
        (t: { assignee: { principal: string } }) => t.assignee.principal === 'department:d01.urban-planning',
      ),
    ).toBe(true);
    const other: Claims = {
      sub: 'planner-2',
      role: 'department',
      department: 'urban-planning',
      district: 'd02',
      roles: ['staff'],
    };
    const theirs = await system.as(other).get('/api/tasks?step=review');
    expect(theirs.body.items.map((t: { taskId: string }) => t.taskId)).not.toContain(review.items[0].taskId);
    expectProblem(
      await system.as(other).post(`/api/tasks/${review.items[0].taskId}/complete`, { outcome: 'approve' }),
      404,
      'task-not-found',
    );
  });

  test('when anyone but a designer publishes or rolls back a definition, then 403 and the catalog is unchanged', async () => {
    const before = (await system.as(null).get('/api/definitions/quick-permit/versions')).body.total;
    for (const who of [CLERK_A, PLANNER, MANAGER, INSPECTOR, ADMIN]) {
      const token = await system.token(who);
      const response = await fetch(`${system.url}/api/definitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/yaml', authorization: `Bearer ${token}` },
        body: 'id: quick-permit\n',
      });
      expect(response.status).toBe(403);
      expectProblem(
        await system.as(who).post('/api/definitions/quick-permit/rollback', { version: 1 }),
        403,
        'forbidden',
      );
    }
    expect((await system.as(null).get('/api/definitions/quick-permit/versions')).body.total).toBe(before);
  });

  test('when a designer, an office or a citizen asks for oversight, then 403; managers and inspectors read everything', async () => {
    const { code } = await atOffice();
    for (const who of [DESIGNER_ONLY, CLERK_A, PLANNER]) {
      expectProblem(await system.as(who).get('/api/sla/breaches'), 403, 'forbidden');
      expectProblem(await system.as(who).get('/api/audit'), 403, 'forbidden');
      expectProblem(await system.as(who).get('/api/reports/offices'), 403, 'forbidden');
    }
    expectProblem(await system.as(DESIGNER_ONLY).get(`/api/requests/${code}`), 403, 'forbidden');
    expectProblem(await system.as(ADMIN).get('/api/audit'), 403, 'forbidden');
    for (const who of [MANAGER, INSPECTOR]) {
      expect((await system.as(who).get(`/api/requests/${code}`)).status).toBe(200);
      expect((await system.as(who).get(`/api/requests/${code}/history`)).status).toBe(200);
      expect((await system.as(who).get('/api/sla/summary?by=office')).status).toBe(200);
      expect((await system.as(who).get('/api/audit')).status).toBe(200);
    }
  });

  test('when a manager reassigns a task with a reason, then it moves and the reason is kept; offices may not', async () => {
    const { code, taskId } = await atOffice();
    expectProblem(
      await system.as(CLERK_A).post(`/api/tasks/${taskId}/reassign`, { to: 'office:o-2', reason: 'busy' }),
      403,
      'forbidden',
    );
    expectProblem(
      await system.as(MANAGER).post(`/api/tasks/${taskId}/reassign`, { to: 'office:o-9', reason: 'busy' }),
      422,
      'office-not-eligible',
    );
    const moved = await system.as(MANAGER).post(`/api/tasks/${taskId}/reassign`, {
      to: 'office:o-2',
      reason: 'o-1 is closed for renovation',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.currentTasks[0].assignee.principal).toBe('office:o-2');
    expect(moved.body.currentTasks[0].moves[0].reason).toContain('o-1 is closed for renovation');
    const history = await system.as(MANAGER).get(`/api/requests/${code}/history`);
    expect(history.body.items.map((e: { note?: string }) => e.note ?? '').join('\n')).toContain(
      'moved by manager:test-manager: o-1 is closed for renovation',
    );
    expect((await system.as(CLERK_B).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' })).status).toBe(
      200,
    );
  });
});

describe('starting a request', () => {
  test('when a clerk starts a request, then the answer carries its first task, which can be completed at once; an applicant online is not shown it', async () => {
    const started = await system.as(CLERK_A).post('/api/requests', permit);
    expect(started.status).toBe(201);
    const [first] = started.body.currentTasks as { taskId: string; step: string }[];
    expect(first?.step).toBe('intake');
    const done = await system.as(CLERK_A).post(`/api/tasks/${first?.taskId}/complete`, { outcome: 'done' });
    expect(done.status).toBe(200);

    const online = await system.as(null).post('/api/requests', permit);
    expect(online.status).toBe(201);
    expect(online.body.currentTasks).toBeUndefined();
    const tasks = await openTasksOf(online.body.trackingCode as string);
    expect(tasks.length).toBeGreaterThan(0);
  });
});

describe('citizens', () => {
  test('when an applicant opens their request with its secret, then they see its public status and nothing else', async () => {
    const started = await system.as(null).post('/api/requests', permit);
    expect(started.status).toBe(201);
    const { trackingCode: code, secret } = started.body as { trackingCode: string; secret: string };
    const other = await atOffice();

    expectProblem(
      await system.as(null).post(`/api/requests/${code}/access`, { secret: 'guessed-secret-x' }),
      401,
      'wrong-secret',
    );
    expectProblem(
      await system.as(null).post(`/api/requests/${code}/access`, { secret: other.secret }),
      401,
      'wrong-secret',
    );
    const access = await system.as(null).post(`/api/requests/${code}/access`, { secret });
    expect(access.status).toBe(200);
    const citizen = {
      get: (path: string) =>
        fetch(`${system.url}${path}`, { headers: { authorization: `Bearer ${access.body.token}` } }),
    };

    const own = await citizen.get(`/api/requests/${code}`);
    expect(own.status).toBe(200);
    const view = (await own.json()) as Record<string, unknown>;
    expect(view.trackingCode).toBe(code);
    const text = JSON.stringify(view);
    for (const hidden of ['currentTasks', 'decision', 'routing', 'actor', 'principal', 'escalations', 'data'])
      expect(text).not.toContain(`"${hidden}"`);

    expect((await citizen.get(`/api/requests/${other.code}`)).status).toBe(404);
    expect((await citizen.get(`/api/requests/${code}/history`)).status).toBe(403);
    expect((await citizen.get('/api/tasks')).status).toBe(403);

    const withdrawn = await fetch(`${system.url}/api/requests/${other.code}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${access.body.token}` },
      body: JSON.stringify({ reason: 'not mine to withdraw' }),
    });
    expect(withdrawn.status).toBe(403);
    expect((await system.as(MANAGER).get(`/api/requests/${other.code}`)).body.state).toBe('active');
  });

  test('when a start is retried with the same Idempotency-Key, then one request is made; a different body is refused', async () => {
    const key = { 'idempotency-key': `start-${Date.now()}` };
    const first = await system.as(CLERK_A).post('/api/requests', permit, key);
    const again = await system.as(CLERK_A).post('/api/requests', permit, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    expect(again.body.secret).toBe(first.body.secret);
    const changed = await system
      .as(CLERK_A)
      .post('/api/requests', { ...permit, applicant: { name: 'Other' } }, key);
    expectProblem(changed, 422, 'idempotency-key-reused');
  });
});

describe('audit', () => {
  test('when state changes through the API, then each call leaves an entry managers read and nobody can edit', async () => {
    const { code, taskId } = await atOffice();
    await system.as(CLERK_B).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' });
    await system.as(CLERK_A).post(`/api/tasks/${taskId}/complete`, { outcome: 'done' });

    const { body } = await system.as(INSPECTOR).get(`/api/audit?trackingCode=${code}`);
    const entries = (
      body.items as {
        action: string;
        actor: { subject: string; role: string };
        result: { status: number; problem?: string };
        address: string;
        at: string;
      }[]
    )
      .map((e) => [e.action, e.actor.subject, e.actor.role, e.result.status, e.result.problem ?? ''])
      .reverse();
    expect(entries).toEqual([
      ['startRequest', 'office:clerk-a', 'office', 201, ''],
      ['completeTask', 'office:clerk-b', 'office', 404, 'task-not-found'],
      ['completeTask', 'office:clerk-a', 'office', 200, ''],
    ]);
    expect(body.items[0].address).toMatch(/127\.0\.0\.1/);

    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await fetch(`${system.url}/api/audit`, {
        method,
        headers: {
          authorization: `Bearer ${await system.token(MANAGER)}`,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(((await response.json()) as { type: string }).type).toBe('/problems/method-not-allowed');
    }
    const after = await system.as(MANAGER).get(`/api/audit?trackingCode=${code}`);
    expect(after.body.total).toBe(3);
    expect((await system.as(MANAGER).get('/api/audit/check')).body).toEqual(
      expect.objectContaining({ intact: true }),
    );
  });
});
