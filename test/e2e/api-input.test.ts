/**
 * Bad input gets a clear RFC 9457 answer with the right status, no stack trace, and changes
 * nothing: no request is started, no task moves.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

const validStart = {
  serviceId: 'quick-permit',
  district: 'd01',
  intakeOffice: 'o-1',
  applicant: { name: 'A' },
  data: {},
};

function expectProblem(
  response: { status: number; contentType: string; body: unknown },
  status: number,
  type: string,
) {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({ type: `/problems/${type}`, status, title: expect.any(String) }),
  );
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('bad input to the API', () => {
  test('when starting requests with bad bodies, then each gets its problem and no request is started', async () => {
    const cases: [unknown, number, string][] = [
      ['{"serviceId": "quick-permit",', 400, 'malformed-json'],
      [{ ...validStart, serviceId: 42 }, 400, 'invalid-request'],
      [{ ...validStart, colour: 'red' }, 400, 'invalid-request'],
      [{ ...validStart, applicant: undefined }, 400, 'invalid-request'],
      [{ ...validStart, applicant: { name: 'A', nationalId: '12' } }, 400, 'invalid-request'],
      [{ ...validStart, serviceId: 'no-such-service' }, 422, 'unknown-service'],
      [{ ...validStart, district: 'd99' }, 422, 'unknown-district'],
      [{ ...validStart, district: 'd02', intakeOffice: 'o-2' }, 422, 'office-not-eligible'],
    ];
    for (const [body, status, type] of cases) {
      expectProblem(await system.post('/api/requests', body), status, type);
    }
    const unknownField = await system.post('/api/requests', { ...validStart, colour: 'red' });
    expect(unknownField.body.errors).toEqual([{ path: 'colour', message: 'unknown field' }]);

    const huge = await system.post('/api/requests', { ...validStart, data: { note: 'x'.repeat(300_000) } });
    expectProblem(huge, 413, 'payload-too-large');
    const wrongType = await fetch(`${system.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'serviceId=quick-permit',
    });
    expect(wrongType.status).toBe(415);

    await system.expectOnlyStarted();
  });

  test('when a number is too large to keep (1e400 reads as Infinity), then the start is refused and says which field', async () => {
    const clerk = system.as('office:o-1');
    const body = JSON.stringify({ ...validStart, serviceId: 'every-kind', data: { area: 0 } });
    for (const area of ['1e400', '-1e400']) {
      const refused = await clerk.post('/api/requests', body.replace('"area":0', `"area":${area}`));
      expectProblem(refused, 422, 'invalid-form-data');
      expect(refused.body.errors).toEqual([
        { path: 'area', message: "'area' is a number too large to keep" },
      ]);
    }
    const persian = await clerk.post('/api/requests', body.replace('"area":0', '"area":1e400'), {
      'accept-language': 'fa',
    });
    expect(persian.body.errors).toEqual([
      { path: 'area', message: '«area» عددی بزرگ‌تر از آن است که بتوان نگه داشت' },
    ]);
    await system.expectOnlyStarted();
  });

  test('when a body nests thousands of levels deep, then it is refused with 400 before anything runs', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const body = JSON.stringify({ ...validStart, data: { note: 'x' } }).replace('"x"', deep);
    const refused = await system.post('/api/requests', body);
    expectProblem(refused, 400, 'invalid-request');
    expect(refused.body.detail).toBe('The body nests deeper than 32 levels of objects and lists.');
    await system.expectOnlyStarted();
  });

  test('when the audit is searched for an actor with a NUL or another control character, then 400 says so and nothing fails', async () => {
    expectProblem(await system.get('/api/audit?actor=%3E%C2%8E%00%C3%9C'), 400, 'invalid-request');
    expectProblem(await system.get('/api/audit?actor=a%1Fb'), 400, 'invalid-request');
    expect((await system.get('/api/audit?actor=test-manager')).status).toBe(200);
  });

  test('when reading or completing what does not exist, then 400 or 404 says which', async () => {
    expectProblem(await system.get('/api/requests/123456789012'), 400, 'invalid-tracking-code');
    expectProblem(await system.get('/api/requests/100000000008'), 404, 'request-not-found');
    expectProblem(
      await system.post('/api/tasks/not-a-task/complete', { outcome: 'done' }),
      400,
      'invalid-task-id',
    );
    expectProblem(
      await system.post('/api/tasks/100000000008-1/complete', { outcome: 'done' }),
      404,
      'task-not-found',
    );
    expectProblem(await system.get('/api/nothing-here'), 404, 'not-found');
    expectProblem(await system.get('/api/tasks?sla=late'), 400, 'invalid-request');
    expectProblem(await system.get('/api/tasks?pageSize=1000'), 400, 'invalid-request');
    expectProblem(await system.get('/api/tasks?assignee=office:o-1%27%20OR%201=1'), 400, 'invalid-request');
    const described = await system.get('/problems/task-not-open');
    expect(described.body).toEqual({
      type: '/problems/task-not-open',
      title: 'The task is not open',
      status: 409,
    });
  });

  test('when a task is completed wrongly or twice, then it is refused and the request does not move', async () => {
    const started = await system.post('/api/requests', validStart);
    const code = started.body.trackingCode as string;
    const task = await eventually(
      async () => (await system.get(`/api/requests/${code}`)).body.currentTasks[0],
    );

    expectProblem(
      await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'approve' }),
      422,
      'outcome-not-allowed',
    );
    expectProblem(
      await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'done', data: { unexpected: 1 } }),
      422,
      'invalid-form-data',
    );
    expectProblem(
      await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'done', extra: 1 }),
      400,
      'invalid-request',
    );
    expectProblem(
      await system.post(`/api/tasks/${code}-99/complete`, { outcome: 'done' }),
      404,
      'task-not-found',
    );
    const unchanged = await system.get(`/api/requests/${code}`);
    expect(unchanged.body.currentTasks.map((t: { taskId: string }) => t.taskId)).toEqual([task.taskId]);
    expect(unchanged.body.stepsDone).toEqual([]);

    const done = await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'done' });
    expect(done.status).toBe(200);
    const again = await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'done' });
    expectProblem(again, 409, 'task-not-open');
    const after = await system.get(`/api/requests/${code}`);
    expect(after.body.stepsDone).toHaveLength(1);
    expect(after.body.currentTasks[0].step).toBe('review');

    // A request that has ended takes no more completions.
    const review = after.body.currentTasks[0];
    expect(
      (await system.post(`/api/tasks/${review.taskId}/complete`, { outcome: 'reject' })).body.state,
    ).toBe('rejected');
    expectProblem(
      await system.post(`/api/tasks/${review.taskId}/complete`, { outcome: 'approve' }),
      409,
      'request-not-active',
    );
  });
});
