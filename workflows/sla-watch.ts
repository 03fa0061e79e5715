/**
 * Watches deadlines. A task: its assignee is reminded at the at-risk point; once its SLA has
 * passed the escalation ladder is climbed rung by rung; a step may instead take an outcome by
 * itself on timeout; a task of the applicant that runs out ends the request as expired. When
 * a deadline moves (the clock stood still, an extension), the watch starts over from the new
 * deadline: each reminder and rung is sent once per deadline. The request: when its statutory
 * deadline passes, the steering committee is told.
 */
import { condition, isCancellation, sleep } from '@temporalio/workflow';
import type { EscalationInput, EscalationTarget } from '../activities/escalation';
import type { PlanEscalation, RungTarget } from '../lib/plan/types';
import { engine } from './activity-proxies';
import { failureText } from './failure-text';
import { tell } from './notices';
import { knownTarget } from './known-target';
import { iso, type RequestCase } from './request-case';
import { ESCALATE_AT_INSTANT_PATCH, hasPatch, STATUTORY_AT_INSTANT_PATCH } from './request-patches';
import { requestCondition } from './timed-wait';
import type { EscalationRecord, NotificationRecord, TaskRecord } from './types';

export interface WatchContext {
  rc: RequestCase;
  publish: () => void;
}

/**
 * From revision 2 the watch is the task's own wait, run by the chain that opened the task: the
 * interpreter says how it waits (so that the request knows when it has settled) and when it
 * should leave the wait (to continue as new); the work after each instant follows on its own,
 * one piece after the other, so the task's wait goes on meanwhile.
 */
export interface TaskWait {
  /** Until `wake` holds. */
  wait: (wake: () => boolean) => Promise<void>;
  /** Until `wake` holds or `ms` have passed; answers `answer()` as it ends. */
  within: <T>(wake: () => boolean, ms: number, answer: () => T) => Promise<T>;
  leave: () => boolean;
}

type Follow = (work: () => Promise<void>) => Promise<void>;

export interface WatchPlan {
  escalation: PlanEscalation;
  onTimeout?: string;
}

type Wake = 'done' | 'moved' | 'due' | 'leave';

/**
 * Whom an escalation goes to. When the ladder's target cannot be found in bounded time, the
 * operations department the request was given at its start is told instead, with why: an
 * escalation never waits on routing forever.
 */
async function targetOf(
  rc: RequestCase,
  input: EscalationInput,
  find = engine.resolveEscalation,
): Promise<EscalationTarget> {
  try {
    return await find(input);
  } catch (error) {
    const operations = rc.input.operations;
    if (isCancellation(error) || !operations) throw error;
    return {
      to: operations.assignee,
      reason: `the target of the rung '${input.to}' could not be found (${failureText(error)}); the operations department is told`,
    };
  }
}

/**
 * Lets the work after a deadline (the store's rows, the search attributes, the target, the
 * notices) go in a workflow task of its own: a timer of a millisecond queues it behind the other
 * deadlines of the same instant, so a city's breaches at the close of business are each recorded
 * in a task that costs little more than the timer. The request does not continue as new until
 * the work has followed.
 */
async function afterTheInstant<T>(rc: RequestCase, work: () => Promise<T>): Promise<T> {
  rc.following += 1;
  try {
    await sleep(1);
    return await work();
  } finally {
    rc.following -= 1;
  }
}

const rungInstant = (rc: RequestCase, task: TaskRecord, rung: PlanEscalation['ladder'][number]) =>
  iso(rc.clock(rung.after).add(Date.parse(task.deadline), rung.after.duration));

