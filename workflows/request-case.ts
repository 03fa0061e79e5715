/**
 * The state of one request and the rules that change it. No Temporal calls happen here except
 * the failures its validators throw, so the interpreter reads as the story and this class as
 * the bookkeeping. Its whole state is one plain object, which continue-as-new carries.
 */
import { ApplicationFailure } from '@temporalio/common';
import { clockFor, type Clock, type ClockKind } from '../lib/calendar/clock';
import { holds } from '../lib/expressions/evaluate';
import { checkFormData } from '../lib/forms/form-data';
import type { PlanDuration, PlanEndStep, PlanStep, RungTarget, Title } from '../lib/plan/types';
import type { KnownTarget } from './known-target';
import { REJECTION } from './messages';
import { hasPatch, SETTLE_PENDING_AT_END_PATCH } from './request-patches';
import type {
  Acting,
  ApplicantAnswerInput,
  Assignment,
  Caller,
  CaseState,
  ClaimInput,
  CompleteTaskInput,
  Deadline,
  EscalationRecord,
  FeeRecord,
  JournalEntry,
  OpenTaskSummary,
  Party,
  ReassignInput,
  RequestInput,
  RequestState,
  RequestStatus,
  RequestSummary,
  ReturnInput,
  SlaState,
  TaskRecord,
} from './types';

const SLA_ORDER: SlaState[] = ['ok', 'at-risk', 'breached'];
/** Whom a rung recorded before its target is found goes to, until it is. */
export const TARGET_PENDING: Party = { principal: '', title: { fa: 'در حال یافتن', en: 'being found' } };
/** Whom a rung still pending when its request ended goes to: no one is alerted about an ended request. */
export const TARGET_NOT_NEEDED: Party = {
  principal: '',
  title: { fa: 'هیچ‌کس: درخواست پایان یافت', en: 'no one: the request ended' },
};
export const iso = (ms: number) => new Date(ms).toISOString();

/** What opening a task needs to know, whatever kind of step it comes from. */
export interface TaskSpec {
  stepId: string;
  kind: TaskRecord['kind'];
  title: Title;
  sla: PlanDuration;
  statutory?: PlanDuration;
  /** Share of the SLA after which the task is at risk; 0 for never. */
  remindAt: number;
  /** Every outcome the step declares, with whether it is still available and who may take it. */
  outcomes: { id: string; title: Title; available: boolean; roles?: string[] }[];
  branches: string[];
  /** The bill a payment task waits on. */
  billId?: string;
  /** No SLA of its own: the task is due when the request is. */
  ofService?: true;
  /** What the citizen reads while the request waits at the task. */
  applicationStatus?: Title;
  /** The highest level the task's ladder may alert. */
  maxDepth?: number;
  /** While the task is open the request's clock stands still, for at most the expected time. */
  suspend?: { expected: PlanDuration; reason: Title };
}

/** Throws the failure a validator rejects with: nothing is written, the caller learns why. */
export function reject(type: string, message: string, details?: unknown): never {
  throw ApplicationFailure.create({
    type,
    message,
    nonRetryable: true,
    ...(details ? { details: [details] } : {}),
  });
}

/** Whether someone acting for `principal` may complete a task held by `holder`. */
export function actsFor(principal: string, holder: string): boolean {
  // A department's staff act on the tasks of its roles too.
  return principal === holder || holder.startsWith(`${principal}/`);
}

/** Whether a caller acting as `acting` acts for work held by `holder` in a request of `district`. */
export function actsForHolder(acting: Acting, holder: string, district: string): boolean {
  if (holder.startsWith('agency:'))
    return acting.holders.includes(holder) && (acting.agencyDistrict ?? district) === district;
  return acting.holders.includes(holder) || acting.anyRoleOf.some((unit) => holder.startsWith(`${unit}/`));
}

