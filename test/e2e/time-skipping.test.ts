/**
 * Deadlines of days and weeks on the real city calendar (Saturday to Wednesday, 07:00-14:00,
 * Asia/Tehran, the official holidays), on the time-skipping test server: weeks pass in seconds.
 */
import { isWorkingDay } from '../../lib/calendar/working-time';
import { eventually } from '../support/harness';
import { startTimeSkipping, type SkippingSystem } from '../support/time-skipping';
import { workflowIdOf } from '../../lib/tracking-code';
import {
  completeTaskUpdate,
  extendDeadlineUpdate,
  resumeClockUpdate,
  suspendClockUpdate,
} from '../../workflows/messages';
import type { CompleteTaskInput, RequestStatus } from '../../workflows/types';

let system: SkippingSystem;

beforeAll(async () => {
  system = await startTimeSkipping();
});

afterAll(async () => {
  await system?.stop();
});

const HOUR = 3_600_000;

/** Lets server time pass until just before or after an instant. */
async function skipTo(instant: string, offsetMs: number) {
  const wait = Date.parse(instant) + offsetMs - (await system.env.currentTimeMs());
  if (wait > 0) await system.env.sleep(wait);
}

/** Completes a task; answers the request's full status after it (the update answers a summary). */
async function complete(code: string, command: CompleteTaskInput): Promise<RequestStatus> {
  await system.env.client.workflow
    .getHandle(workflowIdOf(code))
    .executeUpdate(completeTaskUpdate, { args: [command] });
  return system.status(code);
}

function statusWhen(code: string, expected: (status: RequestStatus) => boolean): Promise<RequestStatus> {
  return eventually(async () => {
    const status = await system.status(code);
    return expected(status) ? status : undefined;
  }, 5000).catch(async () => system.status(code));
}

/** The request's status once it has an open task (its routing activity has run). */
function withTask(code: string): Promise<RequestStatus> {
  return eventually(async () => {
    const status = await system.status(code);
    return status.openTasks.length > 0 ? status : undefined;
  });
}

