/**
 * What a request's workflow takes, keeps and shows. Plain JSON throughout: it is the workflow
 * input (and what continue-as-new carries), the query result and the update result.
 */
import type { ClockKind } from '../lib/calendar/clock';
import type { ResolvedCalendar } from '../lib/calendar/working-time';
import type { RoutingDecision } from '../lib/organisation/fair-routing';
import type { RungTarget, ServicePlan, Title } from '../lib/plan/types';

export type Channel = 'office' | 'online' | 'department';
export type RequestState = 'active' | 'completed' | 'rejected' | 'cancelled' | 'expired';
export type SlaState = 'ok' | 'at-risk' | 'breached';

/** Who a request belongs to. Personal data: kept in the workflow, never in search attributes. */
export interface Applicant {
  name: string;
  nationalId?: string;
  mobile?: string;
}

export interface RequestInput {
  trackingCode: string;
  /**
   * The engine revision that started the request (request-patches.ts): the patches it folds in
   * apply without a marker. Absent in requests started before revisions were numbered.
   */
  engineRevision?: number;
  plan: ServicePlan;
  calendar: ResolvedCalendar;
  district: string;
  channel: Channel;
  /** The licensed office that took the request, when it came in at an office. */
  intakeOffice?: string;
  /** The office an online applicant chose among the eligible ones, when the service allows it. */
  chosenOffice?: string;
  applicant: Applicant;
  data: Record<string, unknown>;
  /** Set when a long request continues as new: where it was, and what it had done. */
  resume?: ResumePoint;
  /** History length after which the request continues as new (the engine's default if absent). */
  continueAsNewAfter?: number;
  /** Set when the request was received before it was registered: its time counts from receipt. */
  received?: LateRegistration;
  /**
   * The operations department of the request's district, as the organisation named it at the
   * start: who takes an incident, or an escalation whose target cannot be found, when routing
   * itself cannot answer.
   */
  operations?: Assignment;
}

/**
 * A request received before it reached the engine: taken on paper while the system was down,
 * or taken over from the system the municipality used before. Its deadlines, and the work it
 * waits at until someone first acts, count from when it was received, not from registration.
 */
export interface LateRegistration {
  receivedAt: string;
  reason: string;
  /** Who registered it. */
  by: string;
}

/** What a request carries into its next run: its whole record and the step it waits at. */
export interface ResumePoint {
  state: CaseState;
  /** The top-level step the request waits at, with its task already open. */
  stepId: string;
  /** That task: it may have been completed while the request was continuing as new. */
  taskId: string;
}

/** Someone work is assigned or escalated to, with a title people can read. */
export interface Party {
  principal: string;
  title: Title;
}

/** Who does a task, and who its escalations go to. */
export interface Assignment {
  assignee: Party;
  supervisor: Party;
  /** How the assignee was chosen, kept for managers and inspectors. */
  note: string;
  /** For work given out by the stated rule: who was considered, why, and who won. */
  decision?: RoutingDecision;
}

/** A deadline as it stands, what it was at first, and the clock it counts on. */
export interface Deadline {
  at: string;
  original: string;
  clock: ClockKind;
}

