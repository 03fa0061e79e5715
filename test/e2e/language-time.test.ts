/**
 * What the language gained after the first interpreter where time matters, on the time-skipping
 * test server with the test organisation's calendar: a step with no SLA of its own, extensions
 * limited in number and as a share of the term, a clock that stands still for an expected time.
 */
import { fixture } from '../support/paths';
import { eventually } from '../support/harness';
import { startTimeSkipping, type SkippingSystem } from '../support/time-skipping';
import { workflowIdOf } from '../../lib/tracking-code';
import { completeTaskUpdate, extendDeadlineUpdate } from '../../workflows/messages';
import type { CompleteTaskInput, ExtendInput, RequestStatus } from '../../workflows/types';

let system: SkippingSystem;

beforeAll(async () => {
  system = await startTimeSkipping(fixture('organisation'));
});

afterAll(async () => {
  await system?.stop();
});

const HOUR = 3_600_000;
const plan = (name: string) => system.plan(`test/fixtures/language/${name}.yaml`);
const handle = (code: string) => system.env.client.workflow.getHandle(workflowIdOf(code));

/** Lets server time pass until an instant and a little more. */
async function skipPast(instant: string, offsetMs = HOUR) {
  const wait = Date.parse(instant) + offsetMs - (await system.env.currentTimeMs());
  if (wait > 0) await system.env.sleep(wait);
}

/** Completes a task; answers the request's full status after it (the update answers a summary). */
async function complete(code: string, command: CompleteTaskInput): Promise<RequestStatus> {
  await handle(code).executeUpdate(completeTaskUpdate, { args: [command] });
  return system.status(code);
}
/** Extends a deadline; answers the request's full status after it. */
async function extend(code: string, command: Omit<ExtendInput, 'actor' | 'reason'>): Promise<RequestStatus> {
  await handle(code).executeUpdate(extendDeadlineUpdate, {
    args: [{ ...command, reason: 'the owner is abroad', actor: 'person:head' }],
  });
  return system.status(code);
}

/** The request's status once it shows what is expected: the worker may still be catching up. */
function statusWhen(code: string, expected: (status: RequestStatus) => boolean): Promise<RequestStatus> {
  return eventually(async () => {
    const status = await system.status(code);
    return expected(status) ? status : undefined;
  }, 5000).catch(async () => system.status(code));
}

describe('a step with no SLA of its own (sla: service)', () => {
  test('when the review opens, then it is due when the request is, moves with it, and escalates at it', async () => {
    const code = await system.start(plan('service-term'), {}, 'd01', 'o-1');
    let now = await statusWhen(code, (s) => s.openTasks.length > 0);
    now = await complete(code, { taskId: now.openTasks[0]?.taskId ?? '', outcome: 'done' });
    const review = now.openTasks[0];
    expect(review?.stepId).toBe('review');
    expect(review?.deadlineOfRequest).toBe(true);
    expect(review?.deadline).toBe(now.deadlines.target.at);

    // It has no deadline of its own to extend; the request's moves it.
    await expect(extend(code, { of: review?.taskId ?? '', by: 'P1D' })).rejects.toThrow(
      'Workflow Update failed',
    );
    now = await extend(code, { of: 'request', by: 'P1D' });
    expect(now.openTasks[0]?.deadline).toBe(now.deadlines.target.at);
    expect(now.openTasks[0]?.deadline).not.toBe(review?.deadline);
    expect(now.deadlineChanges.map((c) => [c.of, c.cause])).toEqual([
      ['request', 'extension'],
      [review?.taskId, 'extension'],
    ]);

    await skipPast(now.deadlines.target.at);
    now = await statusWhen(code, (s) => s.escalations.length > 0);
    expect(now.openTasks[0]?.sla).toBe('breached');
    expect(now.escalations.map((e) => [e.taskId, e.action])).toEqual([[review?.taskId, 'supervisor']]);
  });
});

