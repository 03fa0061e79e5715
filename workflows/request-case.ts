/**
 * The state of one request and the rules that change it. No Temporal calls happen here except
 * the failures its validators throw, so the interpreter reads as the story and this class as
 * the bookkeeping.
 */
import { ApplicationFailure } from '@temporalio/common';
import { clockFor, type Clock } from '../lib/calendar/clock';
import { holds } from '../lib/expressions/evaluate';
import type { PlanDuration, PlanEndStep, PlanStep, RungTarget, Title } from '../lib/plan/types';
import { REJECTION } from './messages';
import type {
  Assignment,
  CompleteTaskInput,
  EscalationRecord,
  FeeRecord,
  JournalEntry,
  OpenTaskSummary,
  Party,
  RequestInput,
  RequestState,
  RequestStatus,
  SlaState,
  TaskRecord,
} from './types';

const SLA_ORDER: SlaState[] = ['ok', 'at-risk', 'breached'];
const iso = (ms: number) => new Date(ms).toISOString();

/** What opening a task needs to know, whatever kind of step it comes from. */
export interface TaskSpec {
  stepId: string;
  kind: TaskRecord['kind'];
  title: Title;
  sla: PlanDuration;
  /** Share of the SLA after which the task is at risk; 0 for never. */
  remindAt: number;
  /** Every outcome the step declares, with whether it is still available. */
  outcomes: { id: string; title: Title; available: boolean }[];
  branches: string[];
}

export class RequestCase {
  state: RequestState = 'active';
  readonly data: Record<string, unknown>;
  readonly tasks: TaskRecord[] = [];
  readonly journal: JournalEntry[] = [];
  readonly escalations: EscalationRecord[] = [];
  readonly fees: FeeRecord[] = [];
  readonly outcomeCounts: Record<string, number> = {};
  readonly startedAt: string;
  readonly dueAt: string;
  endedAt?: string;
  private taskSeq = 0;

  constructor(
    readonly input: RequestInput,
    nowMs: number,
  ) {
    this.data = { ...input.data };
    this.startedAt = iso(nowMs);
    const { urgency } = input.plan;
    const target = urgency && holds(urgency.when, this.data) ? urgency.sla : input.plan.sla;
    this.dueAt = iso(this.clock(target).add(nowMs, target.duration));
  }

  /** The clock a duration counts on. */
  clock(duration: PlanDuration): Clock {
    return clockFor(duration.clock, this.input.calendar);
  }

  get plan() {
    return this.input.plan;
  }

  step(id: string): PlanStep {
    const step = this.plan.steps[id];
    if (!step) throw ApplicationFailure.nonRetryable(`plan has no step '${id}'`, 'PlanError');
    return step;
  }

  openTasks(): TaskRecord[] {
    return this.tasks.filter((task) => task.status === 'open');
  }

  task(taskId: string): TaskRecord | undefined {
    return this.tasks.find((task) => task.taskId === taskId);
  }

  /** Whether an outcome of a step may still be taken (an outcome that leads back has a limit). */
  outcomeAvailable(stepId: string, outcome: string, maxTimes: number | undefined): boolean {
    return (this.outcomeCounts[`${stepId}/${outcome}`] ?? 0) < (maxTimes ?? Infinity);
  }

  /** The last completed task of a step, for "the same actor as step X". */
  lastDone(stepId: string): TaskRecord | undefined {
    return this.tasks.filter((task) => task.stepId === stepId && task.status === 'done').at(-1);
  }

  openTask(spec: TaskSpec, assignment: Assignment, nowMs: number): TaskRecord {
    const clock = this.clock(spec.sla);
    const deadlineMs = clock.add(nowMs, spec.sla.duration);
    const total = clock.between(nowMs, deadlineMs);
    const atRiskMs = spec.remindAt > 0 ? clock.addMs(nowMs, total * spec.remindAt) : deadlineMs;
    const task: TaskRecord = {
      taskId: `${this.input.trackingCode}-${++this.taskSeq}`,
      stepId: spec.stepId,
      kind: spec.kind,
      title: spec.title,
      assignee: assignment.assignee,
      supervisor: assignment.supervisor,
      routing: assignment.note,
      outcomes: spec.outcomes.filter((o) => o.available).map(({ id, title }) => ({ id, title })),
      openedAt: iso(nowMs),
      atRiskAt: iso(Math.min(atRiskMs, deadlineMs)),
      deadline: iso(deadlineMs),
      status: 'open',
      branches: spec.branches,
      sla: 'ok',
      escalationLevel: 0,
    };
    this.tasks.push(task);
    return task;
  }

  /** The update validator: rejects, before anything is written, what cannot be done. */
  validateCompletion(command: CompleteTaskInput, declared: (task: TaskRecord) => string[]): void {
    const task = this.task(command.taskId);
    if (!task) {
      throw ApplicationFailure.create({
        type: REJECTION.taskNotFound,
        message: `request ${this.input.trackingCode} has no task ${command.taskId}`,
        nonRetryable: true,
      });
    }
    if (task.status !== 'open') {
      const how = task.status === 'done' ? `was completed with '${task.outcome ?? ''}'` : 'was cancelled';
      throw ApplicationFailure.create({
        type: REJECTION.taskNotOpen,
        message: `task ${task.taskId} is not open: it ${how} at ${task.closedAt ?? ''}`,
        nonRetryable: true,
      });
    }
    const allowed = declared(task);
    if (!allowed.includes(command.outcome)) {
      throw ApplicationFailure.create({
        type: REJECTION.outcomeNotAllowed,
        message: `step '${task.stepId}' does not allow the outcome '${command.outcome}'; allowed: ${allowed.join(', ')}`,
        nonRetryable: true,
      });
    }
    if (!task.outcomes.some((outcome) => outcome.id === command.outcome)) {
      throw ApplicationFailure.create({
        type: REJECTION.outcomeExhausted,
        message: `outcome '${command.outcome}' of step '${task.stepId}' was already taken as many times as allowed`,
        nonRetryable: true,
      });
    }
  }