export interface TaskRecord {
  taskId: string;
  stepId: string;
  /** `incident` is a task for the operations department when an automatic step keeps failing. */
  kind: 'task' | 'inquiry' | 'payment' | 'incident';
  title: Title;
  assignee: Party;
  supervisor: Party;
  /** How the assignee was chosen. */
  routing: string;
  /** The routing decision behind the assignee, when a rule chose among offices. */
  decision?: RoutingDecision;
  /** A payment task's bill: a payment against it completes this task and no other. */
  billId?: string;
  /** Every time the task moved to another holder outside the escalation ladder, and why. */
  moves?: { at: string; from: Party; to: Party; reason: string }[];
  /**
   * Outcomes the task may end with now (an outcome that reached its limit is left out); `roles`
   * when only holders of one of them may take it.
   */
  outcomes: { id: string; title: Title; roles?: string[] }[];
  openedAt: string;
  /** When the assignee is reminded and the task counts as at risk. */
  atRiskAt: string;
  /** Share of the SLA after which the task is at risk (0: never). */
  remindAt: number;
  /** The service target of the task. */
  deadline: string;
  originalDeadline: string;
  statutoryDeadline?: string;
  clock: ClockKind;
  /** What the citizen reads while the request waits at the task: its step's `status`, or its parallel group's. */
  applicationStatus?: Title;
  /** The highest level its ladder may alert (1: the supervisor), when the step says. */
  maxDepth?: number;
  /** No SLA of its own (`sla: service`): its deadline is the request's target, and moves with it. */
  deadlineOfRequest?: true;
  /** Grows each time the deadline moves, so watchers re-arm. */
  deadlineVersion: number;
  /** Whether the task waits on the applicant, whose time does not count against the service. */
  onApplicant: boolean;
  status: 'open' | 'done' | 'cancelled';
  /** The parallel branches the task runs in, outermost first (`<parallel step>/<branch>`). */
  branches: string[];
  sla: SlaState;
  escalationLevel: number;
  /** Ladder rungs climbed since the deadline last moved. */
  rungsDone: number;
  outcome?: string;
  actor?: string;
  closedAt?: string;
  data?: Record<string, unknown>;
  /** The idempotency key the task was completed with, so a retry changes nothing. */
  idempotencyKey?: string;
  /** The person who claimed the task, and when. */
  claimedBy?: string;
  claimedAt?: string;
  /** Why it closed when nobody completed it: the outcome taken on timeout, a branch cancelled. */
  note?: string;
}

/** One step done, in the order they happened. */
export interface JournalEntry {
  at: string;
  stepId: string;
  kind:
    | 'task'
    | 'inquiry'
    | 'payment'
    | 'incident'
    | 'branch'
    | 'parallel'
    | 'automatic'
    | 'notify'
    | 'end'
    | 'deadline'
    | 'routing'
    | 'withdrawal';
  title: Title;
  taskId?: string;
  outcome?: string;
  actor?: string;
  /** Why the engine went where it went, for branches, routing and deadlines. */
  note?: string;
}

export interface EscalationRecord {
  at: string;
  /** The task escalated, or '' for the request as a whole (a statutory deadline passed). */
  taskId: string;
  stepId: string;
  level: number;
  /** The rung: the supervisor or the level above alerted, the task reassigned, the steering committee alerted. */
  action: RungTarget;
  reason: string;
  from: Party;
  /** While `pending`, a placeholder: the rung is recorded at its instant and its target follows. */
  to: Party;
  /** Recorded, its target still being found. */
  pending?: true;
}

export interface FeeRecord {
  feeId: string;
  title: Title;
  /** Iranian rials. */
  amount: number;
  billId: string;
  status: 'due' | 'paid';
  paidAt?: string;
  receipt?: string;
  /** Set when a paid fee must be returned: the request was withdrawn. */
  refund?: 'due';
}

/** A time the clock stood still: the request waited on the citizen. */
export interface Suspension {
  from: string;
  to?: string;
  reason: string;
  by: string;
  /** The task that suspended it (the applicant's, or a step's that stops the clock), when not by hand. */
  taskId?: string;
  /** What the citizen reads: why the clock stands still, as a step that stops it says. */
  title?: Title;
  /** When it runs again by itself, the step still open: the end of the step's expected time. */
  until?: string;
}

/** Every move of a deadline, and why. */
export interface DeadlineChange {
  at: string;
  /** 'request', or the task whose deadline moved. */
  of: string;
  kind: 'target' | 'statutory';
  from: string;
  to: string;
  cause: 'suspension' | 'extension';
  reason: string;
  by: string;
}

export type NotificationKind = 'message' | 'sla-reminder' | 'sla-breach' | 'request-ended';

