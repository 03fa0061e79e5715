/**
 * The work store's SQL, on the embedded database and on a PostgreSQL server: what a workflow
 * writes is what worklists, SLA lists, summaries, search, notifications and reports read; a
 * repeated or older write changes nothing.
 */
import { counterDifferences } from '../../store/rebuild';
import type { Queryable } from '../../store/database';
import { nationalIdHash } from '../../store/national-id';
import { listNotifications, markAllRead, markRead } from '../../store/notifications';
import { officeRecord, openLoad } from '../../store/office-work';
import { districtDomainGrid } from '../../store/district-grid';
import { backlog, breachesPer, onTime, stepTimes, throughput } from '../../store/reports';
import { searchRequests } from '../../store/request-search';
import { slaList, slaSummary } from '../../store/sla-lists';
import type { WorkStore } from '../../store/work-store';
import { worklist, type Reader } from '../../store/worklists';
import type { RequestRow, TaskRow, WorkChanges } from '../../workflows/work-rows';
import { openTestStore, storeKinds, TEST_NATIONAL_ID_KEY } from '../support/test-store';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-01T06:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
const t = (fa: string, en = fa) => ({ fa, en });

function request(code: string, extra: Partial<RequestRow> = {}): RequestRow {
  return {
    trackingCode: code,
    serviceId: 'building-permit-residential',
    serviceTitle: t('پروانه', 'Permit'),
    domain: 'urban-planning',
    definitionVersion: 1,
    district: 'd01',
    channel: 'office',
    intakeOffice: 'o-0101',
    office: 'o-0101',
    officeHow: 'walk-in',
    state: 'active',
    sla: 'ok',
    startedAt: at(0),
    endedAt: null,
    targetDeadline: at(200),
    statutoryDeadline: null,
    suspendedSince: null,
    receivedAt: null,
    ...extra,
  };
}

function task(code: string, n: number, extra: Partial<TaskRow> = {}): TaskRow {
  return {
    taskId: `${code}-${n}`,
    trackingCode: code,
    serviceId: 'building-permit-residential',
    district: 'd01',
    stepId: `step-${n}`,
    kind: 'task',
    title: t(`کار ${n}`, `Task ${n}`),
    holder: { principal: 'office:o-0101', title: t('دفتر', 'Office') },
    holderUnit: 'o-0101',
    holderDepartment: null,
    supervisor: 'head:d01.office-affairs',
    claimedBy: null,
    claimedAt: null,
    status: 'open',
    openedAt: at(n),
    closedAt: null,
    deadline: at(24 + n),
    originalDeadline: at(24 + n),
    atRiskAt: at(20 + n),
    statutoryDeadline: null,
    clock: 'working',
    sla: 'ok',
    breachedAt: null,
    breachedHolder: null,
    breachedUnit: null,
    escalationLevel: 0,
    onApplicant: false,
    outcome: null,
    actor: null,
    note: null,
    workingMinutes: null,
    ...extra,
  };
}

function holder(taskId: string, seq: number, principal: string, how: 'routed' | 'escalated') {
  return {
    taskId,
    seq,
    trackingCode: taskId.slice(0, 12),
    at: at(seq),
    holder: { principal, title: t(principal) },
    how,
    reason: how === 'routed' ? 'the office that took the request' : 'still open',
    decision: null,
  };
}

const departmentOf = (unit: string, role?: string) => ({
  principal: `department:${unit}${role ? `/${role}` : ''}`,
  title: t(unit),
});