/** The deadline passed: the task is breached, and the ladder climbed rung by rung at each one's instant. */
async function climbLadder(
  ctx: WatchContext,
  task: TaskRecord,
  escalation: PlanEscalation,
  version: number,
  follow: Follow,
  taskWait?: TaskWait,
): Promise<Wake | 'climbed'> {
  const { rc, publish } = ctx;
  rc.markBreached(task);
  const rungs = escalation.ladder.slice(task.rungsDone);
  const first = rungs[0];
  if (!first || Date.parse(rungInstant(rc, task, first)) > Date.now()) {
    // No rung falls due with the breach: it follows alone.
    await follow(async () => publish());
  }
  for (const rung of rungs) {
    const at = rungInstant(rc, task, rung);
    const woke = await until(task, version, at, taskWait);
    if (woke !== 'due') return woke;
    await climb(ctx, task, rung.to, at, follow);
    if (task.status !== 'open') return 'done';
    if (task.deadlineVersion !== version) return 'moved';
  }
  return 'climbed';
}

/**
 * One rung: recorded at its instant, with no activity before it; then its target, when the
 * request does not know it, is found and filled in, and the notices follow. A task closed
 * meanwhile keeps its rung, and no one is told.
 */
async function climb(
  ctx: WatchContext,
  task: TaskRecord,
  rung: RungTarget,
  at: string,
  follow: Follow,
): Promise<void> {
  const { rc, publish } = ctx;
  // The task's rungs since its deadline last moved: whom they reached is read when this rung's
  // target is sought, after the earlier rungs' targets were found.
  const ofTask = rc.escalations.filter((e) => e.taskId === task.taskId);
  const earlier = ofTask.slice(Math.max(0, ofTask.length - task.rungsDone));
  const previous = task.assignee;
  const known = knownTarget(rung, task.supervisor);
  const escalation = rc.escalateAt(task, rung, Date.parse(at), known);
  await follow(async () => {
    publish();
    let reassigned = false;
    if (!known) {
      const target = await targetOf(
        rc,
        {
          to: rung,
          trackingCode: rc.input.trackingCode,
          stepId: task.stepId,
          serviceId: rc.plan.serviceId,
          domain: rc.plan.domain,
          district: rc.input.district,
          assignee: previous,
          supervisor: task.supervisor,
          alerted: earlier.map((e) => e.to),
          ...(task.maxDepth !== undefined ? { maxDepth: task.maxDepth } : {}),
        },
        engine.findEscalationTarget,
      );
      rc.settleEscalation(task, escalation, target);
      reassigned = target.reassigned !== undefined && task.status === 'open';
      publish();
    }
    if (task.status !== 'open') return;
    const recipients = reassigned ? [escalation.to.principal, previous.principal] : [escalation.to.principal];
    for (const to of recipients) {
      await tell(rc, publish, {
        kind: 'sla-breach',
        to,
        taskId: task.taskId,
        message: breachMessage(task, escalation),
      });
    }
  });
}

function breachMessage(task: TaskRecord, escalation: EscalationRecord): NotificationRecord['message'] {
  return {
    fa: `کار «${task.title.fa}» از مهلت گذشته است (سطح ارجاع ${escalation.level})`,
    en: `Task "${task.title.en}" is past its SLA (escalation level ${escalation.level}): ${escalation.reason}`,
  };
}

/**
 * Waits until the instant, unless the task closes or its deadline moves first (or, in the
 * task's own wait, the request leaves it to continue as new).
 */
function until(task: TaskRecord, version: number, instant: string, taskWait?: TaskWait): Promise<Wake> {
  return taskWait ? untilInWait(task, version, instant, taskWait) : untilBeside(task, version, instant);
}

/** `until` in the watch beside the task's wait (before revision 2). */
async function untilBeside(task: TaskRecord, version: number, instant: string): Promise<Wake> {
  const wake = wakeOf(task, version);
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await condition(() => wake() !== undefined, ms);
  return wake() ?? 'due';
}

const wakeOf = (task: TaskRecord, version: number) => (): Wake | undefined =>
  task.status !== 'open' ? 'done' : task.deadlineVersion !== version ? 'moved' : undefined;