  complete(command: CompleteTaskInput, nowMs: number, note?: string): TaskRecord {
    const task = this.task(command.taskId) as TaskRecord;
    task.status = 'done';
    task.outcome = command.outcome;
    task.actor = command.actor;
    task.closedAt = iso(nowMs);
    if (note) task.note = note;
    if (command.data && Object.keys(command.data).length > 0) {
      task.data = command.data;
      Object.assign(this.data, command.data);
    }
    const key = `${task.stepId}/${command.outcome}`;
    this.outcomeCounts[key] = (this.outcomeCounts[key] ?? 0) + 1;
    if (task.kind === 'payment') {
      const fee = this.fees.find((f) => f.status === 'due');
      if (fee) {
        fee.status = 'paid';
        fee.paidAt = task.closedAt;
        const receipt = command.data?.receipt;
        if (typeof receipt === 'string') fee.receipt = receipt;
      }
    }
    this.journal.push({
      at: task.closedAt,
      stepId: task.stepId,
      kind: task.kind,
      title: task.title,
      taskId: task.taskId,
      outcome: command.outcome,
      actor: command.actor,
      ...(note ? { note } : {}),
    });
    return task;
  }

  /** Closes the open tasks of cancelled parallel branches. */
  cancelTasksIn(branchKeys: string[], reason: string, nowMs: number): void {
    for (const task of this.openTasks()) {
      if (task.branches.some((key) => branchKeys.includes(key))) {
        task.status = 'cancelled';
        task.closedAt = iso(nowMs);
        task.note = reason;
      }
    }
  }

  record(entry: Omit<JournalEntry, 'at'>, nowMs: number): void {
    this.journal.push({ at: iso(nowMs), ...entry });
  }

  mergeData(patch: Record<string, unknown>): void {
    Object.assign(this.data, patch);
  }

  addFee(fee: FeeRecord): void {
    this.fees.push(fee);
  }

  markAtRisk(task: TaskRecord): void {
    if (task.status === 'open' && task.sla === 'ok') task.sla = 'at-risk';
  }

  markBreached(task: TaskRecord): void {
    if (task.status === 'open') task.sla = 'breached';
  }

  /** One rung of the escalation ladder: recorded with its reason and, when reassigned, the new assignee. */
  escalate(
    task: TaskRecord,
    action: RungTarget,
    to: Party,
    reason: string,
    nowMs: number,
    reassigned?: Assignment,
  ) {
    task.escalationLevel += 1;
    const escalation: EscalationRecord = {
      at: iso(nowMs),
      taskId: task.taskId,
      stepId: task.stepId,
      level: task.escalationLevel,
      action,
      reason,
      from: task.assignee,
      to,
    };
    if (reassigned) {
      task.assignee = reassigned.assignee;
      task.supervisor = reassigned.supervisor;
      task.routing = reassigned.note;
    }
    this.escalations.push(escalation);
    return escalation;
  }

  finish(step: PlanEndStep, nowMs: number): void {
    this.end(step.result, nowMs);
    this.record({ stepId: step.id, kind: 'end', title: step.title }, nowMs);
  }

  /** Ends the request in a state no end step names: expired (the citizen did not answer in time). */
  end(state: RequestState, nowMs: number): void {
    this.state = state;
    this.endedAt = iso(nowMs);
    for (const task of this.openTasks()) {
      task.status = 'cancelled';
      task.closedAt = this.endedAt;
      task.note = `the request ended (${state})`;
    }
  }

  worstSla(): SlaState {
    return this.openTasks().reduce<SlaState>(
      (worst, task) => (SLA_ORDER.indexOf(task.sla) > SLA_ORDER.indexOf(worst) ? task.sla : worst),
      'ok',
    );
  }

  escalatedTo(taskId: string): string[] {
    return this.escalations
      .filter((e) => e.taskId === taskId && e.action !== 'reassign')
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
    }));
  }

  status(): RequestStatus {
    const { input } = this;
    return {
      trackingCode: input.trackingCode,
      serviceId: input.plan.serviceId,
      serviceTitle: input.plan.title,
      definitionVersion: input.plan.version,
      definitionHash: input.plan.hash,
      district: input.district,
      channel: input.channel,
      ...(input.intakeOffice ? { intakeOffice: input.intakeOffice } : {}),
      state: this.state,
      sla: this.worstSla(),
      startedAt: this.startedAt,
      dueAt: this.dueAt,
      ...(this.endedAt ? { endedAt: this.endedAt } : {}),
      openTasks: this.openTasks(),
      journal: this.journal,
      escalations: this.escalations,
      fees: this.fees,
      outcomeCounts: this.outcomeCounts,
      data: this.data,
    };
  }
}
