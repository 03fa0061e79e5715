/**
 * The work store behind the API, on a real Temporal server and the embedded database: a
 * completion is in the worklists when its answer comes; a request is found by the applicant's
 * national id; a supervisor sees what was escalated to them, may open it, and is notified;
 * reports count what was done; a rebuild from Temporal reproduces the store, and the check then
 * finds no difference.
 */
import { staffClaimsFor } from '../../api/auth/staff-claims';
import type { Claims } from '../../api/auth/claims';
import { eventually, fixture, MANAGER, startHarness, type Harness } from '../support/harness';

let system: Harness;

const CLERK = 'office:o-1';
const REVIEWER = staffClaimsFor('department:d01.urban-planning/plan-reviewer');
const SUPERVISOR = staffClaimsFor('head:d01.office-affairs');
const ADMIN: Claims = { sub: 'test-admin', role: 'admin' };
const NATIONAL_ID = '0076543219';

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

const start = async (nationalId?: string) => {
  const started = await system.as(CLERK).post('/api/requests', {
    serviceId: 'quick-permit',
    district: 'd01',
    applicant: { name: 'Maryam Rahimi', ...(nationalId ? { nationalId } : {}) },
    data: {},
  });
  expect(started.status).toBe(201);
  return started.body.trackingCode as string;
};

/** The open task of a request in a worklist, once it is there. */
const taskIn = (who: Claims | string, code: string, query = '') =>
  eventually(async () => {
    const { body } = await system.as(who).get(`/api/tasks?pageSize=200${query}`);
    return body.items.find((item: { trackingCode: string }) => item.trackingCode === code);
  });