/** Whether the caller acts for the holder: as `acting`, or (recorded before it) as one principal. */
function actsForTask(
  command: { acting?: Acting; actingAs?: string },
  holder: string,
  district: string,
): boolean {
  if (command.acting) return actsForHolder(command.acting, holder, district);
  return command.actingAs === undefined || actsFor(command.actingAs, holder);
}

export class RequestCase {
  readonly s: CaseState;
  /**
   * Deadlines recorded at their instant whose rows, targets and notices are still to follow
   * (workflows/sla-watch.ts); not state: the request does not continue as new meanwhile.
   */
  following = 0;

  constructor(
    readonly input: RequestInput,
    nowMs: number,
  ) {
    if (input.resume) {
      this.s = input.resume.state;
      this.s.continuedAsNew += 1;
      return;
    }
    const { plan } = input;
    const data = { ...input.data };
    // A request received before it was registered has been waiting since it was received.
    const startMs = input.received ? Math.min(Date.parse(input.received.receivedAt), nowMs) : nowMs;
    const target = plan.urgency && holds(plan.urgency.when, data) ? plan.urgency.sla : plan.sla;
    const deadline = (d: PlanDuration): Deadline => {
      const at = iso(clockFor(d.clock, input.calendar).add(startMs, d.duration));
      return { at, original: at, clock: d.clock };
    };
    this.s = {
      state: 'active',
      data,
      tasks: [],
      journal: [],
      escalations: [],
      fees: [],
      outcomeCounts: {},
      startedAt: iso(startMs),
      deadlines: {
        target: deadline(target),
        ...(plan.statutoryDeadline ? { statutory: deadline(plan.statutoryDeadline) } : {}),
      },
      suspensions: [],
      deadlineChanges: [],
      extensionsUsed: {},
      taskSeq: 0,
      continuedAsNew: 0,
      ...(input.received ? { received: { ...input.received, registeredAt: iso(nowMs) } } : {}),
    };
  }

  get plan() {
    return this.input.plan;
  }
  get state(): RequestState {
    return this.s.state;
  }
  get data() {
    return this.s.data;
  }
  get tasks() {
    return this.s.tasks;
  }
  get escalations() {
    return this.s.escalations;
  }

  /** The clock a kind of deadline counts on. */
  clock(kind: ClockKind | PlanDuration): Clock {
    return clockFor(typeof kind === 'string' ? kind : kind.clock, this.input.calendar);
  }

  step(id: string): PlanStep {
    const step = this.plan.steps[id];
    if (!step) throw ApplicationFailure.nonRetryable(`plan has no step '${id}'`, 'PlanError');
    return step;
  }

  openTasks(): TaskRecord[] {
    return this.s.tasks.filter((task) => task.status === 'open');
  }

  task(taskId: string): TaskRecord | undefined {
    return this.s.tasks.find((task) => task.taskId === taskId);
  }

  /** The open task of a step in a branch, if one is already open (a request that continued as new). */
  openTaskOf(stepId: string, branches: string[]): TaskRecord | undefined {
    return this.openTasks().find((t) => t.stepId === stepId && t.branches.join('|') === branches.join('|'));
  }

  /** Whether an outcome of a step may still be taken (an outcome that leads back has a limit). */
  outcomeAvailable(stepId: string, outcome: string, maxTimes: number | undefined): boolean {
    return (this.s.outcomeCounts[`${stepId}/${outcome}`] ?? 0) < (maxTimes ?? Infinity);
  }

  /** The last completed task of a step, for "the same actor as step X". */
  lastDone(stepId: string): TaskRecord | undefined {
    return this.s.tasks.filter((task) => task.stepId === stepId && task.status === 'done').at(-1);
  }

  /**
   * When work opened now began waiting: now, except in a request registered late that no one
   * has acted on yet, whose first work has waited since the request was received.
   */
  private waitingSince(nowMs: number): number {
    if (!this.s.received || this.s.tasks.some((task) => task.status === 'done')) return nowMs;
    // A late registration's start is its receipt.
    return Date.parse(this.s.startedAt);
  }

