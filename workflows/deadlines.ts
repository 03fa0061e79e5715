/**
 * Deadlines as the law counts them: the clock stands still while the request waits on the
 * citizen, and a target may be extended, with a reason, as far as the definition allows. Every
 * move is recorded: which deadline, from when to when, why and by whom.
 */
import { parseWorkingDuration, nominalDayMs } from '../lib/calendar/working-time';
import type { Clock, ClockKind } from '../lib/calendar/clock';
import type { PlanDuration, PlanExtension, Title } from '../lib/plan/types';
import { REJECTION } from './messages';
import { iso, reject, type RequestCase } from './request-case';
import { DAYS_STAY_PATCH, hasPatch } from './request-patches';
import type { DeadlineChange, ExtendInput, SlaState, TaskRecord } from './types';

/** A duration in nominal milliseconds of its clock, to add extensions up and compare them. */
function nominalMs(rc: RequestCase, clock: ClockKind, duration: { days: number; ms: number }): number {
  const day = clock === 'continuous' ? 86_400_000 : nominalDayMs(rc.input.calendar);
  return duration.days * day + duration.ms;
}

function slaAt(task: TaskRecord, nowMs: number): SlaState {
  if (nowMs >= Date.parse(task.deadline)) return 'breached';
  return task.remindAt > 0 && nowMs >= Date.parse(task.atRiskAt) ? 'at-risk' : 'ok';
}

function change(rc: RequestCase, entry: Omit<DeadlineChange, 'at'>, nowMs: number): void {
  rc.s.deadlineChanges.push({ at: iso(nowMs), ...entry });
}

/** Re-arms a task after its deadline moved: reminders and rungs count from the new deadline. */
function rearm(task: TaskRecord, nowMs: number): void {
  task.deadlineVersion += 1;
  task.rungsDone = 0;
  task.sla = slaAt(task, nowMs);
}

/** How a resumed clock moves deadlines: in whole working days at a close of business, or by time lost. */
function mover(rc: RequestCase): (clock: Clock, deadlineMs: number, fromMs: number, toMs: number) => number {
  if (hasPatch(rc.input, DAYS_STAY_PATCH))
    return (clock, deadline, from, to) => clock.afterStandstill(deadline, from, to);
  return (clock, deadline, from, to) => clock.addMs(deadline, clock.between(from, to));
}

/** Stops the clock: the request waits on the citizen, or on what a step stops it for, at most `expected`. */
export function suspendClock(
  rc: RequestCase,
  reason: string,
  by: string,
  nowMs: number,
  taskId?: string,
  expected?: { duration: PlanDuration; title: Title },
): void {
  if (rc.suspension()) return;
  const until = expected
    ? {
        title: expected.title,
        until: iso(rc.clock(expected.duration).add(nowMs, expected.duration.duration)),
      }
    : {};
  rc.s.suspensions.push({ from: iso(nowMs), reason, by, ...(taskId ? { taskId } : {}), ...until });
  rc.record(
    {
      stepId: '',
      kind: 'deadline',
      title: { fa: 'توقف زمان رسیدگی', en: 'Clock stopped' },
      actor: by,
      note: reason,
    },
    nowMs,
  );
}

/**
 * Starts the clock again: every deadline of the request, and of each open task the
 * municipality holds, moves later by the time counted on its clock while it stood still.
 */