describe('the work store behind the API', () => {
  let permit: string;

  test('when a clerk completes intake, then the answer comes with the worklists already showing it', async () => {
    permit = await start(NATIONAL_ID);
    const intake = await taskIn(CLERK, permit);
    expect(intake).toEqual(
      expect.objectContaining({
        stepId: 'intake',
        service: { id: 'quick-permit', title: expect.objectContaining({ fa: 'مجوز سریع آزمایشی' }) },
        left: expect.objectContaining({ clock: 'working' }),
      }),
    );
    const done = await system.as(CLERK).post(`/api/tasks/${intake.taskId}/complete`, { outcome: 'done' });
    expect(done.status).toBe(200);
    // No waiting: the store was written before the completion was answered.
    const clerk = await system.as(CLERK).get('/api/tasks?pageSize=200');
    expect(clerk.body.items.map((item: { taskId: string }) => item.taskId)).not.toContain(intake.taskId);
    const pool = await system.as(REVIEWER).get('/api/tasks?view=pool&pageSize=200');
    const review = pool.body.items.find((item: { trackingCode: string }) => item.trackingCode === permit);
    expect(review).toEqual(expect.objectContaining({ stepId: 'review', sla: 'ok' }));
    expect(pool.body.counts.unclaimed).toBeGreaterThanOrEqual(1);
  });

  test("when someone searches for the applicant's national id, then they find the request, and no one else's", async () => {
    const found = await system.as(MANAGER).get(`/api/requests?q=${NATIONAL_ID}`);
    expect(found.body.items.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([permit]);
    expect(found.body.items[0].currentSteps).toEqual([expect.objectContaining({ stepId: 'review' })]);
    const tasks = await system.as(REVIEWER).get(`/api/tasks?q=${NATIONAL_ID}`);
    expect(tasks.body.items.map((t: { trackingCode: string }) => t.trackingCode)).toEqual([permit]);
    expect((await system.as(MANAGER).get('/api/requests?q=0011111111')).body.total).toBe(0);
  });

  test('when an intake stalls past its SLA, then the supervisor it is escalated to sees it, may open it, and is notified', async () => {
    const stalled = await start();
    const escalated = await taskIn(SUPERVISOR, stalled, '&escalated=mine');
    expect(escalated).toEqual(
      expect.objectContaining({
        sla: 'breached',
        escalatedTo: ['head:d01.office-affairs'],
        stepId: 'intake',
      }),
    );
    const list = await system.as(SUPERVISOR).get('/api/tasks');
    expect(list.body.counts.escalatedToMe).toBeGreaterThanOrEqual(1);
    expect((await system.as(SUPERVISOR).get(`/api/requests/${stalled}`)).status).toBe(200);
    // Someone of another unit is told no such request exists.
    expect((await system.as(REVIEWER).get(`/api/requests/${stalled}`)).status).toBe(404);

    const notices = await eventually(async () => {
      const { body } = await system.as(SUPERVISOR).get('/api/notifications?unread=true');
      const breach = body.items.find(
        (n: { kind: string; trackingCode: string }) => n.kind === 'sla-breach' && n.trackingCode === stalled,
      );
      return breach ? body : undefined;
    });
    const breach = notices.items.find((n: { trackingCode: string }) => n.trackingCode === stalled);
    expect(breach.message.fa).toContain('از مهلت گذشته');
    expect((await system.as(SUPERVISOR).post(`/api/notifications/${breach.id}/read`, {})).status).toBe(204);
    const after = await system.as(SUPERVISOR).get('/api/notifications?unread=true');
    expect(after.body.unread).toBe(notices.unread - 1);
    expect((await system.as(REVIEWER).post(`/api/notifications/${breach.id}/read`, {})).status).toBe(404);
  });

  test('when the review is approved, then the reports count the steps done and the request finished', async () => {
    const review = await taskIn(REVIEWER, permit);
    expect(
      (await system.as(REVIEWER).post(`/api/tasks/${review.taskId}/complete`, { outcome: 'approve' })).status,
    ).toBe(200);
    const times = await system.as(MANAGER).get('/api/reports/step-times?by=district');
    const steps = times.body.items.filter((s: { serviceId: string }) => s.serviceId === 'quick-permit');
    expect(
      steps.map((s: { stepId: string; group: string; done: number }) => [s.stepId, s.group, s.done]),
    ).toEqual([
      ['intake', 'd01', 1],
      ['review', 'd01', 1],
    ]);
    expect(steps[0].stepTitle).toEqual(expect.objectContaining({ en: 'Intake' }));
    const flow = await system.as(MANAGER).get('/api/reports/throughput?period=day');
    const today = flow.body.items.at(-1);
    expect(today).toEqual(expect.objectContaining({ started: 2, finished: 1, completed: 1 }));
    const onTime = await system.as(MANAGER).get('/api/reports/on-time?by=office');
    expect(onTime.body.items).toEqual([
      expect.objectContaining({ group: 'o-1', tasksDone: 1, tasksOnTime: 1 }),
    ]);
    const summary = await system.as(MANAGER).get('/api/sla/summary?by=office');
    expect(summary.body.groups).toEqual([
      expect.objectContaining({
        key: 'o-1',
        breached: 1,
        title: expect.objectContaining({ en: expect.any(String) }),
      }),
    ]);
  });

  test('when the store is emptied and rebuilt from Temporal, then it holds what it held, and the check finds no difference', async () => {
    const tables = ['requests', 'tasks', 'task_holders', 'request_events', 'escalations', 'notifications'];
    const dump = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => {
            const rows = await system.store.db.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
            // The rebuild writes every row at the workflow's latest revision: bookkeeping, not content.
            const plain = rows.map(({ written_at: _w, revision: _r, ...row }) => JSON.stringify(row)).sort();
            return [table, plain] as const;
          }),
        ),
      );
    const before = await dump();
    expect(before.requests).toHaveLength(2);
    expect((await system.as(ADMIN).get('/api/admin/store/check')).body.differences).toEqual([]);

    await system.store.db.query(
      'TRUNCATE notification_reads, notifications, escalations, request_events, task_holders, tasks, requests CASCADE',
    );
    expect((await system.as(MANAGER).get('/api/sla/summary?by=office')).body.groups).toEqual([]);
    const check = await system.as(ADMIN).get('/api/admin/store/check');
    expect(check.body.differences.map((d: { what: string }) => d.what).sort()).toEqual([
      'missing request',
      'missing request',
    ]);

    const rebuilt = await system.as(ADMIN).post('/api/admin/store/rebuild', {});
    expect(rebuilt.body).toEqual({ requests: 2, written: 2, failed: [] });
    expect(await dump()).toEqual(before);
    expect((await system.as(ADMIN).get('/api/admin/store/check')).body).toEqual(
      expect.objectContaining({ checked: 2, differences: [], unreadable: [] }),
    );
    expect((await system.as(MANAGER).post('/api/admin/store/rebuild', {})).status).toBe(403);
  });
});