/** `until` in the task's own wait; not async, for the promise an async frame would hold meanwhile. */
function untilInWait(task: TaskRecord, version: number, instant: string, taskWait: TaskWait): Promise<Wake> {
  const wake = wakeOf(task, version);
  // A deadline due is recorded before the request leaves: the next run does not see it again.
  const woke = (): Wake => wake() ?? (Date.now() >= Date.parse(instant) ? 'due' : 'leave');
  const ms = Date.parse(instant) - Date.now();
  if (ms <= 0) return Promise.resolve(woke());
  return taskWait.within(() => wake() !== undefined || taskWait.leave(), ms, woke);
}

/**
 * How the work after an instant follows: in a workflow task of its own, awaited by the watch;
 * in the task's own wait, on its own, each piece after the one before.
 */
function follower(rc: RequestCase, taskWait?: TaskWait): Follow {
  if (!taskWait) return (work) => afterTheInstant(rc, work);
  let behind: Promise<void> = Promise.resolve();
  return (work) => {
    // Counted from now, not from when it starts: the request does not continue as new before.
    rc.following += 1;
    behind = behind
      .then(() => afterTheInstant(rc, work))
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      })
      .finally(() => {
        rc.following -= 1;
      });
    return Promise.resolve();
  };
}

/**
 * Watches a task's deadlines until it closes. Given the task's wait (revision 2), it also is
 * that wait: it answers when the task has closed, or when the request leaves it to continue as
 * new.
 */
export async function watchTask(
  ctx: WatchContext,
  task: TaskRecord,
  plan: WatchPlan,
  taskWait?: TaskWait,
): Promise<void> {
  const { rc, publish } = ctx;
  const { trackingCode } = rc.input;
  const follow = follower(rc, taskWait);

  watch: for (;;) {
    const version = task.deadlineVersion;
    const reminds = !task.onApplicant && !plan.onTimeout && task.remindAt > 0 && task.sla === 'ok';
    if (reminds) {
      const woke = await until(task, version, task.atRiskAt, taskWait);
      if (woke === 'done' || woke === 'leave') return;
      if (woke === 'moved') continue;
      rc.markAtRisk(task);
      const remind = async () => {
        publish();
        if (task.status !== 'open') return;
        await tell(rc, publish, {
          kind: 'sla-reminder',
          to: task.assignee.principal,
          taskId: task.taskId,
          message: {
            fa: `مهلت کار «${task.title.fa}» رو به پایان است: ${task.deadline}`,
            en: `Task "${task.title.en}" is due soon: ${task.deadline}`,
          },
        });
      };
      if (hasPatch(rc.input, ESCALATE_AT_INSTANT_PATCH)) await follow(remind);
      else await remind();
    }

    const atDeadline = await until(task, version, task.deadline, taskWait);
    if (atDeadline === 'done' || atDeadline === 'leave') return;
    if (atDeadline === 'moved') continue;

    if (plan.onTimeout) {
      rc.complete(
        { taskId: task.taskId, outcome: plan.onTimeout, actor: 'system' },
        Date.now(),
        `no answer within the term: taken as '${plan.onTimeout}'`,
      );
      publish();
      return;
    }
    if (task.onApplicant) {
      rc.cancelTask(task, 'the applicant did not answer within the term', Date.now());
      return;
    }

    if (hasPatch(rc.input, ESCALATE_AT_INSTANT_PATCH)) {
      const climbed = await climbLadder(ctx, task, plan.escalation, version, follow, taskWait);
      if (climbed === 'done' || climbed === 'leave') return;
      if (climbed === 'moved') continue;
    } else {
      rc.markBreached(task);
      publish();
      for (const rung of plan.escalation.ladder.slice(task.rungsDone)) {
        const at = rungInstant(rc, task, rung);
        const woke = await until(task, version, at);
        if (woke === 'done') return;
        if (woke === 'moved') continue watch;
        const target = await targetOf(rc, {
          to: rung.to,
          trackingCode,
          stepId: task.stepId,
          serviceId: rc.plan.serviceId,
          domain: rc.plan.domain,
          district: rc.input.district,
          assignee: task.assignee,
          supervisor: task.supervisor,
        });
        if (task.status !== 'open') return;
        if (task.deadlineVersion !== version) continue watch;
        const previous = task.assignee;
        const escalation = rc.escalate(
          task,
          rung.to,
          target.to,
          target.reason,
          Date.now(),
          target.reassigned,
        );
        publish();
        const recipients = target.reassigned
          ? [target.to.principal, previous.principal]
          : [target.to.principal];
        for (const to of recipients) {
          await tell(rc, publish, {
            kind: 'sla-breach',
            to,
            taskId: task.taskId,
            message: breachMessage(task, escalation),
          });
        }
      }
    }
    // Every rung climbed: wait for the task to close, or its deadline to move and start over.
    const closedOrMoved = () => task.status !== 'open' || task.deadlineVersion !== version;
    if (taskWait) await taskWait.wait(() => closedOrMoved() || taskWait.leave());
    else await condition(closedOrMoved);
    if (task.status !== 'open' || (taskWait?.leave() && task.deadlineVersion === version)) return;
  }
}

