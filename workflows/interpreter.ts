/**
 * Runs a plan's steps: a chain from a first step until an end step (or, inside a parallel
 * branch, until the branch runs out), one method per kind of step.
 */
import { allHandlersFinished, CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import { holds } from '../lib/expressions/evaluate';
import { PAYMENT_FORM, STANDARD_OUTCOMES } from '../lib/plan/outcome-titles';
import { climbingLadder } from '../lib/plan/ladder';
import { renderMessage } from '../lib/plan/render-message';
import type {
  PlanAssignee,
  PlanAutomaticStep,
  PlanBranchStep,
  PlanEndStep,
  PlanInquiryStep,
  PlanNotifyStep,
  PlanParallelStep,
  PlanPaymentStep,
  PlanStep,
  PlanTaskStep,
  Title,
} from '../lib/plan/types';
import { actionRunner, engine } from './activity-proxies';
import { failureText } from './failure-text';
import type { RequestCase, TaskSpec } from './request-case';
import { resumeClock, suspendClock } from './deadlines';
import { tell } from './notices';
import { LEAN_TASK_WAIT_REVISION, startedAtRevision, WATCH_IN_WAIT_REVISION } from './request-patches';
import { watchTask, type WatchPlan } from './sla-watch';
import { conditionWithin, requestCondition, waitWithin } from './timed-wait';
import type { Assignment, RoutedMove, TaskRecord } from './types';

/** Thrown up the top-level chain when the request should continue as new, waiting at this step. */
export class ContinueAsNewAt extends Error {
  override name = 'ContinueAsNewAt';
  constructor(
    readonly stepId: string,
    readonly taskId: string,
  ) {
    super(`continue as new at step '${stepId}'`);
  }
}

/**
 * How a chain ends: at an end step, by expiry, cancelled by the operations department over a
 * step that cannot go on, or (in a parallel branch) by running out.
 */
export type Exit =
  | { kind: 'end'; step: PlanEndStep }
  | { kind: 'expired' }
  | { kind: 'cancelled'; task: TaskRecord }
  | { kind: 'branch-done' };

type StepResult = { next: string | null } | { exit: Exit };

/** Outcomes of the tasks the engine opens for itself. */
const PAID = [{ id: 'paid', title: STANDARD_OUTCOMES.paid ?? { fa: 'پرداخت شد', en: 'Paid' } }];
const INCIDENT = [
  { id: 'retry', title: { fa: 'اجرای دوباره', en: 'Run it again' } },
  { id: 'skip', title: { fa: 'عبور از این مرحله', en: 'Skip this step' } },
  { id: 'cancel', title: { fa: 'لغو درخواست', en: 'Cancel the request' } },
];
/** Working time the operations department has for a step that cannot go on. */
const INCIDENT_SLA = { text: 'PT4H', duration: { days: 0, ms: 4 * 3_600_000 }, clock: 'working' } as const;

const APPLICANT = { fa: 'متقاضی', en: 'Applicant' };

/** Where a step goes when the operations department skips it; a task step has no single way on. */
function skipTo(step: PlanStep): string | null | undefined {
  switch (step.kind) {
    case 'payment':
    case 'parallel':
    case 'automatic':
    case 'notify':
      return step.next;
    case 'branch':
      return step.default;
    default:
      return undefined;
  }
}

export class Interpreter {
  /** Chains running steps right now (not waiting on anyone). */
  private busy = 0;
  /** What each waiting chain waits for. */
  private readonly waiters = new Set<() => boolean>();

  constructor(
    private readonly rc: RequestCase,
    private readonly publish: () => void,
    /** Whether the history is long enough to continue as new (checked while the request waits at the top). */
    private readonly historyFull: () => boolean = () => false,
    /** The task a request that continued as new was waiting on, to take up (even if done meanwhile). */
    private resumeTaskId?: string,
  ) {}

  /** The task of a step already under way: one open, or the one a continued request waited on. */
  private taskUnderWay(stepId: string, branches: string[]): TaskRecord | undefined {
    const open = this.rc.openTaskOf(stepId, branches);
    if (open) return open;
    const resumed = this.resumeTaskId === undefined ? undefined : this.rc.task(this.resumeTaskId);
    return resumed?.stepId === stepId && branches.length === 0 ? resumed : undefined;
  }

  /**
   * Continue as new once the history is long, every update in flight has its answer and the work
   * after each deadline recorded has followed (the next run does not climb a rung again).
   */
  private continueAsNewDue(): boolean {
    return this.historyFull() && allHandlersFinished() && this.rc.following === 0;
  }

  private get input() {
    return this.rc.input;
  }

  /**
   * Whether the request has settled: every chain waits on someone, and none is about to wake.
   * An update that completes a task answers once the request has settled again, so its caller
   * sees the next tasks already open.
   */
  isSettled(): boolean {
    return this.busy === 0 && ![...this.waiters].some((done) => done());
  }

  private async wait(done: () => boolean): Promise<void> {
    this.waiters.add(done);
    this.busy--;
    try {
      await condition(done);
    } finally {
      this.waiters.delete(done);
      this.busy++;
    }
  }

  /**
   * A task's own wait (revision 2): until `done` holds, or `ms` have passed when given. Not
   * async, as a request waits in the worker's cache inside it: an async frame is one promise
   * more held, with its stack, for as long as it waits.
   */
  private waitOnTask(done: () => boolean, ms?: number): Promise<void> {
    const resume = this.waitingOn(done);
    const waited = ms === undefined ? condition(done) : conditionWithin(done, ms);
    return waited.then(resume, (error: unknown) => {
      resume();
      throw error;
    });
  }

  /**
   * A task's timed wait that answers what woke it. From revision 3 the answer and the end of the
   * wait are given in the wait itself: two promises fewer held while it waits.
   */
  private waitOnTaskWithin<T>(done: () => boolean, ms: number, answer: () => T): Promise<T> {
    if (!startedAtRevision(this.input, LEAN_TASK_WAIT_REVISION))
      return this.waitOnTask(done, ms).then(answer);
    return waitWithin(done, ms, this.waitingOn(done), answer);
  }

  /** Counts a wait as begun; answers how to count it as over. */
  private waitingOn(done: () => boolean): () => void {
    this.waiters.add(done);
    this.busy--;
    return () => {
      this.waiters.delete(done);
      this.busy++;
    };
  }

  /** Outcomes a task may be completed with, as its step declares them. */
  declaredOutcomes(task: TaskRecord): string[] {
    if (task.kind === 'payment') return PAID.map((o) => o.id);
    // What an incident offers depends on the step: a task step has no one way on to skip to.
    if (task.kind === 'incident') return task.outcomes.map((o) => o.id);
    const step = this.rc.step(task.stepId);
    return step.kind === 'task' || step.kind === 'inquiry' ? Object.keys(step.outcomes) : [];
  }

  /** The roles an outcome of a task is kept to, as its step declares them. */
  outcomeRoles(task: TaskRecord, outcome: string): string[] | undefined {
    if (task.kind !== 'task') return undefined;
    const step = this.rc.step(task.stepId);
    return step.kind === 'task' ? step.outcomes[outcome]?.roles : undefined;
  }

  /** The form a task's data must fit, as its step declares it. */
  formOf(task: TaskRecord): Record<string, unknown> | undefined {
    if (task.kind === 'payment') return PAYMENT_FORM;
    if (task.kind === 'incident') return undefined;
    const step = this.rc.step(task.stepId);
    return step.kind === 'task' || step.kind === 'inquiry' ? step.form : undefined;
  }

  async runChain(start: string | null, branches: string[]): Promise<Exit> {
    this.busy++;
    try {
      let at = start;
      while (at !== null) {
        const step = this.rc.step(at);
        let result: StepResult | 'retry';
        try {
          result = await this.runStep(step, branches);
        } catch (error) {
          result = await this.afterFailure(step, branches, error);
        }
        if (result === 'retry') continue;
        if ('exit' in result) return result.exit;
        at = result.next;
      }
      return { kind: 'branch-done' };
    } finally {
      this.busy--;
    }
  }

  // Not async: a request waits in the worker's cache inside this call, and each async frame is a
  // promise more held (with its stack) for as long as it waits.
  private runStep(step: PlanStep, branches: string[]): Promise<StepResult> | StepResult {
    switch (step.kind) {
      case 'task':
      case 'inquiry':
        return this.runAnswered(step, branches);
      case 'payment':
        return this.runPayment(step, branches);
      case 'branch':
        return this.runBranch(step);
      case 'parallel':
        return this.runParallel(step, branches);
      case 'automatic':
        return this.runAutomatic(step, branches);
      case 'notify':
        return this.runNotify(step);
      case 'end':
        return { exit: { kind: 'end', step } };
    }
  }

  /** Who a rule names: the applicant and "the same as step X" from the record, the rest by routing. */
  private async assign(rule: PlanAssignee, stepId: string): Promise<Assignment> {
    const { trackingCode, district, intakeOffice } = this.input;
    if (rule.type === 'applicant') {
      const applicant = { principal: `applicant:${trackingCode}`, title: APPLICANT };
      return { assignee: applicant, supervisor: applicant, note: 'waits on the applicant' };
    }
    if (rule.type === 'office-in-field') {
      const office = this.rc.data[rule.field];
      if (typeof office === 'string' && office !== '') return this.assign({ type: 'office', office }, stepId);
      return this.assign({ type: 'intake-office' }, stepId);
    }
    if (rule.type === 'same-as') {
      const earlier = this.rc.lastDone(rule.step);
      if (earlier) {
        return {
          assignee: earlier.assignee,
          supervisor: earlier.supervisor,
          note: `the same as step '${rule.step}' (${earlier.actor ?? earlier.assignee.principal})`,
        };
      }
      return this.assign({ type: 'intake-office' }, stepId);
    }
    const { chosenOffice } = this.input;
    const fallback = this.input.plan.routing?.fallback;
    const officeOfRecord = rule.type === 'intake-office' ? this.rc.s.intakeOffice : undefined;
    const assignment = await engine.resolveAssignee({
      trackingCode,
      stepId,
      serviceId: this.input.plan.serviceId,
      rule,
      domain: this.input.plan.domain,
      district,
      ...(intakeOffice ? { intakeOffice } : {}),
      ...(officeOfRecord ? { officeOfRecord } : {}),
      ...(chosenOffice ? { chosenOffice } : {}),
      ...(fallback ? { fallback } : {}),
    });
    if (rule.type === 'intake-office') this.rememberIntakeOffice(assignment, officeOfRecord);
    return assignment;
  }

  /**
   * A request that came in online has its office steps done by one office: the first the rule
   * (or the applicant's choice) gave, or the one its work moved to when that one could not go on.
   */
  private rememberIntakeOffice(assignment: Assignment, before: string | undefined): void {
    const { principal } = assignment.assignee;
    if (this.input.intakeOffice || !principal.startsWith('office:')) return;
    const office = principal.slice('office:'.length);
    if (office !== before) this.rc.s.intakeOffice = office;
  }

  /**
   * Gives the open work of a principal out again by the rule, away from it: its office's
   * licence was suspended, revoked or expired. A task whose new holder came with the command
   * goes there, with the decision that chose it; any other is routed here.
   */
  async moveWorkAway(principal: string, reason: string, routed: RoutedMove[] = []): Promise<number> {
    let moved = 0;
    for (const task of this.rc.openTasks().filter((t) => t.assignee.principal === principal)) {
      const officeId = principal.replace(/^office:/, '');
      const decided = routed.find((move) => move.taskId === task.taskId)?.to;
      const assignment =
        decided ??
        (await engine.resolveAssignee({
          trackingCode: this.input.trackingCode,
          stepId: task.stepId,
          serviceId: this.input.plan.serviceId,
          rule: { type: 'intake-office' },
          domain: this.input.plan.domain,
          district: this.input.district,
          exclude: [officeId],
          ...(this.input.plan.routing?.fallback ? { fallback: this.input.plan.routing.fallback } : {}),
        }));
      if (task.status !== 'open') continue;
      if (this.rc.s.intakeOffice === officeId) this.rememberIntakeOffice(assignment, officeId);
      this.rc.moveTask(task, assignment, reason, Date.now());
      this.rc.record(
        {
          stepId: task.stepId,
          kind: 'routing',
          title: task.title,
          taskId: task.taskId,
          note: `${reason}; now ${assignment.assignee.principal}`,
        },
        Date.now(),
      );
      moved++;
    }
    this.publish();
    return moved;
  }

  /**
   * Opens a task (or takes up the one already open, in a request that continued as new),
   * watches its deadline, and waits until it is completed or cancelled. While a task waits on
   * the applicant, the request's clock stands still.
   */
  private async awaitTask(
    spec: TaskSpec,
    assign: () => Promise<Assignment>,
    watch: WatchPlan,
    onApplicant = false,
  ): Promise<TaskRecord> {
    const underWay = this.taskUnderWay(spec.stepId, spec.branches);
    const task = underWay ?? this.rc.openTask(spec, await assign(), Date.now(), onApplicant);
    this.resumeTaskId = undefined;
    if (task.onApplicant) {
      suspendClock(this.rc, `waiting on the applicant: ${task.title.en}`, 'system', Date.now(), task.taskId);
    } else if (spec.suspend && !underWay) {
      const { expected, reason } = spec.suspend;
      suspendClock(this.rc, reason.en, 'system', Date.now(), task.taskId, {
        duration: expected,
        title: reason,
      });
    }
    if (spec.suspend) {
      this.runClockAgainWhenExpected(task).catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
    }
    this.publish();
    const atTop = spec.branches.length === 0;
    const leave = () => atTop && this.continueAsNewDue();
    const ctx = { rc: this.rc, publish: this.publish };
    if (startedAtRevision(this.input, WATCH_IN_WAIT_REVISION)) {
      // The task's wait is its deadline's watch: one timer at a time while it waits.
      await watchTask(ctx, task, watch, {
        wait: (wake) => this.waitOnTask(wake),
        within: (wake, ms, answer) => this.waitOnTaskWithin(wake, ms, answer),
        leave,
      });
    } else {
      watchTask(ctx, task, watch).catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
      await this.wait(() => task.status !== 'open' || leave());
    }
    if (task.status === 'open') throw new ContinueAsNewAt(spec.stepId, task.taskId);
    if (this.rc.suspension()?.taskId === task.taskId) resumeClock(this.rc, 'system', Date.now());
    return task;
  }

  /** What the citizen reads at a step: its own `status`, else that of the innermost parallel group with one. */
  private applicationStatus(step: PlanStep, branches: string[]): Title | undefined {
    if (step.status) return step.status;
    for (const key of [...branches].reverse()) {
      const group = this.rc.plan.steps[key.slice(0, key.lastIndexOf('/'))];
      if (group?.status) return group.status;
    }
    return undefined;
  }

  /**
   * A step that stops the clock for an expected time: when that has passed with the step still
   * open, the clock runs again by itself (its closing first starts it again too).
   */
  private async runClockAgainWhenExpected(task: TaskRecord): Promise<void> {
    const suspension = this.rc.suspension();
    if (suspension?.taskId !== task.taskId || suspension.until === undefined) return;
    const over = () => task.status !== 'open' || this.rc.suspension() !== suspension;
    const ms = Date.parse(suspension.until) - Date.now();
    if (ms > 0) await requestCondition(this.input, over, ms);
    if (over()) return;
    resumeClock(this.rc, 'system', Date.now());
    this.publish();
  }

  private answeredSpec(step: PlanTaskStep | PlanInquiryStep | PlanPaymentStep, branches: string[]): TaskSpec {
    const applicationStatus = this.applicationStatus(step, branches);
    return {
      ...(applicationStatus ? { applicationStatus } : {}),
      stepId: step.id,
      kind: step.kind,
      title: step.title,
      sla: step.sla,
      ...(step.slaOfService ? { ofService: true as const } : {}),
      ...(step.escalation.maxDepth !== undefined ? { maxDepth: step.escalation.maxDepth } : {}),
      ...(step.kind !== 'payment' && step.suspend ? { suspend: step.suspend } : {}),
      ...(step.statutoryDeadline ? { statutory: step.statutoryDeadline } : {}),
      remindAt: step.escalation.remindAt,
      outcomes:
        step.kind === 'payment'
          ? PAID.map((o) => ({ ...o, available: true }))
          : Object.entries(step.outcomes).map(([id, outcome]) => ({
              id,
              title: outcome.title,
              available: this.rc.outcomeAvailable(step.id, id, outcome.maxTimes),
              ...(outcome.roles ? { roles: outcome.roles } : {}),
            })),
      branches,
    };
  }

  // Not async, like runStep: the request waits inside it.
  private runAnswered(step: PlanTaskStep | PlanInquiryStep, branches: string[]): Promise<StepResult> {
    const rule: PlanAssignee = step.kind === 'task' ? step.assignee : { type: 'agency', agency: step.agency };
    const waited = this.awaitTask(
      this.answeredSpec(step, branches),
      () => this.assign(rule, step.id),
      {
        escalation: climbingLadder(step.escalation),
        ...(step.onTimeout ? { onTimeout: step.onTimeout } : {}),
      },
      rule.type === 'applicant',
    );
    return waited.then((task): StepResult => {
      if (task.status !== 'done') return { exit: { kind: 'expired' } };
      const outcome = step.outcomes[task.outcome ?? ''];
      return { next: outcome ? outcome.next : null };
    });
  }

  private async runPayment(step: PlanPaymentStep, branches: string[]): Promise<StepResult> {
    const fee = this.input.plan.fees[step.fee];
    if (!fee) return { next: step.next };
    let billId: string | undefined;
    if (!this.taskUnderWay(step.id, branches)) {
      const bill = await engine.assessFee({ trackingCode: this.input.trackingCode, fee, data: this.rc.data });
      if (bill.amount === 0) {
        const note = `fee '${fee.id}' is zero: nothing to pay`;
        this.rc.record({ stepId: step.id, kind: 'payment', title: step.title, note }, Date.now());
        return { next: step.next };
      }
      this.rc.addFee({
        feeId: fee.id,
        title: fee.title,
        amount: bill.amount,
        billId: bill.billId,
        status: 'due',
      });
      billId = bill.billId;
    }
    await this.awaitTask(
      { ...this.answeredSpec(step, branches), ...(billId ? { billId } : {}) },
      () => this.assign({ type: 'treasury' }, step.id),
      {
        escalation: climbingLadder(step.escalation),
      },
    );
    return { next: step.next };
  }

  private runBranch(step: PlanBranchStep): StepResult {
    const taken = step.cases.find((branch) => holds(branch.when, this.rc.data));
    const next = taken ? taken.next : step.default;
    const why = taken ? `'${taken.text}' holds` : 'no case holds: default';
    this.rc.record(
      { stepId: step.id, kind: 'branch', title: step.title, note: `${why}, next '${next ?? ''}'` },
      Date.now(),
    );
    return { next };
  }

  /**
   * Runs the branches side by side. The group is decided when all are done (join all), the
   * first is done (join any), or one ends the whole request; branches still running are then
   * cancelled, with their open tasks.
   */
  private async runParallel(step: PlanParallelStep, outer: string[]): Promise<StepResult> {
    const keys = step.branches.map((branch) => `${step.id}/${branch.id}`);
    const results: (Exit | undefined)[] = step.branches.map(() => undefined);
    let failure: unknown;
    const scopes = step.branches.map((branch, i) => {
      const scope = new CancellationScope();
      scope
        .run(() => this.runChain(branch.start, [...outer, keys[i] ?? '']))
        .then(
          (exit) => (results[i] = exit),
          (error: unknown) => {
            if (!isCancellation(error)) failure ??= error;
          },
        );
      return scope;
    });
    const finished = () => results.filter((r) => r !== undefined);
    const ending = () => finished().find((r) => r.kind !== 'branch-done');
    await this.wait(
      () =>
        failure !== undefined ||
        ending() !== undefined ||
        (step.join === 'any' ? finished().length > 0 : finished().length === step.branches.length),
    );
    const running = keys.filter((_, i) => results[i] === undefined);
    scopes.forEach((scope, i) => results[i] === undefined && scope.cancel());
    if (running.length > 0) {
      const why = failure === undefined ? 'was decided' : 'failed';
      this.rc.cancelTasksIn(running, `parallel group '${step.id}' ${why}`, Date.now());
    }
    if (failure !== undefined)
      throw failure instanceof Error ? failure : new Error('a parallel branch failed');
    const done = keys.filter((_, i) => results[i] !== undefined);
    const note = `finished: ${done.join(', ')}${running.length ? `; cancelled: ${running.join(', ')}` : ''}`;
    this.rc.record({ stepId: step.id, kind: 'parallel', title: step.title, note }, Date.now());
    this.publish();
    const exit = ending();
    return exit ? { exit } : { next: step.next };
  }

  /** Runs the action; when its retries are spent, the operations department retries or skips it. */
  private async runAutomatic(step: PlanAutomaticStep, branches: string[]): Promise<StepResult> {
    const run = actionRunner(step);
    // The same on every attempt and every run again after an incident; new each time a loop
    // brings the request back to the step.
    const visit = this.rc.s.journal.filter((e) => e.stepId === step.id && e.kind === 'automatic').length;
    const key = `${this.input.trackingCode}/${step.id}/${visit}`;
    for (;;) {
      try {
        const result = await run({
          action: step.action,
          params: step.with,
          trackingCode: this.input.trackingCode,
          key,
          data: this.rc.data,
          ...(this.input.intakeOffice ? { intakeOffice: this.input.intakeOffice } : {}),
        });
        this.rc.mergeData(result.data);
        this.rc.record(
          { stepId: step.id, kind: 'automatic', title: step.title, note: result.note },
          Date.now(),
        );
        return { next: step.next };
      } catch (error) {
        if (isCancellation(error)) throw error;
        const incident = await this.incident(step, branches, 'skip');
        if (incident.outcome === 'skip') return { next: step.next };
        if (incident.outcome === 'cancel') return { exit: { kind: 'cancelled', task: incident } };
      }
    }
  }

  /**
   * A step that failed (an activity out of retries, an expression that cannot be evaluated, a
   * parallel branch that failed) waits on the operations department, which runs it again, skips
   * it where it has one way on, or cancels the request: a request never stays stuck unseen.
   */
  private async afterFailure(
    step: PlanStep,
    branches: string[],
    error: unknown,
  ): Promise<StepResult | 'retry'> {
    if (isCancellation(error) || error instanceof ContinueAsNewAt) throw error;
    const onward = skipTo(step);
    this.rc.record(
      { stepId: step.id, kind: 'incident', title: step.title, note: `failed: ${failureText(error)}` },
      Date.now(),
    );
    const incident = await this.incident(step, branches, onward === undefined ? undefined : 'skip');
    if (incident.outcome === 'cancel') return { exit: { kind: 'cancelled', task: incident } };
    if (incident.outcome === 'skip') return { next: onward ?? null };
    return 'retry';
  }

  /** Opens the operations department's task for a step that cannot go on, and waits for its answer. */
  private async incident(step: PlanStep, branches: string[], skip: 'skip' | undefined): Promise<TaskRecord> {
    return this.awaitTask(
      {
        stepId: step.id,
        kind: 'incident',
        title: { fa: `رفع خطا: ${step.title.fa}`, en: `Resolve a failure: ${step.title.en}` },
        sla: INCIDENT_SLA,
        remindAt: 0,
        outcomes: INCIDENT.map((o) => ({ ...o, available: o.id !== 'skip' || skip !== undefined })),
        branches,
      },
      () => this.operations(step.id),
      { escalation: { remindAt: 0, ladder: [] } },
    );
  }

  /**
   * The operations department, by routing; when routing itself cannot answer, the unit the
   * request was given at its start.
   */
  private async operations(stepId: string): Promise<Assignment> {
    try {
      return await this.assign({ type: 'operations' }, stepId);
    } catch (error) {
      if (isCancellation(error) || !this.input.operations) throw error;
      return this.input.operations;
    }
  }

  private async runNotify(step: PlanNotifyStep): Promise<StepResult> {
    const message = renderMessage(step.message, {
      trackingCode: this.input.trackingCode,
      service: this.input.plan.title,
      data: this.rc.data,
    });
    const recipients: string[] = [];
    for (const rule of step.to) {
      const { assignee } = await this.assign(rule, step.id);
      await tell(this.rc, this.publish, { kind: 'message', to: assignee.principal, message });
      recipients.push(assignee.principal);
    }
    this.rc.record(
      { stepId: step.id, kind: 'notify', title: step.title, note: `sent to ${recipients.join(', ')}` },
      Date.now(),
    );
    return { next: step.next };
  }
}