/** A message the request sends: to the people of a unit (their in-app notifications, e-mail, a webhook). */
export interface NotificationRecord {
  at: string;
  kind: NotificationKind;
  /** The principal it is for: office:…, department:…, head:…, or applicant:…. */
  to: string;
  taskId?: string;
  message: Title;
}

/** The whole record of a request: what its status shows, and what continue-as-new carries. */
export interface CaseState {
  state: RequestState;
  data: Record<string, unknown>;
  tasks: TaskRecord[];
  journal: JournalEntry[];
  escalations: EscalationRecord[];
  fees: FeeRecord[];
  /** Times each outcome was taken, by `step/outcome`: the count of return-for-correction loops. */
  outcomeCounts: Record<string, number>;
  startedAt: string;
  endedAt?: string;
  /** The request's own deadlines: the service target and, where the law sets one, the statutory. */
  deadlines: { target: Deadline; statutory?: Deadline };
  suspensions: Suspension[];
  deadlineChanges: DeadlineChange[];
  /** Extension used so far, in nominal working milliseconds, by 'request' or task id. */
  extensionsUsed: Record<string, number>;
  taskSeq: number;
  /** How many times the request has continued as new. */
  continuedAsNew: number;
  /** For a request registered after it was received: when, why, by whom, and when registered. */
  received?: LateRegistration & { registeredAt: string };
  /** Messages sent, in order; each becomes a notification in the work store. */
  notifications?: NotificationRecord[];
  /** How many times the request has written its changes to the work store. */
  storeRevision?: number;
  /**
   * For a request that came in online: the office its `{ office: intake }` steps go to, the first
   * one routing gave them, so each of them goes to the same office while it may take them.
   */
  intakeOffice?: string;
}

export interface RequestStatus extends Omit<CaseState, 'tasks' | 'taskSeq' | 'notifications'> {
  trackingCode: string;
  serviceId: string;
  serviceTitle: Title;
  definitionVersion: number;
  definitionHash: string;
  district: string;
  channel: Channel;
  /** The office that took the request in; for one that came in online, the office of its office steps. */
  intakeOffice?: string;
  /** The worst SLA state of the open tasks. */
  sla: SlaState;
  /** Whether the clock stands still now, and why. */
  suspended?: Suspension;
  openTasks: TaskRecord[];
  /** Tasks completed or cancelled, most recent last. */
  closedTasks: TaskRecord[];
}

/**
 * What an update answers: where the request stands after the change (its state, SLA, deadlines
 * and open tasks), the same size at the first step as at the hundredth. Its history (steps done,
 * escalations, fees, data) is read with the status query, so a request's history grows with its
 * steps, not with their square.
 */
export type RequestSummary = Pick<
  RequestStatus,
  | 'trackingCode'
  | 'serviceId'
  | 'serviceTitle'
  | 'definitionVersion'
  | 'district'
  | 'channel'
  | 'intakeOffice'
  | 'state'
  | 'sla'
  | 'startedAt'
  | 'endedAt'
  | 'deadlines'
  | 'suspended'
  | 'openTasks'
>;

/**
 * Whom a caller acts for, worked out by the API from their token and the organisation and sent
 * with each action, so that the update's validator decides without the API reading first.
 */
export interface Acting {
  /** The holders they act for as named: `office:o-0101`, `department:d05.finance/cashier`, `agency:…`. */
  holders: string[];
  /** Units every role of which they act for (a head): `department:d05.urban-planning`. */
  anyRoleOf: string[];
  /** Outside agencies are followed up for this district only, when their department is per district. */
  agencyDistrict?: string;
  /**
   * The roles they hold in their unit (`head` for its head; an office's `manager` or `clerk`):
   * an outcome kept to roles is taken only by one who holds one of them.
   */
  roles?: string[];
}

/**
 * Who changes a request, as the API knows them from their token: the update's validator decides
 * from the request as it stands whether they may, so the API need not read it first.
 */
export interface Caller {
  /** The request's own applicant, signed in with its tracking code and secret. */
  applicant?: boolean;
  /** A manager: may change any request's clock. */
  manager?: boolean;
  /** Treasury staff: may report any bill's payment. */
  treasury?: boolean;
  /** Whom they act for: the office that took the request in acts for its applicant. */
  acting: Acting;
}

