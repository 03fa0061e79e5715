/**
 * Every kind of step the language has, run by the interpreter on a real Temporal server:
 * inquiries answered or timed out, parallel groups joining on all or any, automatic steps
 * that succeed or fail into an incident, notifications, roles, the same actor again, and a
 * task of the applicant that runs out.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

async function start(serviceId: string, data: Record<string, unknown> = {}) {
  const response = await system.post('/api/requests', {
    serviceId,
    district: 'd01',
    intakeOffice: 'o-1',
    applicant: { name: 'Maryam Rahimi', mobile: '09121112233' },
    data,
  });
  expect(response.status).toBe(201);
  return response.body.trackingCode as string;
}

async function status(code: string) {
  return (await system.get(`/api/requests/${code}`)).body;
}

async function openTask(code: string, step: string) {
  return eventually(async () =>
    (await status(code)).currentTasks.find((t: { step: string }) => t.step === step),
  );
}

async function complete(taskId: string, outcome: string, data?: Record<string, unknown>) {
  const response = await system.post(`/api/tasks/${taskId}/complete`, { outcome, ...(data ? { data } : {}) });
  expect(response.status).toBe(200);
  // The action answers where the request stands; the request in full is read where it points.
  return (await system.get(response.body.href)).body;
}

describe('step kinds', () => {
  test('when an agency stays silent past its term and the review approves, then the request runs to its end', async () => {
    const code = await start('every-kind', { area: 120 });
    const intake = await openTask(code, 'intake');
    let now = await complete(intake.taskId, 'done');
    const steps = now.currentTasks.map((t: { step: string }) => t.step).sort();
    expect(steps).toEqual(['plan-review', 'registry-inquiry']);
    const inquiry = now.currentTasks.find((t: { step: string }) => t.step === 'registry-inquiry');
    expect(inquiry.assignee.principal).toBe('agency:land-registry');
    const review = now.currentTasks.find((t: { step: string }) => t.step === 'plan-review');
    expect(review.assignee.principal).toBe('department:d01.urban-planning/plan-reviewer');
    // The role's tasks show in its department's worklist too.
    const worklist = await eventually(async () => {
      const { body } = await system.get('/api/tasks?assignee=department:d01.urban-planning');
      return body.items.find((item: { taskId: string }) => item.taskId === review.taskId);
    });
    expect(worklist.stepId).toBe('plan-review');

    // The registry says nothing: after its three-second term, silence counts as no objection.
    const answered = await eventually(async () => {
      const body = await status(code);
      return body.stepsDone.find((s: { step: string }) => s.step === 'registry-inquiry');
    });
    expect(answered).toEqual(expect.objectContaining({ outcome: 'no-objection', actor: 'system' }));
    expect(answered.note).toContain('no answer within the term');

    now = await complete(review.taskId, 'approve');
    // The group joined; the penalty was computed; the payment waits on the treasury.
    const payment = now.currentTasks[0];
    expect(payment.step).toBe('payment');
    expect(now.data.penalty).toBe(5000);
    expect(now.fees[0].amount).toBe(125_000);

    now = await complete(payment.taskId, 'paid', { receipt: 'R-1' });
    const handOver = now.currentTasks[0];
    expect(handOver.step).toBe('hand-over');
    expect(handOver.assignee.principal).toBe('office:o-1');
    expect(handOver.routing).toContain("the same as step 'intake'");
    expect(now.data.permitNumber).toMatch(new RegExp(`^P-14\\d\\d-${code}$`));

    now = await complete(handOver.taskId, 'done');
    expect(now.state).toBe('completed');
    const messages = (await system.notifications()).filter(
      (m) => m.kind === 'message' && m.trackingCode === code,
    );
    expect(messages.map((m) => m.to).sort()).toEqual([`applicant:${code}`, 'office:o-1']);
    expect(messages[0]?.message.en).toBe(`Permit ${String(now.data.permitNumber)} issued for ${code}`);
    expect(now.stepsDone.find((s: { step: string }) => s.step === 'inquiries').note).toBe(
      'finished: inquiries/registry, inquiries/review',
    );
  });

  test('when the agency objects, then the request is rejected and the open review is cancelled', async () => {
    const code = await start('every-kind', { area: 50 });
    const intake = await openTask(code, 'intake');
    const now = await complete(intake.taskId, 'done');
    const inquiry = now.currentTasks.find((t: { step: string }) => t.step === 'registry-inquiry');
    const review = now.currentTasks.find((t: { step: string }) => t.step === 'plan-review');

    const ended = await complete(inquiry.taskId, 'objection');
    expect(ended.state).toBe('rejected');
    expect(ended.currentTasks).toEqual([]);
    const refused = await system.post(`/api/tasks/${review.taskId}/complete`, { outcome: 'approve' });
    expect(refused.status).toBe(409);
  });

  test('when one branch of a join-any group is done, then the other branch is cancelled', async () => {
    const code = await start('first-answer');
    const office = await openTask(code, 'office-check');
    const department = await openTask(code, 'department-check');
    const ended = await complete(office.taskId, 'done');
    expect(ended.state).toBe('completed');
    expect(ended.stepsDone.find((s: { step: string }) => s.step === 'ask').note).toBe(
      'finished: ask/office; cancelled: ask/department',
    );
    await eventually(async () => {
      const { body } = await system.get('/api/tasks?assignee=department:d01.urban-planning');
      return body.items.some((item: { taskId: string }) => item.taskId === department.taskId)
        ? undefined
        : true;
    });
  });

  test('when an automatic step keeps failing, then the operations department gets an incident to skip it', async () => {
    const code = await start('failing-action', { area: 100, parts: 0 });
    const incident = await openTask(code, 'split');
    expect(incident.kind).toBe('incident');
    expect(incident.assignee.principal).toBe('department:ict');
    expect(incident.outcomes.map((o: { id: string }) => o.id)).toEqual(['retry', 'skip', 'cancel']);
    const ended = await complete(incident.taskId, 'skip');
    expect(ended.state).toBe('completed');
  });

  test('when a case or a fee cannot be evaluated, then operations may run it again, skip it, or cancel the request', async () => {
    const code = await start('failing-rules', { area: 100, parts: 0 });
    const first = await openTask(code, 'by-share');
    expect(first.kind).toBe('incident');
    expect(first.assignee.principal).toBe('department:ict');
    const failed = (await status(code)).stepsDone.find((s: { kind: string }) => s.kind === 'incident');
    expect(failed.note).toContain('division by zero');

    // Run again, the same data fails the same way: a new incident, not a request stuck.
    let now = await complete(first.taskId, 'retry');
    const second = now.currentTasks[0];
    expect(second).toEqual(expect.objectContaining({ step: 'by-share', kind: 'incident' }));
    expect(second.taskId).not.toBe(first.taskId);

    // Skipped, the branch takes its default: the dues, whose formula divides by zero too.
    now = await complete(second.taskId, 'skip');
    const fee = now.currentTasks[0];
    expect(fee).toEqual(expect.objectContaining({ step: 'pay-dues', kind: 'incident' }));
    now = await complete(fee.taskId, 'cancel');
    expect(now.state).toBe('cancelled');
    expect(now.currentTasks).toEqual([]);
    expect(now.stepsDone.at(-1)).toEqual(
      expect.objectContaining({ kind: 'incident', outcome: 'cancel', step: 'pay-dues' }),
    );
  });

  test('when the applicant does not bring a missing document in time, then the request expires', async () => {
    const code = await start('missing-documents');
    const intake = await openTask(code, 'intake');
    const now = await complete(intake.taskId, 'ask-applicant');
    expect(now.currentTasks[0].assignee.principal).toBe(`applicant:${code}`);
    const expired = await eventually(async () => {
      const body = await status(code);
      return body.state === 'expired' ? body : undefined;
    });
    expect(expired.currentTasks).toEqual([]);
    expect(expired.escalations).toEqual([]);
  });

  test('when a task stays open, then the ladder alerts the supervisor, reassigns it, and reaches the steering committee', async () => {
    const code = await start('ladder');
    const task = await openTask(code, 'intake');
    expect(task.assignee.principal).toBe('office:o-1');
    const climbed = await eventually(async () => {
      const body = await status(code);
      // Each rung is recorded at its instant and its target follows: wait for the targets.
      const settled = body.escalations.every((e: { pending?: boolean }) => !e.pending);
      return body.escalations.length === 3 && settled ? body : undefined;
    }, 25_000);
    expect(climbed.escalations.map((e: { action: string; level: number }) => [e.level, e.action])).toEqual([
      [1, 'supervisor'],
      [2, 'reassign'],
      [3, 'steering-committee'],
    ]);
    expect(climbed.escalations[0].to.principal).toBe('head:d01.office-affairs');
    expect(climbed.escalations[1]).toEqual(
      expect.objectContaining({
        from: expect.objectContaining({ principal: 'office:o-1' }),
        to: expect.objectContaining({ principal: 'office:o-2' }),
      }),
    );
    expect(climbed.escalations[2].to.principal).toBe('head:steering-committee');
    expect(climbed.currentTasks[0].assignee.principal).toBe('office:o-2');
    // The new office may complete it; the old one no longer holds it.
    const { body } = await system.get('/api/tasks?assignee=office:o-1');
    expect(body.items.some((item: { taskId: string }) => item.taskId === task.taskId)).toBe(false);
    expect((await complete(task.taskId, 'done')).state).toBe('completed');
  });
});
