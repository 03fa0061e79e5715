/**
 * A long request continues as new before its history grows large, carrying its whole record:
 * the loop counts, the journal, the open task, and what an idempotency key already did.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  // A history limit low enough that a few rounds of the loop fill it.
  system = await startHarness({
    servicesDir: fixture('services'),
    organisationDir: fixture('organisation'),
    continueAsNewAfter: 40,
  });
});

afterAll(async () => {
  await system.stop();
});

async function currentTask(code: string, step: string) {
  return eventually(async () => {
    const { body } = await system.get(`/api/requests/${code}`);
    return body.currentTasks.find((t: { step: string }) => t.step === step);
  });
}

describe('continue-as-new', () => {
  test('when a request loops long, then it continues as new and goes on with its whole record', async () => {
    const { body } = await system.post('/api/requests', {
      serviceId: 'long-loop',
      district: 'd01',
      intakeOffice: 'o-1',
      applicant: { name: 'Loop' },
      data: {},
    });
    const code = body.trackingCode as string;
    const keyed = (taskId: string, key: string, outcome: string, data?: Record<string, unknown>) =>
      system.post(
        `/api/tasks/${taskId}/complete`,
        { outcome, ...(data ? { data } : {}) },
        { 'idempotency-key': key },
      );

    let firstPrepare = '';
    for (let round = 1; round <= 6; round++) {
      const prepare = await currentTask(code, 'prepare');
      if (round === 1) firstPrepare = prepare.taskId as string;
      expect((await keyed(prepare.taskId, `prepare-${round}-key`, 'done', { round })).status).toBe(200);
      const check = await currentTask(code, 'check');
      expect((await keyed(check.taskId, `check-${round}-key`, 'return')).status).toBe(200);
    }
    const status = (await system.get(`/api/requests/${code}`)).body;
    expect(status.continuedAsNew).toBeGreaterThanOrEqual(2);
    expect(status.outcomeCounts).toEqual({ 'prepare/done': 6, 'check/return': 6 });
    expect(status.stepsDone).toHaveLength(12);
    expect(status.data.round).toBe(6);
    expect(status.currentTasks[0].taskId).toBe(`${code}-13`);

    // A completion retried with its key long after, across runs, changes nothing.
    const retried = await keyed(firstPrepare, 'prepare-1-key', 'done', { round: 1 });
    expect(retried.status).toBe(200);
    const after = (await system.get(`/api/requests/${code}`)).body;
    expect(after.stepsDone).toHaveLength(12);
    expect(after.data.round).toBe(6);

    const prepare = await currentTask(code, 'prepare');
    await system.post(`/api/tasks/${prepare.taskId}/complete`, { outcome: 'done' });
    const check = await currentTask(code, 'check');
    const ended = await system.post(`/api/tasks/${check.taskId}/complete`, { outcome: 'approve' });
    expect(ended.body.state).toBe('completed');
  });

  test('when a payment arrives while the request is continuing as new, then it is kept and the request moves on once', async () => {
    const { body } = await system.post('/api/requests', {
      serviceId: 'deadline-rules',
      district: 'd01',
      intakeOffice: 'o-1',
      applicant: { name: 'Payer' },
      data: {},
    });
    const code = body.trackingCode as string;
    // Enough history before the payment that the request continues as new as the bill waits.
    for (let i = 0; i < 3; i++) {
      const intake = await currentTask(code, 'intake');
      await system.post(`/api/requests/${code}/extensions`, {
        of: 'request',
        by: 'PT1S',
        reason: 'padding the history',
      });
      if (i === 2) {
        const completed = await system.post(`/api/tasks/${intake.taskId}/complete`, { outcome: 'complete' });
        const paying = (await system.get(completed.body.href)).body;
        expect(
          (
            await system.post(`/api/requests/${code}/payments`, {
              billId: paying.fees[0].billId,
              receipt: 'R-7',
            })
          ).status,
        ).toBe(200);
      }
    }
    const review = await currentTask(code, 'review');
    const status = (await system.get(`/api/requests/${code}`)).body;
    expect(status.continuedAsNew).toBeGreaterThanOrEqual(1);
    expect(status.fees).toEqual([expect.objectContaining({ status: 'paid', receipt: 'R-7' })]);
    expect(status.stepsDone.filter((s: { step: string }) => s.step === 'pay')).toHaveLength(1);
    expect(review.step).toBe('review');
  });
});