export interface CompleteTaskInput {
  taskId: string;
  outcome: string;
  data?: Record<string, unknown>;
  /** Who completed it: a person, or `system` for the engine itself; the assignee when not given. */
  actor?: string;
  /** Recorded before actions carried `acting`: the principal the actor acted for. */
  actingAs?: string;
  /** Whom the actor acts for; one of them must hold the task. */
  acting?: Acting;
  /** Makes a retried completion change nothing, even after the request continued as new. */
  idempotencyKey?: string;
}

export interface SuspendInput {
  reason: string;
  actor: string;
  /** Who asks (recorded before it was sent: the API had checked). */
  caller?: Caller;
}

export interface ResumeInput {
  actor: string;
  /** Who asks (recorded before it was sent: the API had checked). */
  caller?: Caller;
}

export interface ExtendInput {
  /** 'request', or the id of an open task. */
  of: string;
  /** ISO 8601 duration on the deadline's own clock. */
  by: string;
  reason: string;
  actor: string;
  /** Who asks (recorded before it was sent: the API had checked). */
  caller?: Caller;
}

export interface WithdrawInput {
  reason: string;
  actor: string;
  /** Who asks (recorded before it was sent: the API had checked). */
  caller?: Caller;
}

/** The applicant's answer to what the request waits on them for (the task on the applicant). */
export interface ApplicantAnswerInput {
  /** May be left out when the task has one outcome. */
  outcome?: string;
  data?: Record<string, unknown>;
  caller: Caller;
  /**
   * Who answers, as the record names them: the office that took the request in answers as
   * itself, so an intermediary's answer never passes as the applicant's own.
   */
  actor?: string;
  /** Makes a retried answer change nothing, even after the task it answered is done. */
  idempotencyKey?: string;
}

/** Sent with a request's start; it carries nothing but the seal every command carries. */
export type StartedInput = Record<string, unknown>;

/** Someone of the holder takes an open task for themselves, so colleagues see it is in hand. */
export interface ClaimInput {
  taskId: string;
  /** Who claims: the signed-in person. */
  by: string;
  /** Recorded before actions carried `acting`: the holder they acted for. */
  actingAs?: string;
  /** Whom they act for; one of them must hold the task. */
  acting?: Acting;
}

/** A claimed task goes back to its holder's pool. */
export interface ReturnInput {
  taskId: string;
  by: string;
  /** A manager may return someone else's claim. */
  force?: boolean;
  /** Whom they act for (not a manager): a task of a request they have no part in is not found. */
  acting?: Acting;
}

/** A manager gives a task to another holder, with a reason. */
export interface ReassignInput {
  taskId: string;
  to: Assignment;
  reason: string;
  by: string;
}

export interface RerouteInput {
  /** The principal whose open tasks go elsewhere: office:<id>. */
  principal: string;
  reason: string;
  /**
   * Where each task goes, decided by the caller by the rule, so the request records the decision
   * without asking routing itself. A task not named here (and every task of a command sent
   * before moves carried their decision) is routed by the request.
   */
  moves?: RoutedMove[];
}

/** One task's new holder, with the routing decision that chose it. */
export interface RoutedMove {
  taskId: string;
  to: Assignment;
}

/** What a request answers to a move of its work: how many of its tasks moved. */
export interface RerouteResult {
  moved: number;
}

export interface PaymentInput {
  billId: string;
  receipt: string;
  actor: string;
  /** Who reports it (recorded before it was sent: the API had checked). */
  caller?: Caller;
}

/** The summary of an open task kept in the memo, so worklists need no query per request. */
export interface OpenTaskSummary {
  taskId: string;
  stepId: string;
  title: Title;
  assignee: Party;
  deadline: string;
  sla: SlaState;
  escalationLevel: number;
  escalatedTo: string[];
  claimedBy?: string;
}
