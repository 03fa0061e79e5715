/**
 * The state of one request and the rules that change it. No Temporal calls happen here except
 * the failures its validators throw, so the interpreter reads as the story and this class as
 * the bookkeeping.
 */
import { ApplicationFailure } from '@temporalio/common';
import { addWorkingMs, addWorkingTime, workingMsBetween } from '../lib/calendar/working-time';
import { STANDARD_OUTCOMES } from '../lib/plan/outcome-titles';
import type { PlanEndStep, PlanPaymentStep, PlanStep, PlanTaskStep, Title } from '../lib/plan/types';
import { REJECTION } from './messages';
import type {
  Assignment,
  CompleteTaskInput,
  EscalationRecord,
  FeeRecord,
  JournalEntry,
  OpenTaskSummary,
  RequestInput,
  RequestState,
  RequestStatus,
  SlaState,
  TaskRecord,
} from './types';

/** Share of a task's SLA after which it counts as at risk and its assignee is reminded. */
export const AT_RISK_SHARE = 0.8;

const SLA_ORDER: SlaState[] = ['ok', 'at-risk', 'breached'];
const iso = (ms: number) => new Date(ms).toISOString();

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
  /** False from a task's completion until the interpreter waits again: update callers wait on it. */
  settled = false;
  private taskSeq = 0;

  constructor(
    readonly input: RequestInput,
    nowMs: number,
  ) {
    this.data = { ...input.data };
    this.startedAt = iso(nowMs);
    this.dueAt = iso(addWorkingTime(input.calendar, nowMs, input.plan.sla.duration));
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

  private availableOutcomes(step: PlanTaskStep): { id: string; title: Title }[] {
    return Object.entries(step.outcomes)
      .filter(
        ([id, outcome]) => (this.outcomeCounts[`${step.id}/${id}`] ?? 0) < (outcome.maxTimes ?? Infinity),
      )
      .map(([id, outcome]) => ({ id, title: outcome.title }));
  }

  openTask(step: PlanTaskStep | PlanPaymentStep, assignment: Assignment, nowMs: number): TaskRecord {
    const { calendar } = this.input;
    const deadlineMs = addWorkingTime(calendar, nowMs, step.sla.duration);
    const atRiskMs = addWorkingMs(
      calendar,
      nowMs,
      workingMsBetween(calendar, nowMs, deadlineMs) * AT_RISK_SHARE,
    );
    const task: TaskRecord = {
      taskId: `${this.input.trackingCode}-${++this.taskSeq}`,
      stepId: step.id,
      kind: step.kind,
      title: step.title,
      assignee: assignment.assignee,
      supervisor: assignment.supervisor,
      routing: assignment.note,
      outcomes:
        step.kind === 'task'
          ? this.availableOutcomes(step)
          : [{ id: 'paid', title: STANDARD_OUTCOMES.paid ?? { fa: 'پرداخت شد', en: 'Paid' } }],
      openedAt: iso(nowMs),
      atRiskAt: iso(Math.min(atRiskMs, deadlineMs)),
      deadline: iso(deadlineMs),
      status: 'open',
      sla: 'ok',
      escalationLevel: 0,
    };
    this.tasks.push(task);
    return task;
  }

  /** The update validator: rejects, before anything is written, what cannot be done. */
  validateCompletion(command: CompleteTaskInput): void {
    const task = this.task(command.taskId);
    if (!task) {
      throw ApplicationFailure.create({
        type: REJECTION.taskNotFound,
        message: `request ${this.input.trackingCode} has no task ${command.taskId}`,
        nonRetryable: true,
      });
    }
    if (task.status !== 'open') {
      throw ApplicationFailure.create({
        type: REJECTION.taskNotOpen,
        message: `task ${task.taskId} is not open: it was completed with '${task.outcome ?? ''}' at ${task.closedAt ?? ''}`,
        nonRetryable: true,
      });
    }
    const step = this.step(task.stepId);
    const declared = step.kind === 'task' ? Object.keys(step.outcomes) : ['paid'];
    if (!declared.includes(command.outcome)) {
      throw ApplicationFailure.create({
        type: REJECTION.outcomeNotAllowed,
        message: `step '${step.id}' does not allow the outcome '${command.outcome}'; allowed: ${declared.join(', ')}`,
        nonRetryable: true,
      });
    }
    if (!task.outcomes.some((outcome) => outcome.id === command.outcome)) {
      const limit = step.kind === 'task' ? step.outcomes[command.outcome]?.maxTimes : undefined;
      throw ApplicationFailure.create({
        type: REJECTION.outcomeExhausted,
        message: `outcome '${command.outcome}' of step '${step.id}' was already taken ${limit ?? 0} times, the most allowed`,
        nonRetryable: true,
      });
    }
  }

  complete(command: CompleteTaskInput, nowMs: number): TaskRecord {
    const task = this.task(command.taskId) as TaskRecord;
    task.status = 'done';
    task.outcome = command.outcome;
    task.actor = command.actor;
    task.closedAt = iso(nowMs);
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
    });
    this.settled = false;
    return task;
  }

  record(entry: Omit<JournalEntry, 'at'>, nowMs: number): void {
    this.journal.push({ at: iso(nowMs), ...entry });
  }

  addFee(fee: FeeRecord): void {
    this.fees.push(fee);
  }

  markAtRisk(task: TaskRecord): void {
    if (task.status === 'open' && task.sla === 'ok') task.sla = 'at-risk';
  }

  /** The SLA passed: the task is breached and escalated one level, to its supervisor. */
  breach(task: TaskRecord, nowMs: number): EscalationRecord | undefined {
    if (task.status !== 'open') return undefined;
    task.sla = 'breached';
    task.escalationLevel += 1;
    const escalation: EscalationRecord = {
      at: iso(nowMs),
      taskId: task.taskId,
      stepId: task.stepId,
      level: task.escalationLevel,
      reason: `SLA of step '${task.stepId}' passed at ${task.deadline} with the task still open`,
      from: task.assignee,
      to: task.supervisor,
    };
    this.escalations.push(escalation);
    return escalation;
  }

  finish(step: PlanEndStep, nowMs: number): void {
    this.state = step.result;
    this.endedAt = iso(nowMs);
    this.record({ stepId: step.id, kind: 'end', title: step.title }, nowMs);
  }

  worstSla(): SlaState {
    return this.openTasks().reduce<SlaState>(
      (worst, task) => (SLA_ORDER.indexOf(task.sla) > SLA_ORDER.indexOf(worst) ? task.sla : worst),
      'ok',
    );
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
      escalatedTo: this.escalations.filter((e) => e.taskId === task.taskId).map((e) => e.to.principal),
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
