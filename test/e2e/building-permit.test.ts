/**
 * The residential building permit, from a citizen's request to the issued permit, through the
 * API on a real Temporal server, with the shipped definition and organisation.
 */
import { eventually, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

const applicant = { name: 'Sara Ahmadi', nationalId: '0012345678', mobile: '09121234567' };

async function startPermit(data: Record<string, unknown>) {
  const response = await system.post('/api/requests', {
    serviceId: 'building-permit-residential',
    district: 'd01',
    intakeOffice: 'o-0101',
    applicant,
    data,
  });
  expect(response.status).toBe(201);
  return response.body.trackingCode as string;
}

/** The one open task of a request once it is there. */
async function openTask(trackingCode: string, step: string) {
  return eventually(async () => {
    const { body } = await system.get(`/api/requests/${trackingCode}`);
    return body.currentTasks?.find((task: { step: string }) => task.step === step);
  });
}

async function complete(taskId: string, outcome: string, data?: Record<string, unknown>) {
  const response = await system.post(`/api/tasks/${taskId}/complete`, { outcome, ...(data ? { data } : {}) });
  expect(response.status).toBe(200);
  // The action answers where the request stands; its full status is read where the answer points.
  expect(response.body.href).toBe(`/api/requests/${response.body.trackingCode}`);
  return (await system.get(response.body.href)).body;
}

describe('residential building permit', () => {
  test('when every step is completed, then the permit is issued with the dues paid into the treasury', async () => {
    const code = await startPermit({ parcel: '1234/56', area: 420, floors: 4, units: 8 });
    expect(code).toMatch(/^\d{12}$/);

    const intake = await openTask(code, 'intake');
    expect(intake.assignee.principal).toBe('office:o-0101');
    expect(intake.deadline.jalali).toMatch(/^14\d\d\/\d\d\/\d\d \d\d:\d\d$/);
    const worklist = await eventually(async () => {
      const { body } = await system.get('/api/tasks?assignee=office:o-0101');
      return body.items.find((item: { taskId: string }) => item.taskId === intake.taskId);
    });
    expect(worklist.trackingCode).toBe(code);

    let status = await complete(intake.taskId, 'submit', { documentsComplete: true });
    // Four floors and 420 m2: the branch skips the technical committee.
    expect(status.currentTasks).toHaveLength(1);
    const review = status.currentTasks[0];
    expect(review.step).toBe('plan-review');
    expect(review.assignee.principal).toBe('department:d01.urban-planning');

    status = await complete(review.taskId, 'approve');
    const dues = status.currentTasks[0];
    expect(dues.assignee.principal).toBe('department:d01.finance');

    status = await complete(dues.taskId, 'done', { landValue: 50_000_000 });
    const payment = status.currentTasks[0];
    expect(payment.step).toBe('payment');
    expect(payment.assignee.principal).toBe('department:treasury');
    expect(status.fees).toEqual([
      expect.objectContaining({ feeId: 'permit-dues', amount: 21_000_000_000, status: 'due' }),
    ]);

    status = await complete(payment.taskId, 'paid', { receipt: 'TRX-778812' });
    expect(status.fees[0]).toEqual(expect.objectContaining({ status: 'paid', receipt: 'TRX-778812' }));
    const issuance = status.currentTasks[0];

    status = await complete(issuance.taskId, 'issue', { permitNumber: '1405-01-00042' });
    expect(status.state).toBe('completed');
    expect(status.currentTasks).toEqual([]);
    expect(status.endedAt.at).toBeDefined();
    expect(status.stepsDone.map((s: { step: string }) => s.step)).toEqual([
      'intake',
      'route-by-size',
      'plan-review',
      'dues-assessment',
      'payment',
      'permit-issuance',
      'issued',
    ]);
    const done = status.stepsDone.find((s: { step: string }) => s.step === 'plan-review');
    expect(done).toEqual(
      expect.objectContaining({ outcome: 'approve', actor: 'department:staff-d01.urban-planning-staff' }),
    );
    expect(status.data.permitNumber).toBe('1405-01-00042');

    // A finished request stays readable.
    const later = await system.get(`/api/requests/${code}`);
    expect(later.body.state).toBe('completed');
  });

  test('when the building has more than five floors, then the district technical committee reviews it first', async () => {
    const code = await startPermit({ parcel: '99/1', area: 800, floors: 7, units: 14 });
    const intake = await openTask(code, 'intake');
    const status = await complete(intake.taskId, 'submit', { documentsComplete: true });
    expect(status.currentTasks[0].step).toBe('technical-committee');
    expect(status.currentTasks[0].assignee.principal).toBe('department:d01.technical');
    const branch = status.stepsDone.find((s: { step: string }) => s.step === 'route-by-size');
    expect(branch.note).toContain('floors > 5 || area > 1000');

    const rejected = await complete(status.currentTasks[0].taskId, 'reject');
    expect(rejected.state).toBe('rejected');
  });

  test('when the plan review returns the file, then it goes back to the office, at most twice', async () => {
    const code = await startPermit({ parcel: '7/7', area: 300, floors: 3, units: 3 });
    let task = await openTask(code, 'intake');
    for (let round = 1; round <= 2; round++) {
      let status = await complete(task.taskId, 'submit', { documentsComplete: true });
      const review = status.currentTasks[0];
      expect(review.outcomes.map((o: { id: string }) => o.id)).toEqual(['approve', 'reject', 'return']);
      status = await complete(review.taskId, 'return');
      expect(status.currentTasks[0].step).toBe('intake');
      expect(status.currentTasks[0].assignee.principal).toBe('office:o-0101');
      expect(status.outcomeCounts['plan-review/return']).toBe(round);
      task = status.currentTasks[0];
    }

    const status = await complete(task.taskId, 'submit', { documentsComplete: true });
    const review = status.currentTasks[0];
    // Returned twice already: the third time the reviewer must decide.
    expect(review.outcomes.map((o: { id: string }) => o.id)).toEqual(['approve', 'reject']);
    const refused = await system.post(`/api/tasks/${review.taskId}/complete`, { outcome: 'return' });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('/problems/outcome-not-allowed');

    const after = await system.get(`/api/requests/${code}`);
    expect(after.body.currentTasks.map((t: { taskId: string }) => t.taskId)).toEqual([review.taskId]);
    expect(after.body.outcomeCounts['plan-review/return']).toBe(2);
  });
});
