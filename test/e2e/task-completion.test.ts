/**
 * Completing a task goes through the workflow's update, whose validator refuses, before
 * anything is written, an actor who does not hold the task and data that does not fit the
 * step's form; a retried completion with the same idempotency key answers as the first did.
 */
import { eventually, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

async function permitAt(step: string) {
  const { body } = await system.post('/api/requests', {
    serviceId: 'building-permit-residential',
    district: 'd02',
    intakeOffice: 'o-0201',
    applicant: { name: 'Ali Moradi' },
    data: { parcel: '55/2', area: 180, floors: 2, units: 2 },
  });
  const code = body.trackingCode as string;
  const intake = await eventually(
    async () => (await system.get(`/api/requests/${code}`)).body.currentTasks[0],
  );
  let status = (
    await system.post(`/api/tasks/${intake.taskId}/complete`, {
      outcome: 'submit',
      data: { documentsComplete: true },
    })
  ).body;
  if (step === 'dues-assessment') {
    status = (
      await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, { outcome: 'approve' })
    ).body;
  }
  expect(status.currentTasks[0].step).toBe(step);
  return { code, task: status.currentTasks[0] };
}

describe('task completion', () => {
  test('when someone of another district completes a task, then it is not found for them, and its holder completes it', async () => {
    const { code, task } = await permitAt('plan-review');
    const refused = await system
      .as('department:d01.urban-planning')
      .post(`/api/tasks/${task.taskId}/complete`, { outcome: 'approve' });
    // A task the caller may not see answers as a task that does not exist: nothing about its holder.
    expect(refused.status).toBe(404);
    expect(refused.body.type).toBe('/problems/task-not-found');
    expect(JSON.stringify(refused.body)).not.toContain('d02');
    const accepted = await system
      .as({
        sub: 'f.hosseini',
        role: 'department',
        department: 'urban-planning',
        district: 'd02',
        roles: ['staff'],
      })
      .post(`/api/tasks/${task.taskId}/complete`, { outcome: 'approve' });
    expect(accepted.status).toBe(200);
    const done = (await system.get(`/api/requests/${code}`)).body.stepsDone.find(
      (s: { step: string }) => s.step === 'plan-review',
    );
    expect(done.actor).toBe('department:f.hosseini');
  });

  test('when the data does not fit the form, then the workflow refuses it and nothing moves', async () => {
    const { code, task } = await permitAt('dues-assessment');
    const refused = await system.post(`/api/tasks/${task.taskId}/complete`, {
      outcome: 'done',
      data: { landValue: -5 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('/problems/invalid-form-data');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'landValue', message: expect.stringContaining('landValue') }),
    ]);
    const missing = await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'done', data: {} });
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'landValue' })]);
    const after = await system.get(`/api/requests/${code}`);
    expect(after.body.currentTasks.map((t: { taskId: string }) => t.taskId)).toEqual([task.taskId]);
    expect(after.body.data.landValue).toBeUndefined();
  });

  test('when a completion is retried with the same idempotency key, then the first answer comes back and nothing changes twice', async () => {
    const { code, task } = await permitAt('plan-review');
    const send = () =>
      system.post(
        `/api/tasks/${task.taskId}/complete`,
        { outcome: 'approve' },
        { 'idempotency-key': 'retry-7a9b3c21' },
      );
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const after = await system.get(`/api/requests/${code}`);
    expect(after.body.stepsDone.filter((s: { step: string }) => s.step === 'plan-review')).toHaveLength(1);
    // Without the key, the same call is a second completion, which the task refuses.
    const again = await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'approve' });
    expect(again.status).toBe(409);
  });

  test('when the completion that ended a request is retried with the same idempotency key, then the request as it ended comes back', async () => {
    const { task } = await permitAt('plan-review');
    const send = () =>
      system.post(
        `/api/tasks/${task.taskId}/complete`,
        { outcome: 'reject' },
        { 'idempotency-key': 'retry-ended-5d1e' },
      );
    const first = await send();
    const second = await send();
    expect([first.status, first.body.state]).toEqual([200, 'rejected']);
    expect([second.status, second.body]).toEqual([200, first.body]);
    // Another key is another completion, which the ended request refuses.
    const other = await system.post(
      `/api/tasks/${task.taskId}/complete`,
      { outcome: 'reject' },
      { 'idempotency-key': 'another-key-9c2f' },
    );
    expect([other.status, other.body.type]).toEqual([409, '/problems/request-not-active']);
  });
});