  openTask(spec: TaskSpec, assignment: Assignment, nowMs: number, onApplicant = false): TaskRecord {
    const since = this.waitingSince(nowMs);
    const clock = this.clock(spec.sla);
    const deadlineMs = spec.ofService
      ? Date.parse(this.s.deadlines.target.at)
      : clock.add(since, spec.sla.duration);
    const atRiskMs =
      spec.remindAt > 0 ? clock.addMs(since, clock.between(since, deadlineMs) * spec.remindAt) : deadlineMs;
    const task: TaskRecord = {
      taskId: `${this.input.trackingCode}-${++this.s.taskSeq}`,
      stepId: spec.stepId,
      kind: spec.kind,
      title: spec.title,
      assignee: assignment.assignee,
      supervisor: assignment.supervisor,
      routing: assignment.note,
      ...(assignment.decision ? { decision: assignment.decision } : {}),
      ...(spec.billId ? { billId: spec.billId } : {}),
      ...(spec.applicationStatus ? { applicationStatus: spec.applicationStatus } : {}),
      ...(spec.maxDepth !== undefined ? { maxDepth: spec.maxDepth } : {}),
      outcomes: spec.outcomes
        .filter((o) => o.available)
        .map(({ id, title, roles }) => ({ id, title, ...(roles ? { roles } : {}) })),
      openedAt: iso(since),
      atRiskAt: iso(Math.min(atRiskMs, deadlineMs)),
      remindAt: spec.remindAt,
      deadline: iso(deadlineMs),
      originalDeadline: iso(deadlineMs),
      ...(spec.statutory
        ? { statutoryDeadline: iso(this.clock(spec.statutory).add(since, spec.statutory.duration)) }
        : {}),
      clock: spec.sla.clock,
      ...(spec.ofService ? { deadlineOfRequest: true as const } : {}),
      deadlineVersion: 0,
      onApplicant,
      status: 'open',
      branches: spec.branches,
      sla: 'ok',
      escalationLevel: 0,
      rungsDone: 0,
    };
    this.s.tasks.push(task);
    return task;
  }

  /** Rejects what no update may do once the request has ended. */
  assertActive(): void {
    if (this.s.state !== 'active') {
      reject(REJECTION.requestNotActive, `request ${this.input.trackingCode} has ended (${this.s.state})`);
    }
  }

  /** Whether a completion repeats one already done with the same idempotency key. */
  /**
   * A task of a request the caller has no part in is not found, exactly as one that does not
   * exist: who holds the city's work is nobody else's business. A part is having taken the
   * request in, or acting for a holder its work has passed through, or that an escalation reached.
   */
  assertInvolved(acting: Acting, taskId: string): void {
    const { intakeOffice, district, trackingCode } = this.input;
    const tasks = this.s.tasks;
    const holders = [
      ...tasks.map((t) => t.assignee.principal),
      ...tasks.flatMap((t) => (t.moves ?? []).map((m) => m.from.principal)),
      ...this.s.escalations.flatMap((e) => [e.from.principal, e.to.principal]),
    ];
    const involved =
      (intakeOffice !== undefined && acting.holders.includes(`office:${intakeOffice}`)) ||
      holders.some((holder) => actsForHolder(acting, holder, district));
    if (!involved) reject(REJECTION.taskNotFound, `request ${trackingCode} has no task ${taskId}`);
  }

  /** The applicant's own changes (withdraw, answer, pay): the applicant, or the office that took it in. */
  assertForApplicant(caller: Caller | undefined): void {
    if (!caller || caller.applicant) return;
    const { intakeOffice } = this.input;
    if (intakeOffice !== undefined && caller.acting.holders.includes(`office:${intakeOffice}`)) return;
    reject(REJECTION.forbidden, 'Only the applicant, or the office that took the request in, may do this.');
  }

