/**
 * The API's use cases over Temporal: start a request, read its status, list worklists and
 * breaches from visibility, complete a task through the workflow's update. Everything that
 * can be refused is refused here, before the workflow is touched.
 */
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, WorkflowIdReusePolicy } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import { cityDate } from '../lib/calendar/working-time';
import { checkFormData } from '../lib/forms/form-data';
import type { LicenceState } from '../lib/organisation/licences';
import type { Office } from '../lib/generated/organisation';
import type { Organisation } from '../lib/organisation/organisation';
import { assignTo } from '../activities/routing';
import type { ServicePlan } from '../lib/plan/types';
import { startingAttributes } from '../lib/temporal/search-attributes';
import { newTrackingCode, trackingCodeFor, trackingCodeOfTask, workflowIdOf } from '../lib/tracking-code';
import {
  claimTaskUpdate,
  reassignTaskUpdate,
  returnTaskUpdate,
  answerForApplicantUpdate,
  completeTaskUpdate,
  extendDeadlineUpdate,
  recordPaymentUpdate,
  REJECTION,
  resumeClockUpdate,
  startedUpdate,
  statusQuery,
  suspendClockUpdate,
  withdrawUpdate,
} from '../workflows/messages';
import type {
  Acting,
  Applicant,
  ApplicantAnswerInput,
  Assignment,
  ExtendInput,
  PaymentInput,
  RequestInput,
  RequestStatus,
  RequestSummary,
  ResumeInput,
  SuspendInput,
  WithdrawInput,
} from '../workflows/types';
import { ENGINE_REVISION } from '../workflows/request-patches';
import { ProblemError, unavailableProblem, type ProblemSlug } from './problem';
import { requestMetadata } from './request-metadata';
import { StillWorking } from './still-working';
import { formFieldErrors } from './validation';
import type { RequestPlace } from '../store/request-place';

export interface StartRequest {
  serviceId: string;
  /** Where the request comes in: at an office (with intakeOffice), online, or at a department. */
  channel?: 'office' | 'online' | 'department';
  district: string;
  intakeOffice?: string;
  chosenOffice?: string;
  applicant: Applicant;
  data: Record<string, unknown>;
  /** A request received before it is registered, with why; staff only. */
  received?: { at: string; reason: string };
}

/** How long a call waits on a request by default (`PISHKHAN_CALL_WAIT`). */
export const DEFAULT_CALL_WAIT_MS = 20_000;

/** Who starts a request without a token. */
export const ANONYMOUS = 'anonymous';

/** The id of an update made under a caller's Idempotency-Key: the same key is the same update. */
const keyed = (action: string, idempotencyKey: string | undefined) =>
  idempotencyKey ? `${action}-${idempotencyKey}` : undefined;

/** How far back a request may be registered as received: a year covers taking over an earlier system's work. */
const RECEIVED_AT_MOST_DAYS_AGO = 366;
/** Clocks of callers and server differ a little; a receipt this far ahead is taken as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The registration of a request received earlier, refused when its time cannot be so. */
function lateRegistration(received: StartRequest['received'], by: string, nowMs: number) {
  if (!received) return undefined;
  const receivedMs = Date.parse(received.at);
  if (receivedMs > nowMs + CLOCK_SKEW_MS)
    throw new ProblemError(
      'invalid-received-time',
      `A request cannot be received in the future (${received.at}).`,
    );
  if (receivedMs < nowMs - RECEIVED_AT_MOST_DAYS_AGO * 86_400_000)
    throw new ProblemError(
      'invalid-received-time',
      `A request is registered at most ${RECEIVED_AT_MOST_DAYS_AGO} days after it was received (${received.at}).`,
    );
  return { receivedAt: new Date(Math.min(receivedMs, nowMs)).toISOString(), reason: received.reason, by };
}

/** The published plans the API starts requests on, by service id and by content hash. */
export interface PlanSource {
  latest(serviceId: string): ServicePlan | undefined;
  byHash(hash: string): ServicePlan | undefined;
  remember(plan: ServicePlan): void;
}

const REJECTION_PROBLEMS: Record<string, ProblemSlug> = {
  [REJECTION.taskNotFound]: 'task-not-found',
  [REJECTION.taskNotOpen]: 'task-not-open',
  [REJECTION.taskClaimed]: 'task-claimed',
  [REJECTION.taskNotClaimed]: 'task-not-claimed',
  [REJECTION.cannotMove]: 'task-cannot-move',
  [REJECTION.notAssignee]: 'not-assignee',
  [REJECTION.outcomeNotAllowed]: 'outcome-not-allowed',
  [REJECTION.outcomeExhausted]: 'outcome-not-allowed',
  [REJECTION.invalidData]: 'invalid-form-data',
  [REJECTION.requestNotActive]: 'request-not-active',
  [REJECTION.invalidDeadlineChange]: 'invalid-deadline-change',
  [REJECTION.billNotDue]: 'bill-not-due',
  [REJECTION.forbidden]: 'forbidden',
  [REJECTION.nothingAsked]: 'nothing-asked',
};