export function resumeClock(rc: RequestCase, by: string, nowMs: number): TaskRecord[] {
  const suspension = rc.suspension();
  if (!suspension) return [];
  suspension.to = iso(nowMs);
  const fromMs = Date.parse(suspension.from);
  const reason = `the clock stood still from ${suspension.from}: ${suspension.reason}`;
  const { deadlines } = rc.s;
  const move = mover(rc);
  for (const kind of ['target', 'statutory'] as const) {
    const deadline = deadlines[kind];
    if (!deadline) continue;
    const to = iso(move(rc.clock(deadline.clock), Date.parse(deadline.at), fromMs, nowMs));
    change(rc, { of: 'request', kind, from: deadline.at, to, cause: 'suspension', reason, by }, nowMs);
    deadline.at = to;
  }
  // The task that stopped the clock keeps its own deadline, as the applicant's does.
  const moved = rc.openTasks().filter((task) => !task.onApplicant && task.taskId !== suspension.taskId);
  for (const task of moved) {
    const clock = rc.clock(task.clock);
    const since = Math.max(fromMs, Date.parse(task.openedAt));
    const was = Date.parse(task.deadline);
    const to = task.deadlineOfRequest ? deadlines.target.at : iso(move(clock, was, since, nowMs));
    change(
      rc,
      { of: task.taskId, kind: 'target', from: task.deadline, to, cause: 'suspension', reason, by },
      nowMs,
    );
    task.deadline = to;
    // The reminder keeps its distance before the deadline, in counted time.
    task.atRiskAt = iso(clock.addMs(Date.parse(task.atRiskAt), clock.between(was, Date.parse(to))));
    if (task.statutoryDeadline) {
      const statutory = iso(move(clock, Date.parse(task.statutoryDeadline), since, nowMs));
      change(
        rc,
        {
          of: task.taskId,
          kind: 'statutory',
          from: task.statutoryDeadline,
          to: statutory,
          cause: 'suspension',
          reason,
          by,
        },
        nowMs,
      );
      task.statutoryDeadline = statutory;
    }
    rearm(task, nowMs);
  }
  rc.record(
    {
      stepId: '',
      kind: 'deadline',
      title: { fa: 'ادامه زمان رسیدگی', en: 'Clock running again' },
      actor: by,
      note: reason,
    },
    nowMs,
  );
  return moved;
}

/** The validator of a manual stop: only an active request, not already stopped, with a reason. */
export function validateSuspend(rc: RequestCase, reason: string): void {
  rc.assertActive();
  const current = rc.suspension();
  if (current)
    reject(
      REJECTION.invalidDeadlineChange,
      `the clock already stands still since ${current.from}: ${current.reason}`,
    );
  if (reason.trim().length < 3) reject(REJECTION.invalidDeadlineChange, 'say why the clock stops');
}

/** The validator of a manual restart: only a clock stopped by hand (a citizen's task restarts it itself). */
export function validateResume(rc: RequestCase): void {
  rc.assertActive();
  const current = rc.suspension();
  if (!current) reject(REJECTION.invalidDeadlineChange, 'the clock is running');
  if (current.taskId && current.until) {
    reject(
      REJECTION.invalidDeadlineChange,
      `the clock stands still while task ${current.taskId} is open, until ${current.until} at most`,
    );
  }
  if (current.taskId) {
    reject(
      REJECTION.invalidDeadlineChange,
      `the clock stands still until the applicant answers task ${current.taskId}`,
    );
  }
}

/** What an extension would move, checked against what the definition allows. */
interface Extensible {
  /** How far in all (`maxExtension`). */
  max?: PlanDuration;
  /** How many times, and how far as a share of the term (`extension`). */
  limits?: PlanExtension;
  /** The term the deadline was first set by, which a share is of. */
  term?: PlanDuration;
  clock: ClockKind;
  task?: TaskRecord;
}

/** The request's term: the urgent one when its first target was set by it. */
function requestTerm(rc: RequestCase): PlanDuration {
  const { urgency, sla } = rc.plan;
  const target = rc.s.deadlines.target;
  if (!urgency) return sla;
  const urgentAt = iso(rc.clock(urgency.sla).add(Date.parse(rc.s.startedAt), urgency.sla.duration));
  return urgentAt === target.original ? urgency.sla : sla;
}

function extensionOf(rc: RequestCase, input: ExtendInput): Extensible {
  if (input.of === 'request')
    return {
      clock: rc.s.deadlines.target.clock,
      ...(rc.plan.maxExtension ? { max: rc.plan.maxExtension } : {}),
      ...(rc.plan.extension ? { limits: rc.plan.extension, term: requestTerm(rc) } : {}),
    };
  const task = rc.task(input.of);
  if (!task || task.status !== 'open')
    reject(REJECTION.invalidDeadlineChange, `no open task ${input.of} of this request`);
  if (task.deadlineOfRequest)
    reject(
      REJECTION.invalidDeadlineChange,
      `step '${task.stepId}' has no deadline of its own: it is due when the request is; extend the request`,
    );
  const step = task.kind === 'incident' ? undefined : rc.plan.steps[task.stepId];
  const own = step && 'sla' in step ? step : undefined;
  return {
    clock: task.clock,
    task,
    ...(own?.maxExtension ? { max: own.maxExtension } : {}),
    ...(own?.extension ? { limits: own.extension, term: own.sla } : {}),
  };
}