  /**
   * A step only the citizen may do (`applicant: only`), such as a consent: the office that took
   * the request in may not answer it for them.
   */
  assertAnswerableBy(caller: Caller, taskId: string): void {
    if (caller.applicant) return;
    const task = this.task(taskId);
    const step = task ? this.plan.steps[task.stepId] : undefined;
    if (step?.kind === 'task' && step.assignee.type === 'applicant' && step.assignee.only)
      reject(
        REJECTION.forbidden,
        `Only the applicant themselves may answer step '${step.id}'; no office may answer it for them.`,
      );
  }

  /** Clock and deadline changes: a manager, or staff holding open work of the request. */
  assertHoldsWork(caller: Caller | undefined): void {
    if (!caller || caller.manager) return;
    const holds = this.openTasks().some((task) =>
      actsForHolder(caller.acting, task.assignee.principal, this.input.district),
    );
    if (!holds)
      reject(
        REJECTION.forbidden,
        'Only a manager, or staff holding open work of the request, may change its clock.',
      );
  }

  /**
   * The completion an applicant's answer stands for: of the task waiting on them, with its only
   * outcome when they name none. A retry of an answer already given is its own repeat.
   */
  applicantCompletion(answer: ApplicantAnswerInput): CompleteTaskInput {
    const key = answer.idempotencyKey;
    const answered = this.s.tasks.find((t) => t.onApplicant && key !== undefined && t.idempotencyKey === key);
    const task = answered ?? this.openTasks().find((t) => t.onApplicant);
    if (!task)
      return reject(
        REJECTION.nothingAsked,
        `Request ${this.input.trackingCode} is not waiting on the applicant.`,
      );
    const outcome = answer.outcome ?? (task.outcomes.length === 1 ? task.outcomes[0]?.id : undefined);
    if (!outcome)
      return reject(
        REJECTION.outcomeNotAllowed,
        `Say which answer: ${task.outcomes.map((o) => o.id).join(', ')}.`,
      );
    return {
      taskId: task.taskId,
      outcome: answered?.outcome ?? outcome,
      ...(answer.data ? { data: answer.data } : {}),
      actor: answer.caller.applicant ? task.assignee.principal : (answer.actor ?? task.assignee.principal),
      ...(key !== undefined ? { idempotencyKey: key } : {}),
    };
  }

  isRepeat(command: CompleteTaskInput): boolean {
    const task = this.task(command.taskId);
    return (
      command.idempotencyKey !== undefined &&
      task?.status === 'done' &&
      task.idempotencyKey === command.idempotencyKey
    );
  }

  /** The update validator: rejects, before anything is written, what cannot be done. */
  validateCompletion(
    command: CompleteTaskInput,
    step: {
      declared: (task: TaskRecord) => string[];
      form: (task: TaskRecord) => Record<string, unknown> | undefined;
      /** The roles an outcome is kept to, when it is. */
      roles?: (task: TaskRecord, outcome: string) => string[] | undefined;
    },
  ): void {
    if (this.isRepeat(command)) return;
    if (command.acting) this.assertInvolved(command.acting, command.taskId);
    this.assertActive();
    const task = this.task(command.taskId);
    if (!task)
      return reject(
        REJECTION.taskNotFound,
        `request ${this.input.trackingCode} has no task ${command.taskId}`,
      );
    if (task.status !== 'open') {
      const how = task.status === 'done' ? `was completed with '${task.outcome ?? ''}'` : 'was cancelled';
      return reject(
        REJECTION.taskNotOpen,
        `task ${task.taskId} is not open: it ${how} at ${task.closedAt ?? ''}`,
      );
    }
    if (!actsForTask(command, task.assignee.principal, this.input.district)) {
      return reject(
        REJECTION.notAssignee,
        `task ${task.taskId} is held by ${task.assignee.principal}; you do not act for it`,
      );
    }
    if (task.claimedBy !== undefined && command.actor !== undefined && command.actor !== task.claimedBy) {
      return reject(REJECTION.taskClaimed, `task ${task.taskId} is claimed by ${task.claimedBy}`);
    }
    const allowed = step.declared(task);
    if (!allowed.includes(command.outcome)) {
      return reject(
        REJECTION.outcomeNotAllowed,
        `step '${task.stepId}' does not allow the outcome '${command.outcome}'; allowed: ${allowed.join(', ')}`,
      );
    }
    if (!task.outcomes.some((outcome) => outcome.id === command.outcome)) {
      return reject(
        REJECTION.outcomeExhausted,
        `outcome '${command.outcome}' of step '${task.stepId}' was already taken as many times as allowed`,
      );
    }
    const kept = step.roles?.(task, command.outcome);
    if (kept && !kept.some((role) => command.acting?.roles?.includes(role))) {
      return reject(
        REJECTION.forbidden,
        `Only a holder of one of the roles ${kept.join(', ')} may take the outcome '${command.outcome}' of step '${task.stepId}'.`,
      );
    }
    const form = step.form(task);
    const data = command.data ?? {};
    const errors = form
      ? checkFormData(form, data)
      : Object.keys(data).length > 0
        ? [`step '${task.stepId}' collects no data`]
        : [];
    if (errors.length > 0) reject(REJECTION.invalidData, errors.join('; '), { errors });
  }

