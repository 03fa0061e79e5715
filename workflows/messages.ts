/**
 * The messages a request's workflow answers: queries that read, updates that change it, each
 * update with a validator that refuses before anything is written. An update answers where the
 * request stands after the change (state, SLA, deadlines, open tasks); the status query answers
 * the rest. Shared by the workflow and its callers, so names and types cannot drift apart.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ServicePlan } from '../lib/plan/types';
import type { WorkRows } from './work-rows';
import type {
  ApplicantAnswerInput,
  ClaimInput,
  CompleteTaskInput,
  ReassignInput,
  ReturnInput,
  ExtendInput,
  PaymentInput,
  RequestStatus,
  RequestSummary,
  RerouteInput,
  RerouteResult,
  ResumeInput,
  StartedInput,
  SuspendInput,
  WithdrawInput,
} from './types';

export const statusQuery = defineQuery<RequestStatus>('status');

/**
 * Every row of the work store the request stands for, with its revision and the applicant's
 * national id: what the store's rebuild writes and its reconcile check compares.
 */
export const workRowsQuery = defineQuery<WorkRows & { revision: number; nationalId?: string }>('workRows');

/** The execution plan the request runs on: the definition version it started with. */
export const planQuery = defineQuery<ServicePlan>('plan');

/**
 * Sent with the start itself (update-with-start): answers once the request has settled, its
 * first tasks open, so whoever started it never sees it without them.
 */
export const startedUpdate = defineUpdate<RequestSummary, [StartedInput]>('started');

/** Completes an open task with one of its outcomes. */
export const completeTaskUpdate = defineUpdate<RequestSummary, [CompleteTaskInput]>('completeTask');

/** Stops the clock by hand: the request waits on the citizen outside any step. */
export const suspendClockUpdate = defineUpdate<RequestSummary, [SuspendInput]>('suspendClock');

/** Starts a clock stopped by hand again; deadlines move later by the time it stood still. */
export const resumeClockUpdate = defineUpdate<RequestSummary, [ResumeInput]>('resumeClock');

/** Extends the request's or a task's target, with a reason, as far as the definition allows. */
export const extendDeadlineUpdate = defineUpdate<RequestSummary, [ExtendInput]>('extendDeadline');

/** One person of the holder takes an open task; nobody else of it may complete it meanwhile. */
export const claimTaskUpdate = defineUpdate<RequestSummary, [ClaimInput]>('claimTask');

/** A claimed task goes back to the holder's pool. */
export const returnTaskUpdate = defineUpdate<RequestSummary, [ReturnInput]>('returnTask');

/** A manager gives an open task to another holder, with a reason kept on the task. */
export const reassignTaskUpdate = defineUpdate<RequestSummary, [ReassignInput]>('reassignTask');

/** The citizen withdraws the request. */
export const withdrawUpdate = defineUpdate<RequestSummary, [WithdrawInput]>('withdraw');

/** The applicant (or the office that took the request in) answers what the request waits on them for. */
export const answerForApplicantUpdate = defineUpdate<RequestSummary, [ApplicantAnswerInput]>(
  'answerForApplicant',
);

/** The treasury (or its payment gateway) reports a payment against a bill of the request. */
export const recordPaymentUpdate = defineUpdate<RequestSummary, [PaymentInput]>('recordPayment');

/**
 * The work an office holds is given out again: its licence was suspended, revoked or expired.
 * Answers only how many tasks moved: it is sent for thousands of requests at once.
 */
export const rerouteWorkUpdate = defineUpdate<RerouteResult, [RerouteInput]>('rerouteWork');

/** Failure types a rejected update carries, so callers can answer precisely. */
export const REJECTION = {
  taskNotFound: 'TaskNotFound',
  taskNotOpen: 'TaskNotOpen',
  taskClaimed: 'TaskClaimed',
  taskNotClaimed: 'TaskNotClaimed',
  cannotMove: 'CannotMove',
  notAssignee: 'NotAssignee',
  outcomeNotAllowed: 'OutcomeNotAllowed',
  outcomeExhausted: 'OutcomeExhausted',
  invalidData: 'InvalidTaskData',
  requestNotActive: 'RequestNotActive',
  invalidDeadlineChange: 'InvalidDeadlineChange',
  billNotDue: 'BillNotDue',
  forbidden: 'Forbidden',
  nothingAsked: 'NothingAsked',
} as const;