/** Percent of a share, as people say it. */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function validateExtension(rc: RequestCase, input: ExtendInput): void {
  rc.assertActive();
  const duration = parseWorkingDuration(input.by);
  if (!duration || (duration.days === 0 && duration.ms === 0)) {
    reject(REJECTION.invalidDeadlineChange, `'${input.by}' is not a duration such as P2D or PT4H`);
  }
  if (input.reason.trim().length < 3)
    reject(REJECTION.invalidDeadlineChange, 'say why the deadline is extended');
  const { max, limits, term, clock, task } = extensionOf(rc, input);
  const what = task ? `step '${task.stepId}'` : 'the request';
  if (!max && limits?.maxShare === undefined)
    reject(REJECTION.invalidDeadlineChange, `the definition allows no extension of ${what}`);
  const used = rc.s.extensionsUsed[input.of] ?? 0;
  const more = nominalMs(rc, clock, duration);
  if (max && used + more > nominalMs(rc, clock, max.duration)) {
    reject(
      REJECTION.invalidDeadlineChange,
      `${what} may be extended by ${max.text} in all; ${input.by} more would go beyond it`,
    );
  }
  if (limits?.maxTimes !== undefined) {
    const times = rc.s.deadlineChanges.filter((c) => c.of === input.of && c.cause === 'extension').length;
    if (times >= limits.maxTimes)
      reject(
        REJECTION.invalidDeadlineChange,
        `the number of extensions of ${what} is limited to ${limits.maxTimes}, and it has had ${times}`,
      );
  }
  if (limits?.maxShare !== undefined && term) {
    if (used + more > nominalMs(rc, clock, term.duration) * limits.maxShare)
      reject(
        REJECTION.invalidDeadlineChange,
        `${what} may be extended by ${percent(limits.maxShare)} of its term ${term.text} in all; ${input.by} more would go beyond it`,
      );
  }
}

/** Extends a target deadline (never a statutory one: that is the law's). */
export function extendDeadline(rc: RequestCase, input: ExtendInput, nowMs: number): TaskRecord | undefined {
  const duration = parseWorkingDuration(input.by) ?? { days: 0, ms: 0 };
  const { clock: kind, task } = extensionOf(rc, input);
  const clock = rc.clock(kind);
  rc.s.extensionsUsed[input.of] = (rc.s.extensionsUsed[input.of] ?? 0) + nominalMs(rc, kind, duration);
  const entry = {
    of: input.of,
    kind: 'target' as const,
    cause: 'extension' as const,
    reason: input.reason,
    by: input.actor,
  };
  if (!task) {
    const target = rc.s.deadlines.target;
    const to = iso(clock.add(Date.parse(target.at), duration));
    change(rc, { ...entry, from: target.at, to }, nowMs);
    target.at = to;
    // Tasks with no SLA of their own are due when the request is.
    for (const due of rc.openTasks().filter((t) => t.deadlineOfRequest)) {
      change(rc, { ...entry, of: due.taskId, from: due.deadline, to }, nowMs);
      moveTo(rc, due, to, nowMs);
    }
    return undefined;
  }
  const to = iso(clock.add(Date.parse(task.deadline), duration));
  change(rc, { ...entry, from: task.deadline, to }, nowMs);
  moveTo(rc, task, to, nowMs);
  return task;
}

/** A task's deadline moves to an instant; its reminder keeps its share of the term. */
function moveTo(rc: RequestCase, task: TaskRecord, to: string, nowMs: number): void {
  const clock = rc.clock(task.clock);
  task.deadline = to;
  const opened = Date.parse(task.openedAt);
  task.atRiskAt =
    task.remindAt > 0 ? iso(clock.addMs(opened, clock.between(opened, Date.parse(to)) * task.remindAt)) : to;
  rearm(task, nowMs);
}