  complete(command: CompleteTaskInput, nowMs: number, note?: string): TaskRecord {
    const task = this.task(command.taskId) as TaskRecord;
    if (this.isRepeat(command)) return task;
    task.status = 'done';
    task.outcome = command.outcome;
    const actor = command.actor ?? command.actingAs ?? task.assignee.principal;
    task.actor = actor;
    task.closedAt = iso(nowMs);
    if (command.idempotencyKey) task.idempotencyKey = command.idempotencyKey;
    if (note) task.note = note;
    if (command.data && Object.keys(command.data).length > 0) {
      task.data = command.data;
      Object.assign(this.s.data, command.data);
    }
    const key = `${task.stepId}/${command.outcome}`;
    this.s.outcomeCounts[key] = (this.s.outcomeCounts[key] ?? 0) + 1;
    if (task.kind === 'payment') {
      // Tasks opened before they knew their bill pay the first one due, as they always did.
      const fee = this.s.fees.find(
        (f) => f.status === 'due' && (task.billId ? f.billId === task.billId : f.billId.length > 0),
      );
      if (fee) {
        fee.status = 'paid';
        fee.paidAt = task.closedAt;
        const receipt = command.data?.receipt;
        if (typeof receipt === 'string') fee.receipt = receipt;
      }
    }
    this.record(
      {
        stepId: task.stepId,
        kind: task.kind,
        title: task.title,
        taskId: task.taskId,
        outcome: command.outcome,
        actor,
        ...(note ? { note } : {}),
      },
      nowMs,
    );
    return task;
  }

  /** Closes the open tasks of cancelled parallel branches. */
  cancelTasksIn(branchKeys: string[], reason: string, nowMs: number): void {
    for (const task of this.openTasks()) {
      if (task.branches.some((key) => branchKeys.includes(key))) this.cancelTask(task, reason, nowMs);
    }
  }

  cancelTask(task: TaskRecord, reason: string, nowMs: number): void {
    task.status = 'cancelled';
    task.closedAt = iso(nowMs);
    task.note = reason;
  }

  record(entry: Omit<JournalEntry, 'at'>, nowMs: number): void {
    this.s.journal.push({ at: iso(nowMs), ...entry });
  }

  mergeData(patch: Record<string, unknown>): void {
    Object.assign(this.s.data, patch);
  }

  addFee(fee: FeeRecord): void {
    this.s.fees.push(fee);
  }

  /** The fee a payment task collects, by its task. */
  dueFee(): FeeRecord | undefined {
    return this.s.fees.find((fee) => fee.status === 'due');
  }

  markAtRisk(task: TaskRecord): void {
    if (task.status === 'open' && task.sla === 'ok') task.sla = 'at-risk';
  }

  markBreached(task: TaskRecord): void {
    if (task.status === 'open') task.sla = 'breached';
  }