describe.each(storeKinds())('the work store on the %s database', (kind) => {
  let store: WorkStore;
  let db: Queryable;
  const write = (changes: WorkChanges) => store.writer.write(changes);

  const clerk: Reader = {
    scope: { principals: ['office:o-0101'] },
    me: 'office:clerk',
    escalationTargets: [],
  };
  const reviewer: Reader = {
    scope: {
      principals: ['department:d01.urban-planning', 'department:d01.urban-planning/plan-reviewer'],
      agencies: { principals: ['agency:land-registry'], district: 'd01' },
    },
    me: 'department:reviewer',
    escalationTargets: [],
  };
  const head: Reader = {
    scope: { principals: ['department:d01.office-affairs', 'head:d01.office-affairs'] },
    me: 'department:head',
    escalationTargets: ['head:d01.office-affairs'],
  };
  const page = { page: 1, pageSize: 20 };

  beforeAll(async () => {
    store = await openTestStore(kind);
    db = store.db;
    // An office's request with a breached task, escalated to the district's office supervisor and
    // then reassigned to another office; a second request at the planning department; a third done.
    await write({
      trackingCode: '100000000001',
      revision: 1,
      request: request('100000000001', { sla: 'breached' }),
      nationalId: '0012345678',
      tasks: [
        task('100000000001', 1, {
          holder: { principal: 'office:o-0102', title: t('دفتر ۲', 'Office 2') },
          holderUnit: 'o-0102',
          sla: 'breached',
          breachedAt: at(25),
          breachedHolder: 'office:o-0101',
          breachedUnit: 'o-0101',
          escalationLevel: 2,
        }),
      ],
      holders: [
        holder('100000000001-1', 0, 'office:o-0101', 'routed'),
        holder('100000000001-1', 1, 'office:o-0102', 'escalated'),
      ],
      escalations: [
        {
          seq: 0,
          taskId: '100000000001-1',
          stepId: 'step-1',
          at: at(25),
          level: 1,
          action: 'supervisor',
          reason: 'the SLA passed',
          from: 'office:o-0101',
          to: { principal: 'head:d01.office-affairs', title: t('رئیس', 'Head') },
        },
        {
          seq: 1,
          taskId: '100000000001-1',
          stepId: 'step-1',
          at: at(40),
          level: 2,
          action: 'reassign',
          reason: 'still open',
          from: 'office:o-0101',
          to: { principal: 'office:o-0102', title: t('دفتر ۲', 'Office 2') },
        },
      ],
      notifications: [
        {
          id: '100000000001-n1',
          taskId: '100000000001-1',
          kind: 'sla-breach',
          recipient: 'head:d01.office-affairs',
          at: at(25),
          message: t('گذشته', 'past its SLA'),
        },
      ],
    });
    await write({
      trackingCode: '100000000002',
      revision: 1,
      request: request('100000000002', {
        intakeOffice: null,
        office: null,
        officeHow: null,
        channel: 'online',
      }),
      nationalId: '1111111111',
      tasks: [
        task('100000000002', 1, {
          holder: departmentOf('d01.urban-planning', 'plan-reviewer'),
          holderUnit: 'd01.urban-planning',
          holderDepartment: 'urban-planning',
          sla: 'at-risk',
          deadline: at(30),
        }),
        task('100000000002', 2, {
          holder: { principal: 'agency:land-registry', title: t('ثبت', 'Registry') },
          holderUnit: 'land-registry',
          deadline: at(28),
        }),
      ],
    });
    await write({
      trackingCode: '100000000003',
      revision: 2,
      request: request('100000000003', { state: 'completed', endedAt: at(50) }),
      tasks: [
        task('100000000003', 1, { status: 'done', closedAt: at(10), workingMinutes: 300, outcome: 'submit' }),
        task('100000000003', 2, {
          status: 'done',
          closedAt: at(50),
          workingMinutes: 600,
          outcome: 'approve',
        }),
      ],
      holders: [
        holder('100000000003-1', 0, 'office:o-0101', 'routed'),
        holder('100000000003-2', 0, 'office:o-0101', 'routed'),
      ],
    });
  });

  afterAll(async () => {
    await store.close();
  });

  test("when a clerk reads the office's worklist, then they see only their office's open work, counted", async () => {
    const list = await worklist(db, clerk, { page: 1, pageSize: 20 });
    expect(list.items).toEqual([]);
    expect(list.total).toBe(0);
    const other = await worklist(
      db,
      { ...clerk, scope: { principals: ['office:o-0102'] } },
      { page: 1, pageSize: 20 },
    );
    expect(other.items.map((i) => i.taskId)).toEqual(['100000000001-1']);
    expect(other.counts.bySla).toEqual({ ok: 0, 'at-risk': 0, breached: 1 });
    expect(other.items[0]?.escalatedTo).toEqual(['head:d01.office-affairs']);
  });

  test('when a reviewer reads the pool, then their role and the agencies of their district are in it, nearest deadline first', async () => {
    const list = await worklist(db, reviewer, { page: 1, pageSize: 20, view: 'pool' });
    expect(list.items.map((i) => i.taskId)).toEqual(['100000000002-2', '100000000002-1']);
    expect(list.counts).toEqual(
      expect.objectContaining({ total: 2, unclaimed: 2, nearingSla: 1, escalatedToMe: 0 }),
    );
    const elsewhere = await worklist(
      db,
      {
        ...reviewer,
        scope: { ...reviewer.scope, agencies: { principals: ['agency:land-registry'], district: 'd02' } },
      },
      { page: 1, pageSize: 20 },
    );
    expect(elsewhere.items.map((i) => i.taskId)).toEqual(['100000000002-1']);
  });

  test('when someone searches by national id or tracking code, then they find exactly that request', async () => {
    const byId = await worklist(db, reviewer, {
      page: 1,
      pageSize: 20,
      nationalIdHash: nationalIdHash(TEST_NATIONAL_ID_KEY, '1111111111'),
    });
    expect(byId.items.map((i) => i.trackingCode)).toEqual(['100000000002', '100000000002']);
    const found = await searchRequests(
      db,
      { everyone: true, principals: [] },
      {
        nationalIdHash: nationalIdHash(TEST_NATIONAL_ID_KEY, '۰۰۱۲۳۴۵۶۷۸'),
        ...page,
      },
    );
    expect(found.items.map((r) => r.trackingCode)).toEqual(['100000000001']);
    const mine = await searchRequests(db, { principals: ['office:o-0101'], office: 'o-0101' }, page);
    expect(mine.items.map((r) => r.trackingCode).sort()).toEqual(['100000000001', '100000000003']);
  });

  test('when a head reads what was escalated to them, then they see the task another office now holds', async () => {
    const list = await worklist(db, head, { page: 1, pageSize: 20, escalatedToMe: true });
    expect(list.items.map((i) => i.taskId)).toEqual(['100000000001-1']);
    expect((await worklist(db, head, page)).counts.escalatedToMe).toBe(1);
  });

  test('when a breach is listed and summed, then it counts against the office that held the task when it breached', async () => {
    const breaches = await slaList(db, 'breached', { office: 'o-0101' }, page);
    expect(breaches.items.map((i) => i.taskId)).toEqual(['100000000001-1']);
    expect(breaches.items[0]?.breachedHolder).toBe('office:o-0101');
    const byOffice = await slaSummary(db, 'office', {});
    expect(byOffice).toEqual([
      { key: 'o-0101', open: 0, atRisk: 0, breached: 1, escalated: 0 },
      { key: 'o-0102', open: 1, atRisk: 0, breached: 0, escalated: 1 },
    ]);
    expect((await slaList(db, 'at-risk', {}, page)).total).toBe(1);
    expect((await slaList(db, 'escalated', { escalatedTo: 'head:d01.office-affairs' }, page)).total).toBe(1);
    expect(await officeRecord(db, 'o-0101')).toEqual({ tasksDone: 2, tasks: 3, breached: 1 });
    expect(await openLoad(db, 'office:o-0102')).toBe(1);
  });

  test('when the same write comes again, or an older one, then nothing changes and no row moves backwards', async () => {
    const newer: WorkChanges = {
      trackingCode: '100000000002',
      revision: 5,
      request: request('100000000002', {
        channel: 'online',
        office: null,
        officeHow: null,
        intakeOffice: null,
      }),
      tasks: [
        task('100000000002', 1, {
          holder: departmentOf('d01.urban-planning', 'plan-reviewer'),
          holderUnit: 'd01.urban-planning',
          status: 'done',
          closedAt: at(29),
          outcome: 'approve',
        }),
      ],
    };
    await write(newer);
    await write(newer);
    await write({ ...newer, revision: 3, tasks: [task('100000000002', 1, { status: 'open' })] });
    const [row] = await db.query<{ status: string; revision: number }>(
      `SELECT status, revision FROM tasks WHERE task_id = '100000000002-1'`,
    );
    expect(row).toEqual({ status: 'done', revision: 5 });
    const [events] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications`);
    expect(events?.n).toBe(1);
  });

  test('when a head reads notifications, then they see what reached their unit, and reading marks it', async () => {
    const scope = { principals: ['head:d01.office-affairs'] };
    const before = await listNotifications(db, scope, 'head-1', { unreadOnly: false, ...page });
    expect(before).toEqual(expect.objectContaining({ total: 1, unread: 1 }));
    expect(await markRead(db, scope, 'head-1', '100000000001-n1')).toBe(true);
    expect(await markRead(db, { principals: ['office:o-0101'] }, 'clerk', '100000000001-n1')).toBe(false);
    const after = await listNotifications(db, scope, 'head-1', { unreadOnly: true, ...page });
    expect(after).toEqual(expect.objectContaining({ total: 0, unread: 0 }));
    // Read for one person of the unit is still unread for another.
    expect((await listNotifications(db, scope, 'head-2', { unreadOnly: true, ...page })).unread).toBe(1);
    expect(await markAllRead(db, scope, 'head-2')).toBe(1);
  });

  test('when tasks were opened, claimed, moved, breached and closed, then the counts the summaries read agree with the tasks', async () => {
    expect(await counterDifferences(db)).toEqual([]);
    // A deadline range (a district, for a worklist) makes them count the tasks themselves: both agree.
    const everything = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
    for (const by of ['office', 'department', 'service', 'district', 'step'] as const)
      for (const filter of [{}, { office: 'o-0101' }, { department: 'office-affairs' }, { district: 'd01' }])
        expect(await slaSummary(db, by, filter)).toEqual(
          await slaSummary(db, by, { ...filter, ...everything }),
        );
    const counted = await worklist(db, clerk, { view: 'all', page: 1, pageSize: 20 });
    const narrowed = await worklist(db, clerk, { view: 'all', page: 1, pageSize: 20, district: 'd01' });
    expect(counted.counts.bySla).toEqual(narrowed.counts.bySla);
  });

  test('when a counter was edited by hand, then the check names it, and a recount mends it', async () => {
    await db.query(
      `INSERT INTO open_task_counts_by_unit VALUES ('office', 'o-0999', '', '', '', 'ok', false, 2)`,
    );
    expect(await counterDifferences(db)).toEqual([
      { trackingCode: '', what: 'open tasks counted for o-0999 (ok)', temporal: 0, store: 2 },
    ]);
    expect(await slaSummary(db, 'office', {})).toContainEqual(
      expect.objectContaining({ key: 'o-0999', open: 2 }),
    );
    await db.query('SELECT recount_open_tasks()');
    expect(await counterDifferences(db)).toEqual([]);
  });

  test('when a manager asks for history, then time per step, on-time rate, breaches, throughput and backlog come out of it', async () => {
    const range = { from: at(-24), to: at(100) };
    const times = await stepTimes(db, undefined, range);
    expect(times.find((s) => s.stepId === 'step-2')?.workingHours).toEqual({ median: 10, p90: 10 });
    const rate = await onTime(db, 'office', range);
    expect(rate).toEqual(
      expect.arrayContaining([expect.objectContaining({ group: 'o-0101', tasksDone: 2, tasksOnTime: 1 })]),
    );
    const breaches = await breachesPer(db, 'day', 'office', range, 'Asia/Tehran');
    expect(breaches).toEqual([{ period: '2026-11-02', group: 'o-0101', count: 1 }]);
    const flow = await throughput(db, 'week', range, 'Asia/Tehran');
    // 1 November 2026 is a Sunday: its week in Tehran began on Saturday the 31st.
    expect(flow).toEqual([{ period: '2026-10-31', started: 3, finished: 1, completed: 1, rejected: 0 }]);
    expect(await backlog(db, 'week', range, 'Asia/Tehran')).toEqual([{ period: '2026-10-31', open: 2 }]);
  });
  test('when tasks closed and breached months apart, then a range over whole months counts them as the tasks do, and a late change is counted again', async () => {
    const code = '100000000009';
    const closed = (n: number, closedAt: string, extra: Partial<TaskRow> = {}) =>
      task(code, n, {
        serviceId: 'tree-cutting-permit',
        district: 'd02',
        status: 'done',
        openedAt: '2026-08-01T06:00:00Z',
        closedAt,
        deadline: '2026-12-01T00:00:00Z',
        ...extra,
      });
    const tasks = [
      closed(1, '2026-08-15T10:00:00Z'),
      closed(2, '2026-09-10T10:00:00Z', {
        breachedAt: '2026-09-09T10:30:00Z',
        breachedHolder: 'office:o-0101',
        breachedUnit: 'o-0101',
      }),
      // Either side of a month's start in UTC.
      closed(3, '2026-10-31T23:30:00Z'),
      closed(4, '2026-11-01T00:30:00Z'),
    ];
    const changes = {
      trackingCode: code,
      request: request(code, { serviceId: 'tree-cutting-permit', domain: 'urban-services', district: 'd02' }),
    };
    await write({ ...changes, revision: 1, tasks });
    // From 20 August to 20 November: September and October whole, the two ends from the tasks.
    const range = { from: '2026-08-20T00:00:00Z', to: '2026-11-20T00:00:00Z' };
    const cell = async () =>
      (await districtDomainGrid(db, range)).find(
        (c) => c.district === 'd02' && c.domain === 'urban-services',
      );
    expect(await cell()).toEqual({
      district: 'd02',
      domain: 'urban-services',
      breaches: 1,
      tasksDone: 3,
      tasksOnTime: 2,
    });
    const byDistrict = await onTime(db, 'district', range);
    const sum = (key: 'tasksDone' | 'tasksOnTime') => byDistrict.reduce((n, row) => n + row[key], 0);
    expect(await onTime(db, undefined, range)).toEqual([
      expect.objectContaining({ group: 'all', tasksDone: sum('tasksDone'), tasksOnTime: sum('tasksOnTime') }),
    ]);

    // A later write moves the deadline of the task closed on 31 October before its close.
    await write({
      ...changes,
      revision: 2,
      tasks: [closed(3, '2026-10-31T23:30:00Z', { deadline: '2026-10-30T00:00:00Z' })],
    });
    expect(await cell()).toEqual(expect.objectContaining({ tasksDone: 3, tasksOnTime: 1 }));
    expect(await counterDifferences(db)).toEqual([]);
  });
});
