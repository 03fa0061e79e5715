/**
 * A request received before it was registered (paper intake during an outage, or work taken
 * over from an earlier system), on a real Temporal server with the shipped catalog and
 * organisation: its time counts from receipt, so it comes in already past its SLA and climbs
 * the rungs whose time has passed; once someone acts, new work counts from then. A receipt
 * that cannot be is refused and starts nothing.
 */
import { eventually, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

const DAY = 86_400_000;

const permit = (extra: Record<string, unknown>) => ({
  serviceId: 'building-permit-residential',
  district: 'd01',
  intakeOffice: 'o-0101',
  applicant: { name: 'Maryam Rahimi' },
  data: { parcel: '1234/56', area: 300, floors: 3, units: 3 },
  ...extra,
});

describe('a request registered after it was received', () => {
  test('when it was received three weeks ago, then it comes in past its SLA and escalated up the ladder at once', async () => {
    const receivedAt = new Date(Date.now() - 21 * DAY).toISOString();
    const started = await system.post(
      '/api/requests',
      permit({ received: { at: receivedAt, reason: 'paper intake during the network outage' } }),
    );
    expect(started.status).toBe(201);
    const code = started.body.trackingCode as string;

    // The default ladder: supervisor at the breach, reassignment two working days later, the
    // steering committee five: all of them passed long ago.
    const escalated = await eventually(async () => {
      const { body } = await system.get(`/api/requests/${code}`);
      const settled = body.escalations.every((e: { pending?: boolean }) => !e.pending);
      return body.escalations.length >= 3 && settled ? body : undefined;
    }, 20_000);
    expect(escalated.startedAt.at).toBe(receivedAt);
    expect(escalated.received).toEqual(
      expect.objectContaining({
        at: expect.objectContaining({ at: receivedAt }),
        reason: 'paper intake during the network outage',
        by: expect.stringContaining('o-0101'),
      }),
    );
    expect(Date.parse(escalated.received.registeredAt.at)).toBeGreaterThan(Date.parse(receivedAt));
    expect(escalated.sla).toBe('breached');
    expect(escalated.escalations.map((e: { action: string }) => e.action)).toEqual([
      'supervisor',
      'reassign',
      'steering-committee',
    ]);
    const [intake] = escalated.currentTasks;
    expect(intake).toEqual(expect.objectContaining({ step: 'intake', sla: 'breached', escalationLevel: 3 }));
    expect(intake.openedAt.at).toBe(receivedAt);
    expect(intake.assignee.principal).not.toBe('office:o-0101');
    // The request's own target is thirty working days from receipt, not from registration.
    expect(Date.parse(escalated.deadlines.target.at)).toBeLessThan(Date.now() + 30 * DAY);

    const breach = await eventually(async () => {
      const { body } = await system.get('/api/sla/breaches');
      return body.items.find((item: { taskId: string }) => item.taskId === intake.taskId);
    });
    expect(breach.lateBy.ms).toBeGreaterThan(5 * DAY);

    // Once someone acts, the next work counts from now.
    const done = await system.post(`/api/tasks/${intake.taskId}/complete`, {
      outcome: 'submit',
      data: { documentsComplete: true },
    });
    expect(done.status).toBe(200);
    const next = done.body.currentTasks[0];
    expect(next.sla).toBe('ok');
    expect(Date.parse(next.openedAt.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  test('when the receipt is in the future, too long ago, or claimed by an applicant online, then it is refused and nothing starts', async () => {
    const future = await system.post(
      '/api/requests',
      permit({ received: { at: new Date(Date.now() + DAY).toISOString(), reason: 'typed the wrong day' } }),
      { 'idempotency-key': 'late-registration-future' },
    );
    expect(future.status).toBe(422);
    expect(future.body.type).toBe('/problems/invalid-received-time');

    const tooOld = await system.post(
      '/api/requests',
      permit({ received: { at: new Date(Date.now() - 400 * DAY).toISOString(), reason: 'an old file' } }),
    );
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.detail).toContain('366 days');

    const online = await system.as(null).post('/api/requests', {
      serviceId: 'citizen-complaint',
      district: 'd01',
      applicant: { name: 'Maryam Rahimi' },
      data: { subject: 'lighting', description: 'The street lights have been out for a week.' },
      received: { at: new Date(Date.now() - DAY).toISOString(), reason: 'I wrote in yesterday' },
    });
    expect(online.status).toBe(403);

    // The refused call with an idempotency key left nothing behind: the same key starts afresh.
    const retried = await system.post('/api/requests', permit({}), {
      'idempotency-key': 'late-registration-future',
    });
    expect(retried.status).toBe(201);
  });
});