  /**
   * One rung of the escalation ladder recorded at its instant: with its target when the request
   * knows it, else pending until `settleEscalation` fills it in.
   */
  escalateAt(task: TaskRecord, action: RungTarget, atMs: number, target?: KnownTarget): EscalationRecord {
    task.escalationLevel += 1;
    task.rungsDone += 1;
    const escalation: EscalationRecord = {
      at: iso(atMs),
      taskId: task.taskId,
      stepId: task.stepId,
      level: task.escalationLevel,
      action,
      reason: target?.reason ?? 'the SLA passed: whom to alert is being found',
      from: task.assignee,
      to: target?.to ?? TARGET_PENDING,
      ...(target ? {} : { pending: true as const }),
    };
    this.s.escalations.push(escalation);
    return escalation;
  }

  /** The target of a pending rung, found: filled in, and the task given to its new holder if still open. */
  settleEscalation(
    task: TaskRecord,
    escalation: EscalationRecord,
    target: KnownTarget & { reassigned?: Assignment },
  ): void {
    escalation.to = target.to;
    escalation.reason = target.reason;
    delete escalation.pending;
    if (target.reassigned && task.status === 'open') this.giveTo(task, target.reassigned);
  }

  private giveTo(task: TaskRecord, reassigned: Assignment): void {
    delete task.claimedBy;
    delete task.claimedAt;
    task.assignee = reassigned.assignee;
    task.supervisor = reassigned.supervisor;
    task.routing = reassigned.note;
  }

  /** One rung of the escalation ladder, its target known: recorded, and the task given to the new assignee. */
  escalate(
    task: TaskRecord,
    action: RungTarget,
    to: Party,
    reason: string,
    nowMs: number,
    reassigned?: Assignment,
  ): EscalationRecord {
    const escalation = this.escalateAt(task, action, nowMs, { to, reason });
    if (reassigned) this.giveTo(task, reassigned);
    return escalation;
  }

  /** An open task of this request, or the rejection that says why not. */
  liveTask(taskId: string): TaskRecord {
    this.assertActive();
    const task = this.task(taskId);
    if (!task)
      return reject(REJECTION.taskNotFound, `request ${this.input.trackingCode} has no task ${taskId}`);
    if (task.status !== 'open') return reject(REJECTION.taskNotOpen, `task ${taskId} is not open`);
    return task;
  }

  validateClaim(command: ClaimInput): void {
    if (command.acting) this.assertInvolved(command.acting, command.taskId);
    const task = this.liveTask(command.taskId);
    if (!actsForTask(command, task.assignee.principal, this.input.district))
      reject(
        REJECTION.notAssignee,
        `task ${task.taskId} is held by ${task.assignee.principal}; you do not act for it`,
      );
    if (task.claimedBy !== undefined && task.claimedBy !== command.by)
      reject(REJECTION.taskClaimed, `task ${task.taskId} is claimed by ${task.claimedBy}`);
  }

  claim(command: ClaimInput, nowMs: number): void {
    const task = this.task(command.taskId) as TaskRecord;
    if (task.claimedBy === command.by) return;
    task.claimedBy = command.by;
    task.claimedAt = iso(nowMs);
  }

  validateReturn(command: ReturnInput): void {
    if (command.acting) this.assertInvolved(command.acting, command.taskId);
    const task = this.liveTask(command.taskId);
    if (task.claimedBy === undefined) reject(REJECTION.taskNotClaimed, `task ${task.taskId} is not claimed`);
    if (task.claimedBy !== command.by && !command.force)
      reject(REJECTION.taskClaimed, `task ${task.taskId} is claimed by ${task.claimedBy}`);
  }

  release(command: ReturnInput): void {
    const task = this.task(command.taskId) as TaskRecord;
    delete task.claimedBy;
    delete task.claimedAt;
  }