/** Local Tehran time of day in minutes, to check an instant falls in working hours. */
const tehranMinutes = (iso: string) => {
  const local = new Date(Date.parse(iso) + 210 * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

describe('deadlines on the city calendar, time skipped', () => {
  test('when a permit stalls at the office for weeks, then the ladder climbs at its working-day marks', async () => {
    const plan = system.plan('definitions/services/urban-planning/building-permit-residential.yaml');
    const code = await system.start(plan, { parcel: '1', area: 100, floors: 2, units: 2 });
    const [task] = (await withTask(code)).openTasks;
    if (!task) throw new Error('no intake task');
    // The deadline is the close of business of the next working day.
    expect(tehranMinutes(task.deadline)).toBe(14 * 60);
    expect(isWorkingDay(system.org.calendar, Date.parse(task.deadline))).toBe(true);

    await skipTo(task.deadline, -HOUR);
    let now = await statusWhen(code, (s) => s.openTasks[0]?.sla === 'at-risk');
    expect(now.openTasks[0]?.sla).toBe('at-risk');
    expect(now.escalations).toEqual([]);

    await skipTo(task.deadline, HOUR);
    now = await statusWhen(code, (s) => s.escalations.length === 1);
    expect(now.openTasks[0]?.sla).toBe('breached');
    expect(now.escalations.map((e) => e.action)).toEqual(['supervisor']);

    await system.env.sleep(30 * 24 * HOUR);
    // Each rung is recorded at its instant and its target follows: wait for the targets.
    now = await statusWhen(code, (s) => s.escalations.length === 3 && s.escalations.every((e) => !e.pending));
    expect(now.escalations.map((e) => [e.level, e.action, e.to.principal])).toEqual([
      [1, 'supervisor', 'head:d01.office-affairs'],
      [2, 'reassign', expect.stringMatching(/^office:o-0(102|103|302)$/)],
      [3, 'steering-committee', 'head:steering-committee'],
    ]);
    // Two and five working days after the deadline: never on a Thursday, Friday or holiday.
    for (const escalation of now.escalations.slice(1)) {
      expect(isWorkingDay(system.org.calendar, Date.parse(escalation.at) - 60_000)).toBe(true);
      expect(tehranMinutes(escalation.at)).toBe(14 * 60);
    }
    expect(now.openTasks[0]?.assignee.principal).not.toBe('office:o-0101');
  });

  test('when a resolved complaint is not answered in three working days, then it closes itself, the waiting not counted', async () => {
    const plan = system.plan('definitions/services/citizen/citizen-complaint.yaml');
    const code = await system.start(plan, {
      subject: 'lighting',
      description: 'The street light is out for a week',
    });
    let now = await withTask(code);
    const due = now.deadlines.target.at;
    now = await complete(code, { taskId: now.openTasks[0]?.taskId ?? '', outcome: 'done' });
    now = await complete(code, {
      taskId: now.openTasks[0]?.taskId ?? '',
      outcome: 'resolved',
      data: { actionTaken: 'lamp replaced' },
    });
    const confirmation = now.openTasks[0];
    expect(confirmation?.stepId).toBe('confirmation');
    expect(confirmation?.onApplicant).toBe(true);
    expect(now.suspended?.taskId).toBe(confirmation?.taskId);

    await skipTo(confirmation?.deadline ?? '', HOUR);
    now = await statusWhen(code, (s) => s.state === 'completed');
    expect(now.state).toBe('completed');
    const closed = now.journal.find((entry) => entry.stepId === 'confirmation');
    expect(closed).toEqual(expect.objectContaining({ outcome: 'satisfied', actor: 'system' }));
    // The three days on the citizen moved the service target later by that much working time.
    expect(Date.parse(now.deadlines.target.at)).toBeGreaterThan(Date.parse(due) + 2 * 7 * HOUR);
    expect(now.deadlineChanges[0]).toEqual(expect.objectContaining({ of: 'request', cause: 'suspension' }));
  });

  test('when the heritage directorate stays silent past its fifteen working days, then silence counts as no objection', async () => {
    const plan = system.plan('definitions/services/urban-planning/heritage-inquiry.yaml');
    const code = await system.start(plan, {
      parcel: '12/4',
      address: 'خیابان سی تیر، کوچه نظامی، پلاک ۳',
      buildYear: 1320,
    });
    let now = await withTask(code);
    now = await complete(code, {
      taskId: now.openTasks[0]?.taskId ?? '',
      outcome: 'done',
      data: { documentsComplete: true },
    });
    const inquiry = now.openTasks[0];
    expect(inquiry?.assignee.principal).toBe('agency:cultural-heritage');
    await skipTo(inquiry?.deadline ?? '', -HOUR);
    expect((await system.status(code)).openTasks[0]?.stepId).toBe('heritage');
    await skipTo(inquiry?.deadline ?? '', HOUR);
    now = await statusWhen(code, (s) => s.openTasks[0]?.stepId === 'answer');
    expect(now.journal.find((e) => e.stepId === 'heritage')).toEqual(
      expect.objectContaining({ outcome: 'no-objection', actor: 'system' }),
    );
    expect(now.openTasks[0]?.stepId).toBe('answer');
    expect(now.escalations).toEqual([]);
  });

  test('when a burial stalls, then it escalates by the hour, nights and Fridays included', async () => {
    const plan = system.plan('definitions/services/urban-services/burial-services.yaml');
    const code = await system.start(plan, {
      deceasedName: 'X',
      deathCertificateNumber: 'D-1',
      deceasedNationalId: '0012345679',
    });
    const task = (await withTask(code)).openTasks[0];
    expect(Date.parse(task?.deadline ?? '') - Date.parse(task?.openedAt ?? '')).toBe(HOUR);
    await system.env.sleep(3.5 * HOUR);
    const now = await statusWhen(code, (s) => s.escalations.length === 3);
    expect(now.escalations.map((e) => e.action)).toEqual(['supervisor', 'superior', 'steering-committee']);
    const gaps = now.escalations.map((e) => Date.parse(e.at) - Date.parse(task?.deadline ?? ''));
    expect(gaps.map((ms) => Math.round(ms / HOUR))).toEqual([0, 1, 2]);
  });

  test('when a deadline is extended after the reminder, then the reminder is armed again for the new deadline', async () => {
    const plan = system.plan('definitions/services/urban-planning/building-permit-residential.yaml');
    const code = await system.start(plan, { parcel: '8/8', area: 200, floors: 2, units: 2 });
    let now = await withTask(code);
    now = await complete(code, {
      taskId: now.openTasks[0]?.taskId ?? '',
      outcome: 'submit',
      data: { documentsComplete: true },
    });
    const review = now.openTasks[0];
    if (!review) throw new Error('no review task');
    const reminders = async () =>
      (await system.notifications()).filter((n) => n.kind === 'sla-reminder' && n.taskId === review.taskId)
        .length;

    await skipTo(review.atRiskAt, HOUR);
    now = await statusWhen(code, (s) => s.openTasks[0]?.sla === 'at-risk');
    expect(now.openTasks[0]?.sla).toBe('at-risk');
    await eventually(async () => ((await reminders()) === 1 ? true : undefined));

    const handle = system.env.client.workflow.getHandle(workflowIdOf(code));
    await handle.executeUpdate(extendDeadlineUpdate, {
      args: [
        { of: review.taskId, by: 'P3D', reason: 'waiting on the traffic department', actor: 'person:head' },
      ],
    });
    now = await system.status(code);
    const extended = now.openTasks[0];
    expect(extended?.sla).toBe('ok');
    expect(Date.parse(extended?.deadline ?? '')).toBeGreaterThan(Date.parse(review.deadline));
    await expect(
      handle.executeUpdate(extendDeadlineUpdate, {
        args: [{ of: review.taskId, by: 'P1D', reason: 'again', actor: 'person:head' }],
      }),
    ).rejects.toThrow('Workflow Update failed');

    await skipTo(extended?.atRiskAt ?? '', HOUR);
    await eventually(async () => ((await reminders()) === 2 ? true : undefined));
    await skipTo(extended?.deadline ?? '', HOUR);
    now = await statusWhen(code, (s) => s.escalations.length > 0);
    expect(now.openTasks[0]?.sla).toBe('breached');
    const late = Date.parse(now.escalations[0]?.at ?? '') - Date.parse(extended?.deadline ?? '');
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(1000);
  });

  test('when staff stop the clock for a few seconds, then deadlines in days stay on their day', async () => {
    const plan = system.plan('definitions/services/urban-planning/building-permit-residential.yaml');
    const code = await system.start(plan, { parcel: '8/9', area: 200, floors: 2, units: 2 });
    let now = await withTask(code);
    now = await complete(code, {
      taskId: now.openTasks[0]?.taskId ?? '',
      outcome: 'submit',
      data: { documentsComplete: true },
    });
    const review = now.openTasks[0];
    if (!review) throw new Error('no review task');
    // Into working hours of a working day, well before the review's close of business.
    let at = await system.env.currentTimeMs();
    while (!isWorkingDay(system.org.calendar, at) || tehranMinutes(new Date(at).toISOString()) !== 600)
      at += 60_000;
    await skipTo(new Date(at).toISOString(), 0);
    const before = await system.status(code);
    const task = before.openTasks[0];
    expect(tehranMinutes(task?.deadline ?? '')).toBe(14 * 60);

    const handle = system.env.client.workflow.getHandle(workflowIdOf(code));
    const manager = {
      actor: 'manager:test',
      caller: { manager: true, acting: { holders: [], anyRoleOf: [] } },
    };
    await handle.executeUpdate(suspendClockUpdate, { args: [{ reason: 'a site visit', ...manager }] });
    await system.env.sleep(8000);
    await handle.executeUpdate(resumeClockUpdate, { args: [manager] });
    now = await system.status(code);
    expect(now.suspensions[0]?.to).toBeDefined();
    expect(now.openTasks[0]?.deadline).toBe(task?.deadline);
    expect(now.deadlines.target.at).toBe(before.deadlines.target.at);
    expect(now.deadlines.statutory?.at).toBe(before.deadlines.statutory?.at);
  });
});