/** Turns Temporal's errors into problems; unknown ones pass through as internal errors. */
function asProblem(error: unknown, trackingCode: string): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new ProblemError('request-not-found', `No request has tracking code ${trackingCode}.`);
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const slug = REJECTION_PROBLEMS[error.cause.type ?? ''];
    const details = (error.cause.details?.[0] ?? {}) as Record<string, unknown>;
    // The workflow's form check says its problems as sentences; the API answers field errors.
    if (Array.isArray(details.errors))
      details.errors = formFieldErrors(details.errors.map((entry) => String(entry)));
    if (slug) return new ProblemError(slug, error.cause.message, details);
  }
  return unavailableProblem(error) ?? error;
}

export class RequestService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly plans: PlanSource,
    private readonly org: Organisation,
    /** The offices' licences as they stand. */
    private readonly licences: () => Promise<Map<string, LicenceState>>,
    /** History length after which requests continue as new. */
    private readonly continueAsNewAfter?: number,
    /** How long a call waits on a request before it answers without it (202, or 503 for a read). */
    private readonly callWaitMs: number = DEFAULT_CALL_WAIT_MS,
  ) {}

  /**
   * Runs a call to a request's workflow for at most the API's wait; past it the call is
   * abandoned (Temporal keeps what it was given) and `onTimeout` says what the caller hears.
   */
  private async bounded<T>(call: () => Promise<T>, onTimeout: () => Error): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.callWaitMs);
    try {
      return await this.client.withAbortSignal(controller.signal, call);
    } catch (error) {
      if (controller.signal.aborted) throw onTimeout();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private handle(trackingCode: string) {
    return this.client.workflow.getHandle(workflowIdOf(trackingCode));
  }

  /**
   * The office, if it may take a request of a service in a district by its live licence;
   * otherwise why not.
   */
  private async eligibility(
    officeId: string,
    plan: { serviceId: string; domain: string },
    district: string,
  ): Promise<{ office: Office; why?: undefined } | { office?: Office; why: string }> {
    const licences = await this.licences();
    const office = this.org.officesWith(licences).find((o) => o.id === officeId);
    if (!office) return { why: 'there is no such office' };
    const licence = licences.get(officeId) ?? this.org.licenceOf(office);
    const today = cityDate(this.org.calendar, Date.now());
    const why = this.org.ineligibility(
      office,
      { serviceId: plan.serviceId, domain: plan.domain, district },
      licence,
      today,
    );
    return why ? { office, why } : { office };
  }

  /**
   * Starts a request and answers once its first tasks are open: the start and an update that
   * waits for them go to Temporal in one call, so no caller sees the request without its first
   * task. With an idempotency key the tracking code comes from the key and the caller, so a
   * retried start finds the request the first one made instead of making another.
   */
  async start(
    request: StartRequest,
    caller: string,
    idempotencyKey?: string,
  ): Promise<{
    trackingCode: string;
    plan: ServicePlan;
    repeated: boolean;
    status?: RequestSummary;
    /** Started, but its first tasks did not open within the API's wait. */
    working?: true;
  }> {
    const plan = this.plans.latest(request.serviceId);
    if (!plan) throw new ProblemError('unknown-service', `There is no service '${request.serviceId}'.`);
    if (!this.org.district(request.district)) {
      throw new ProblemError('unknown-district', `There is no district '${request.district}'.`);
    }
    const channel = request.intakeOffice ? 'office' : (request.channel ?? 'online');
    if (request.intakeOffice && request.channel && request.channel !== 'office') {
      throw new ProblemError(
        'intake-not-allowed',
        'A request taken at an office comes in through the office channel.',
      );
    }
    if (!plan.intake.includes(channel)) {
      throw new ProblemError(
        'intake-not-allowed',
        `Service '${plan.serviceId}' starts only ${plan.intake.map((i) => (i === 'office' ? 'at an office' : i)).join(' or ')}.`,
      );
    }
    if (request.chosenOffice && (request.intakeOffice || plan.routing?.officeChoice !== 'citizen')) {
      throw new ProblemError(
        'intake-not-allowed',
        request.intakeOffice
          ? "A request taken at an office is that office's; only online requests choose one."
          : `Service '${plan.serviceId}' gives its office work out by rule; the applicant does not choose.`,
      );
    }
    const office = request.intakeOffice ?? request.chosenOffice;
    if (office) {
      const { why } = await this.eligibility(office, plan, request.district);
      if (why)
        throw new ProblemError(
          'office-not-eligible',
          `Office '${office}' may not take this request: ${why}.`,
        );
    }
    if (plan.form) {
      const errors = checkFormData(plan.form, request.data);
      if (errors.length > 0)
        throw new ProblemError('invalid-form-data', errors.join('; '), { errors: formFieldErrors(errors) });
    }
    await this.assertOfficesExist(plan, request.data);

    const received = lateRegistration(request.received, caller, Date.now());

    const startHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    for (let attempt = 0; ; attempt++) {
      const trackingCode = idempotencyKey
        ? trackingCodeFor(`${caller}\n${idempotencyKey}`)
        : newTrackingCode();
      const input: RequestInput = {
        trackingCode,
        engineRevision: ENGINE_REVISION,
        plan,
        calendar: this.org.calendar,
        district: request.district,
        channel,
        ...(request.intakeOffice ? { intakeOffice: request.intakeOffice } : {}),
        ...(request.chosenOffice ? { chosenOffice: request.chosenOffice } : {}),
        applicant: request.applicant,
        data: request.data,
        ...(received ? { received } : {}),
        ...(this.continueAsNewAfter ? { continueAsNewAfter: this.continueAsNewAfter } : {}),
        operations: assignTo(
          this.org.operationsUnit(request.district),
          'steps that cannot go on go to the operations department',
        ),
      };
      const startOperation = new WithStartWorkflowOperation('serviceRequest', {
        taskQueue: this.taskQueue,
        workflowId: workflowIdOf(trackingCode),
        // A tracking code names one request forever, even after it has ended.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        workflowIdConflictPolicy: 'FAIL',
        memo: { startHash },
        ...requestMetadata(this.org, input),
        args: [input],
        typedSearchAttributes: startingAttributes({
          serviceId: plan.serviceId,
          district: request.district,
          definitionVersion: plan.version,
        }),
      });
      try {
        const status = await this.bounded(
          () =>
            this.client.workflow.executeUpdateWithStart(startedUpdate, {
              args: [{}],
              startWorkflowOperation: startOperation,
            }),
          () => new StillWorking(trackingCode, this.callWaitMs),
        );
        return { trackingCode, plan, repeated: false, status };
      } catch (error) {
        // Past the wait: started, the caller gets its code and secret now and reads its tasks later;
        // not started at all, Temporal did not take the start in time.
        if (error instanceof StillWorking) {
          if (await this.exists(trackingCode)) return { trackingCode, plan, repeated: false, working: true };
          throw new ProblemError(
            'temporal-unavailable',
            `Request ${trackingCode} did not answer within ${this.callWaitMs / 1000} s; try again in a moment.`,
          );
        }
        if (error instanceof WorkflowExecutionAlreadyStartedError && idempotencyKey) {
          const existing = await this.handle(trackingCode).describe();
          if (existing.memo?.startHash !== startHash) {
            throw new ProblemError(
              'idempotency-key-reused',
              'This Idempotency-Key already started a different request; use a new key for a new request.',
            );
          }
          // Without a token, nothing tells the first caller from anyone else who sends the same
          // key and body: the request, and its secret, are handed over once only.
          if (caller === ANONYMOUS)
            throw new ProblemError(
              'idempotency-key-used',
              'This Idempotency-Key has started a request already; its tracking code and secret were in the answer to that call, and are not given again without a token.',
            );
          return { trackingCode, plan, repeated: true };
        }
        // A random code that is already taken: draw another.
        if (error instanceof WorkflowExecutionAlreadyStartedError && attempt < 3) continue;
        throw asProblem(error, trackingCode);
      }
    }
  }

  /**
   * The offices a request's steps will act on by a field of its data (an inspection's office,
   * whose licence it may suspend) must be licensed offices: a request about no office is
   * refused at its start, not carried to its end.
   */
  private async assertOfficesExist(plan: ServicePlan, data: Record<string, unknown>): Promise<void> {
    const fields = new Set(
      Object.values(plan.steps).flatMap((step) =>
        step.kind === 'automatic' && typeof step.with.office === 'string' && step.with.office !== 'intake'
          ? [step.with.office]
          : [],
      ),
    );
    const named = [...fields].filter((field) => typeof data[field] === 'string');
    if (named.length === 0) return;
    const known = new Set(this.org.officesWith(await this.licences()).map((office) => office.id));
    const errors = named
      .filter((field) => !known.has(String(data[field])))
      .map((field) => `'${field}' names no licensed office: ${String(data[field])}`);
    if (errors.length > 0)
      throw new ProblemError('invalid-form-data', errors.join('; '), { errors: formFieldErrors(errors) });
  }

  /** Whether Temporal holds a request of this code; Temporal out of reach is 503. */
  private async exists(trackingCode: string): Promise<boolean> {
    try {
      await this.handle(trackingCode).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw asProblem(error, trackingCode);
    }
  }

  async status(trackingCode: string): Promise<RequestStatus> {
    try {
      return await this.bounded(
        () => this.handle(trackingCode).query(statusQuery),
        () =>
          new ProblemError(
            'temporal-unavailable',
            `Request ${trackingCode} did not answer within ${this.callWaitMs / 1000} s; try again in a moment.`,
          ),
      );
    } catch (error) {
      throw asProblem(error, trackingCode);
    }
  }

  /**
   * Completes a task through the workflow's update, whose validator refuses what cannot be
   * done before anything is written. With an idempotency key, a retried call is the same update
   * to Temporal, which answers it as it answered the first (even after it ended the request)
   * and changes nothing.
   */
  completeTask(
    taskId: string,
    command: {
      outcome: string;
      data?: Record<string, unknown>;
      actor?: string;
      actingAs?: string;
      acting?: Acting;
    },
    idempotencyKey?: string,
  ): Promise<RequestSummary> {
    return this.updateTask(
      taskId,
      completeTaskUpdate,
      { taskId, ...command, ...(idempotencyKey ? { idempotencyKey } : {}) },
      idempotencyKey ? `complete-${taskId}-${idempotencyKey}` : undefined,
    );
  }

  claim(taskId: string, by: string, acting: Acting): Promise<RequestSummary> {
    return this.updateTask(taskId, claimTaskUpdate, { taskId, by, acting });
  }

  giveBack(taskId: string, by: string, force: boolean, acting?: Acting): Promise<RequestSummary> {
    return this.updateTask(taskId, returnTaskUpdate, { taskId, by, force, ...(acting ? { acting } : {}) });
  }

  reassign(taskId: string, to: Assignment, reason: string, by: string): Promise<RequestSummary> {
    return this.updateTask(taskId, reassignTaskUpdate, { taskId, to, reason, by });
  }

  /** An update about one task of a request: a request that is not there means no such task. */
  private updateTask<Arg>(
    taskId: string,
    definition: UpdateDefinition<RequestSummary, [Arg]>,
    arg: Arg,
    updateId?: string,
  ): Promise<RequestSummary> {
    return this.update(this.codeOfTask(taskId), definition, arg, updateId, 'task-not-found');
  }

  /** Where a request belongs, from its status: for a request the work store does not hold yet. */
  placeOf(status: RequestStatus): RequestPlace {
    const plan = this.plans.byHash(status.definitionHash) ?? this.plans.latest(status.serviceId);
    if (!plan) throw new ProblemError('unknown-service', `There is no service '${status.serviceId}'.`);
    return { serviceId: status.serviceId, domain: plan.domain, district: status.district };
  }

  /** Where a manager may move a task: an eligible office, or a department (role) that exists. */
  async assignmentFor(to: string, place: RequestPlace): Promise<Assignment> {
    const [kind, rest = ''] = to.split(':') as [string, string];
    const note = 'moved by a manager';
    if (kind === 'office') {
      const { office, why } = await this.eligibility(rest, place, place.district);
      if (why || !office)
        throw new ProblemError('office-not-eligible', `Office '${rest}' may not take this task: ${why}.`);
      return assignTo(this.org.officeUnit(office, place.district), note);
    }
    const [unit = '', role] = rest.split('/');
    // `d02.finance` names a per-district department's unit; `treasury` a city department.
    const [first = '', second] = unit.split('.');
    const namesDistrict = second !== undefined;
    const departmentId = second ?? first;
    const district = namesDistrict ? first : place.district;
    const department = this.org.department(departmentId);
    const roleKnown = !role || (department?.roles ?? []).some((r) => r.id === role);
    const districtKnown = !namesDistrict || this.org.district(district) !== undefined;
    if (!department || department.perDistrict !== namesDistrict || !roleKnown || !districtKnown)
      throw new ProblemError('invalid-request', `There is no department or role '${rest}'.`);
    return assignTo(this.org.departmentUnit(departmentId, district, role), note);
  }

  codeOfTask(taskId: string): string {
    const trackingCode = trackingCodeOfTask(taskId);
    if (!trackingCode) throw new ProblemError('invalid-task-id', `'${taskId}' is not a task id.`);
    return trackingCode;
  }

  /** The applicant withdraws; with an idempotency key, a retry gets the request as it ended. */
  withdraw(trackingCode: string, command: WithdrawInput, idempotencyKey?: string): Promise<RequestSummary> {
    return this.update(trackingCode, withdrawUpdate, command, keyed('withdraw', idempotencyKey));
  }

  pay(trackingCode: string, command: PaymentInput, idempotencyKey?: string): Promise<RequestSummary> {
    return this.update(
      trackingCode,
      recordPaymentUpdate,
      command,
      idempotencyKey ? `pay-${command.billId}-${idempotencyKey}` : undefined,
    );
  }

  // With an idempotency key, a retry is the same update to Temporal, which answers it as it
  // answered the first and changes nothing.
  suspendClock(
    trackingCode: string,
    command: SuspendInput,
    idempotencyKey?: string,
  ): Promise<RequestSummary> {
    return this.update(trackingCode, suspendClockUpdate, command, keyed('suspend', idempotencyKey));
  }

  resumeClock(trackingCode: string, command: ResumeInput, idempotencyKey?: string): Promise<RequestSummary> {
    return this.update(trackingCode, resumeClockUpdate, command, keyed('resume', idempotencyKey));
  }

  extendDeadline(
    trackingCode: string,
    command: ExtendInput,
    idempotencyKey?: string,
  ): Promise<RequestSummary> {
    return this.update(trackingCode, extendDeadlineUpdate, command, keyed('extend', idempotencyKey));
  }

  /**
   * The applicant answers the request for documents: the request's update completes the task
   * waiting on them. With an idempotency key, a retry after the first answer was applied gets the
   * request as it is now, since the task it answered is done with that key.
   */
  answerAsApplicant(trackingCode: string, answer: ApplicantAnswerInput): Promise<RequestSummary> {
    return this.update(
      trackingCode,
      answerForApplicantUpdate,
      answer,
      keyed('answer', answer.idempotencyKey),
    );
  }

  /**
   * The outcome of an update by its id, when Temporal has it: the call that sent it failed on the
   * way back, perhaps after it was applied (even one that ended the request).
   */
  private async appliedUpdate(trackingCode: string, updateId: string): Promise<RequestSummary | undefined> {
    try {
      return await this.bounded(
        () => this.handle(trackingCode).getUpdateHandle<RequestSummary>(updateId).result(),
        () => new StillWorking(trackingCode, this.callWaitMs),
      );
    } catch (error) {
      // Applied and refused by the request: that refusal is the answer.
      if (error instanceof WorkflowUpdateFailedError) throw asProblem(error, trackingCode);
      // Temporal away or slow: whether it was applied is not known yet, so the caller is told to
      // come back (503, or 202 with the request's link), never that the request has ended.
      if (error instanceof StillWorking) throw error;
      const unavailable = unavailableProblem(error);
      if (unavailable) throw unavailable;
      // Temporal has no update of that id: it was not applied.
      return undefined;
    }
  }

  /** Sends an update; answers problems for rejections, a missing request, or one that has ended. */
  private async update<Arg>(
    trackingCode: string,
    definition: UpdateDefinition<RequestSummary, [Arg]>,
    arg: Arg,
    updateId: string | undefined,
    notFound: ProblemSlug = 'request-not-found',
  ): Promise<RequestSummary> {
    // Every update has an id of its own, so one whose answer was lost can be found by it: a
    // retried keyed call, or a transport failure after the update was applied.
    const id = updateId ?? `${definition.name}-${randomUUID()}`;
    try {
      return await this.bounded(
        () => this.handle(trackingCode).executeUpdate(definition, { args: [arg], updateId: id }),
        () => new StillWorking(trackingCode, this.callWaitMs),
      );
    } catch (error) {
      if (error instanceof StillWorking) throw error;
      if (!(error instanceof WorkflowUpdateFailedError)) {
        const applied = await this.appliedUpdate(trackingCode, id);
        if (applied) return applied;
        // A request that has ended takes no updates: Temporal answers as if it were not there.
        const state = await this.status(trackingCode).then(
          (status) => status.state,
          () => undefined,
        );
        if (state && state !== 'active')
          throw new ProblemError('request-not-active', `Request ${trackingCode} has ended (${state}).`);
        if (error instanceof WorkflowNotFoundError)
          throw new ProblemError(notFound, `No request has tracking code ${trackingCode}.`);
      }
      throw asProblem(error, trackingCode);
    }
  }
}