  validateReassign(command: ReassignInput): void {
    const task = this.liveTask(command.taskId);
    if (task.onApplicant || task.kind === 'payment')
      reject(
        REJECTION.cannotMove,
        `task ${task.taskId} waits on the applicant or the treasury; it cannot move`,
      );
    if (command.to.assignee.principal === task.assignee.principal)
      reject(REJECTION.cannotMove, `task ${task.taskId} is already held by ${task.assignee.principal}`);
    if (command.reason.trim().length < 3) reject(REJECTION.cannotMove, 'say why the task moves');
  }

  /** The task moves to another holder outside the ladder: its office's licence stopped, or a manager moved it. */
  moveTask(task: TaskRecord, to: Assignment, reason: string, nowMs: number): void {
    delete task.claimedBy;
    delete task.claimedAt;
    (task.moves ??= []).push({ at: iso(nowMs), from: task.assignee, to: to.assignee, reason });
    task.assignee = to.assignee;
    task.supervisor = to.supervisor;
    task.routing = `${reason}; ${to.note}`;
    if (to.decision) task.decision = to.decision;
    else delete task.decision;
  }

  /** Work per holder, for the reports: tasks held, done, breached, and the time done ones took. */
  workSummary(): Record<string, { tasks: number; done: number; breached: number; ms: number }> {
    const work: Record<string, { tasks: number; done: number; breached: number; ms: number }> = {};
    for (const task of this.s.tasks) {
      if (task.status === 'cancelled') continue;
      const entry = (work[task.assignee.principal] ??= { tasks: 0, done: 0, breached: 0, ms: 0 });
      entry.tasks += 1;
      if (task.sla === 'breached') entry.breached += 1;
      if (task.status === 'done' && task.closedAt) {
        entry.done += 1;
        entry.ms += Date.parse(task.closedAt) - Date.parse(task.openedAt);
      }
    }
    return work;
  }

  /** The office of the request and how it got it: walked in, chosen by the applicant, or by the rule. */
  officeOfRecord(): { office: string; how: 'walk-in' | 'chosen' | 'rule' } | undefined {
    const first = this.s.tasks.find((task) =>
      (task.moves?.[0]?.from ?? task.assignee).principal.startsWith('office:'),
    );
    if (!first) return undefined;
    const original = first.moves?.[0]?.from ?? first.assignee;
    const how = this.input.intakeOffice ? 'walk-in' : this.input.chosenOffice ? 'chosen' : 'rule';
    return { office: original.principal.slice('office:'.length), how };
  }

  /** The request as a whole passed its statutory deadline: the steering committee is told. */
  /**
   * The request past its statutory deadline, escalated to the steering committee: with its
   * target when known, else pending until `settleRequestEscalation` fills it in.
   */
  escalateRequest(to: Party | undefined, reason: string, nowMs: number): EscalationRecord {
    const escalation: EscalationRecord = {
      at: iso(nowMs),
      taskId: '',
      stepId: '',
      level: 1,
      action: 'steering-committee',
      reason,
      from: { principal: `request:${this.input.trackingCode}`, title: this.plan.title },
      to: to ?? TARGET_PENDING,
      ...(to ? {} : { pending: true as const }),
    };
    this.s.escalations.push(escalation);
    return escalation;
  }

  /** The committee a pending statutory escalation goes to, found. */
  settleRequestEscalation(escalation: EscalationRecord, to: Party): void {
    escalation.to = to;
    delete escalation.pending;
  }

  finish(step: PlanEndStep, nowMs: number): void {
    this.end(step.result, nowMs);
    this.record({ stepId: step.id, kind: 'end', title: step.title }, nowMs);
  }

  /** Ends the request; tasks still open are closed, and a suspension ends with it. */
  end(state: RequestState, nowMs: number): void {
    this.s.state = state;
    this.s.endedAt = iso(nowMs);
    const pending = this.s.escalations.filter((e) => e.pending);
    if (pending.length > 0 && hasPatch(this.input, SETTLE_PENDING_AT_END_PATCH)) {
      for (const escalation of pending) {
        escalation.to = TARGET_NOT_NEEDED;
        escalation.reason = `${escalation.reason}; the request ended (${state}) before it was found`;
        delete escalation.pending;
      }
    }
    for (const task of this.openTasks()) this.cancelTask(task, `the request ended (${state})`, nowMs);
    const open = this.s.suspensions.find((s) => s.to === undefined);
    if (open) open.to = this.s.endedAt;
  }

