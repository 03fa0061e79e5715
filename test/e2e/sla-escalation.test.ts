/**
 * An office step that stalls past its SLA: the request is marked breached, escalated to the
 * supervisor the organisation names, listed among the breaches, and the supervisor notified.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

describe('SLA breach and escalation', () => {
  test('when an office task passes its SLA, then it is breached and escalated to the office supervisor', async () => {
    const started = await system.post('/api/requests', {
      serviceId: 'quick-permit',
      district: 'd02',
      intakeOffice: 'o-1',
      applicant: { name: 'Reza Karimi' },
      data: {},
    });
    expect(started.status).toBe(201);
    const code = started.body.trackingCode as string;

    const escalated = await eventually(async () => {
      const { body } = await system.get(`/api/requests/${code}`);
      return body.escalations.length > 0 ? body : undefined;
    }, 20_000);
    const [escalation] = escalated.escalations;
    expect(escalation).toEqual(
      expect.objectContaining({
        level: 1,
        stepId: 'intake',
        from: expect.objectContaining({ principal: 'office:o-1' }),
        to: expect.objectContaining({ principal: 'head:d02.office-affairs' }),
      }),
    );
    expect(escalation.reason).toContain('SLA');
    expect(escalated.sla).toBe('breached');
    const task = escalated.currentTasks[0];
    expect(task).toEqual(expect.objectContaining({ step: 'intake', sla: 'breached', escalationLevel: 1 }));

    const breaches = await eventually(async () => {
      const { body } = await system.get('/api/sla/breaches');
      return body.items.find((item: { taskId: string }) => item.taskId === task.taskId);
    });
    expect(breaches).toEqual(
      expect.objectContaining({
        trackingCode: code,
        stepId: 'intake',
        escalatedTo: ['head:d02.office-affairs'],
      }),
    );
    expect(breaches.lateBy.ms).toBeGreaterThanOrEqual(0);
    const forSupervisor = await system.get('/api/sla/breaches?escalatedTo=head:d02.office-affairs');
    expect(forSupervisor.body.items.map((item: { taskId: string }) => item.taskId)).toContain(task.taskId);

    // The notices follow the escalation, in a workflow task of their own.
    const notices = await eventually(async () => {
      const sent = await system.notifications();
      return sent.some((n) => n.kind === 'sla-breach') ? sent : undefined;
    });
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'sla-reminder', to: 'office:o-1', taskId: task.taskId }),
        expect.objectContaining({ kind: 'sla-breach', to: 'head:d02.office-affairs', taskId: task.taskId }),
      ]),
    );

    // Once the office completes it, the task leaves the breach list; the record stays.
    const completed = await system.post(`/api/tasks/${task.taskId}/complete`, { outcome: 'done' });
    expect(completed.status).toBe(200);
    expect(completed.body.currentTasks[0].step).toBe('review');
    await eventually(async () => {
      const { body } = await system.get('/api/sla/breaches');
      return body.items.some((item: { taskId: string }) => item.taskId === task.taskId) ? undefined : true;
    });
    const after = await system.get(`/api/requests/${code}`);
    expect(after.body.escalations).toHaveLength(1);
  });

  test('when a task is completed within its SLA, then nothing is escalated', async () => {
    const started = await system.post('/api/requests', {
      serviceId: 'quick-permit',
      district: 'd01',
      applicant: { name: 'Online applicant' },
      data: {},
    });
    const code = started.body.trackingCode as string;
    const status = await eventually(async () => {
      const { body } = await system.get(`/api/requests/${code}`);
      return body.currentTasks.length > 0 ? body : undefined;
    });
    // Started online: an eligible office is chosen by the stated rule, and the choice recorded.
    expect(['office:o-1', 'office:o-2']).toContain(status.currentTasks[0].assignee.principal);
    expect(status.currentTasks[0].routing).toMatch(/^by the rule: /);
    expect(status.currentTasks[0].decision.candidates.map((c: { office: string }) => c.office)).toEqual([
      'o-1',
      'o-2',
    ]);
    const done = await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, {
      outcome: 'done',
    });
    expect(done.body.currentTasks[0].sla).toBe('ok');
    expect((await system.get(done.body.href)).body.escalations).toEqual([]);
  });
});