describe('extensions limited in number and as a share of the term (extension)', () => {
  /** The sentence an extension is refused with. */
  const refusal = (code: string, command: Omit<ExtendInput, 'actor' | 'reason'>) =>
    extend(code, command).then(
      () => 'granted',
      (error: { cause?: { message?: string } }) => error.cause?.message,
    );

  test('when the request and its step are extended, then each stops at its share of the term and its number of times', async () => {
    const code = await system.start(plan('extension-limits'), {}, 'd01', 'o-1');
    const start = await statusWhen(code, (s) => s.openTasks.length > 0);
    const taskId = start.openTasks[0]?.taskId ?? '';

    // The request: 30% of ten days, twice.
    expect(await refusal(code, { of: 'request', by: 'P2D' })).toBe('granted');
    expect(await refusal(code, { of: 'request', by: 'P2D' })).toBe(
      'the request may be extended by 30% of its term P10D in all; P2D more would go beyond it',
    );
    expect(await refusal(code, { of: 'request', by: 'P1D' })).toBe('granted');
    expect(await refusal(code, { of: 'request', by: 'PT1H' })).toBe(
      'the number of extensions of the request is limited to 2, and it has had 2',
    );

    // The step: half of four days, once.
    expect(await refusal(code, { of: taskId, by: 'P3D' })).toBe(
      "step 'review' may be extended by 50% of its term P4D in all; P3D more would go beyond it",
    );
    expect(await refusal(code, { of: taskId, by: 'P2D' })).toBe('granted');
    expect(await refusal(code, { of: taskId, by: 'PT1H' })).toBe(
      "the number of extensions of step 'review' is limited to 1, and it has had 1",
    );

    const now = await system.status(code);
    expect(now.deadlineChanges.map((c) => [c.of, c.cause])).toEqual([
      ['request', 'extension'],
      ['request', 'extension'],
      [taskId, 'extension'],
    ]);
  });
});

describe('a clock that stands still for an expected time (suspend)', () => {
  test('when the hearing is still open after its expected time, then the clock runs again by itself, the step still open', async () => {
    const code = await system.start(plan('court-hearing'), {}, 'd01', 'o-1');
    const before = await statusWhen(code, (s) => s.openTasks.length > 0);
    const hearing = before.openTasks[0];
    expect(before.suspended).toEqual(
      expect.objectContaining({
        taskId: hearing?.taskId,
        by: 'system',
        title: { fa: 'در انتظار جلسه دادگاه', en: "Waiting for the court's hearing" },
      }),
    );
    const until = before.suspended?.until ?? '';
    expect(Date.parse(until)).toBeGreaterThan(Date.parse(before.suspended?.from ?? ''));

    await skipPast(until);
    const after = await statusWhen(code, (s) => s.suspended === undefined);
    expect(after.suspended).toBeUndefined();
    expect(after.suspensions).toEqual([expect.objectContaining({ taskId: hearing?.taskId })]);
    const ranAgain = Date.parse(after.suspensions[0]?.to ?? '');
    expect(ranAgain - Date.parse(until)).toBeGreaterThanOrEqual(0);
    expect(ranAgain - Date.parse(until)).toBeLessThan(60_000);
    // The request's deadline moved by the time the clock stood still; the hearing keeps its own.
    expect(Date.parse(after.deadlines.target.at)).toBeGreaterThan(Date.parse(before.deadlines.target.at));
    expect(after.openTasks.map((t) => [t.taskId, t.deadline])).toEqual([
      [hearing?.taskId, hearing?.deadline],
    ]);
    expect(after.journal.filter((e) => e.kind === 'deadline').map((e) => [e.title.en, e.actor])).toEqual([
      ['Clock stopped', 'system'],
      ['Clock running again', 'system'],
    ]);
  });

  test('when the hearing closes before its expected time, then the clock runs again then, and not a second time', async () => {
    const code = await system.start(plan('court-hearing'), {}, 'd01', 'o-1');
    const before = await statusWhen(code, (s) => s.openTasks.length > 0);
    const until = before.suspended?.until ?? '';
    await system.env.sleep(2 * 24 * HOUR);
    const heard = await complete(code, { taskId: before.openTasks[0]?.taskId ?? '', outcome: 'heard' });
    expect(heard.suspended).toBeUndefined();
    const ranAgain = heard.suspensions[0]?.to ?? '';
    expect(Date.parse(ranAgain)).toBeLessThan(Date.parse(until));

    await skipPast(until);
    const later = await system.status(code);
    expect(later.suspensions).toEqual([expect.objectContaining({ to: ranAgain })]);
    expect(later.openTasks.map((t) => t.stepId)).toEqual(['decide']);
  });
});