  /**
   * The operations department cancels the request over a step that cannot go on; fees already
   * paid are to be refunded, as after a withdrawal.
   */
  cancelOverIncident(incident: TaskRecord, nowMs: number): void {
    for (const fee of this.s.fees) if (fee.status === 'paid') fee.refund = 'due';
    this.record(
      {
        stepId: incident.stepId,
        kind: 'incident',
        title: incident.title,
        taskId: incident.taskId,
        outcome: 'cancel',
        ...(incident.actor ? { actor: incident.actor } : {}),
        note: 'the operations department cancelled the request',
      },
      nowMs,
    );
    this.end('cancelled', nowMs);
  }

  /** The citizen withdraws: the request ends as cancelled; fees already paid are to be refunded. */
  withdraw(reason: string, actor: string, nowMs: number): void {
    for (const fee of this.s.fees) if (fee.status === 'paid') fee.refund = 'due';
    this.record(
      {
        stepId: '',
        kind: 'withdrawal',
        title: { fa: 'انصراف متقاضی', en: 'Withdrawn by the applicant' },
        actor,
        note: reason,
      },
      nowMs,
    );
    this.end('cancelled', nowMs);
  }

  worstSla(): SlaState {
    return this.openTasks().reduce<SlaState>(
      (worst, task) => (SLA_ORDER.indexOf(task.sla) > SLA_ORDER.indexOf(worst) ? task.sla : worst),
      'ok',
    );
  }

  escalatedTo(taskId: string): string[] {
    return this.s.escalations
      .filter((e) => e.taskId === taskId && e.action !== 'reassign' && !e.pending)
      .map((e) => e.to.principal);
  }

  openTaskSummaries(): OpenTaskSummary[] {
    return this.openTasks().map((task) => ({
      taskId: task.taskId,
      stepId: task.stepId,
      title: task.title,
      assignee: task.assignee,
      deadline: task.deadline,
      sla: task.sla,
      escalationLevel: task.escalationLevel,
      escalatedTo: this.escalatedTo(task.taskId),
      ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
    }));
  }

  suspension() {
    return this.s.suspensions.find((s) => s.to === undefined);
  }

  /** The request as an update answers it: state, SLA, deadlines and open tasks, no history. */
  summary(): RequestSummary {
    const { input, s } = this;
    const suspended = this.suspension();
    return {
      trackingCode: input.trackingCode,
      serviceId: input.plan.serviceId,
      serviceTitle: input.plan.title,
      definitionVersion: input.plan.version,
      district: input.district,
      channel: input.channel,
      ...(input.intakeOffice ? { intakeOffice: input.intakeOffice } : {}),
      state: s.state,
      sla: this.worstSla(),
      startedAt: s.startedAt,
      ...(s.endedAt ? { endedAt: s.endedAt } : {}),
      deadlines: s.deadlines,
      ...(suspended ? { suspended } : {}),
      openTasks: this.openTasks(),
    };
  }

  status(): RequestStatus {
    const { input } = this;
    const { tasks: _tasks, taskSeq: _seq, notifications: _notifications, ...record } = this.s;
    const suspended = this.suspension();
    return {
      trackingCode: input.trackingCode,
      serviceId: input.plan.serviceId,
      serviceTitle: input.plan.title,
      definitionVersion: input.plan.version,
      definitionHash: input.plan.hash,
      district: input.district,
      channel: input.channel,
      ...(input.intakeOffice ? { intakeOffice: input.intakeOffice } : {}),
      ...record,
      sla: this.worstSla(),
      ...(suspended ? { suspended } : {}),
      openTasks: this.openTasks(),
      closedTasks: this.s.tasks.filter((task) => task.status !== 'open'),
    };
  }
}