/** Tells the steering committee when the request passes its statutory deadline still open. */
export async function watchStatutoryDeadline(ctx: WatchContext): Promise<void> {
  const { rc, publish } = ctx;
  for (;;) {
    const statutory = rc.s.deadlines.statutory;
    if (!statutory) return;
    const at = statutory.at;
    const ms = Date.parse(at) - Date.now();
    const moved = () => rc.s.deadlines.statutory?.at !== at;
    const over = () => rc.state !== 'active' || moved();
    if (ms > 0) await requestCondition(rc.input, over, ms);
    if (rc.state !== 'active') return;
    if (moved()) continue;
    if (rc.suspension()) {
      // Standing still: the deadline will move when the clock runs again.
      await condition(() => rc.state !== 'active' || moved());
      continue;
    }
    const reason = `the statutory deadline ${at} passed with the request still open`;
    if (hasPatch(rc.input, STATUTORY_AT_INSTANT_PATCH)) {
      await escalateAtStatutoryDeadline(ctx, at, reason);
      return;
    }
    const committee = await targetOf(rc, committeeSearch(rc));
    const escalation = rc.escalateRequest(committee.to, reason, Date.now());
    publish();
    await tellCommittee(ctx, escalation);
    return;
  }
}

/** The statutory deadline passed: recorded at its instant, the committee found and told after. */
async function escalateAtStatutoryDeadline(ctx: WatchContext, at: string, reason: string): Promise<void> {
  const { rc, publish } = ctx;
  const escalation = rc.escalateRequest(undefined, reason, Date.parse(at));
  await afterTheInstant(rc, async () => {
    publish();
    const committee = await targetOf(rc, committeeSearch(rc), engine.findEscalationTarget);
    if (!escalation.pending) return;
    rc.settleRequestEscalation(escalation, committee.to);
    publish();
    await tellCommittee(ctx, escalation);
  });
}

/** Whom a request past its statutory deadline goes to: its domain's steering committee. */
const committeeSearch = (rc: RequestCase): EscalationInput => ({
  to: 'steering-committee',
  trackingCode: rc.input.trackingCode,
  stepId: '',
  serviceId: rc.plan.serviceId,
  domain: rc.plan.domain,
  district: rc.input.district,
  assignee: { principal: '', title: rc.plan.title },
  supervisor: { principal: '', title: rc.plan.title },
});

function tellCommittee({ rc, publish }: WatchContext, escalation: EscalationRecord): Promise<void> {
  return tell(rc, publish, {
    kind: 'sla-breach',
    to: escalation.to.principal,
    message: {
      fa: `مهلت قانونی درخواست ${rc.input.trackingCode} گذشته است`,
      en: `Request ${rc.input.trackingCode} is past its statutory deadline`,
    },
  });
}
