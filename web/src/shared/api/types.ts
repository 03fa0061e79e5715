/**
 * The shapes of the API's answers the web app reads, as the OpenAPI document at
 * /api/openapi.json and docs/api.md describe them. Fields marked "store" come with the work
 * store's resources (GET /api/tasks with `q`, `escalated`, `left`; GET /api/requests;
 * notifications) and are optional until the API gives them.
 */

export interface Title {
  fa: string;
  en: string;
}

/** An instant, in ISO 8601 and as the city's Jalali date and time. */
export interface When {
  at: string;
  jalali: string;
}

export type SlaState = 'ok' | 'at-risk' | 'breached';
export type Role = 'designer' | 'office' | 'department' | 'manager' | 'inspector' | 'admin' | 'citizen';
export type RequestState = 'active' | 'completed' | 'rejected' | 'cancelled' | 'expired';
export type TaskKind = 'task' | 'inquiry' | 'payment' | 'incident';

export interface Party {
  principal: string;
  title: Title;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface Place {
  id: string;
  title: Title;
}

export interface Me {
  sub: string;
  role: Role;
  name?: string;
  unit?: Title;
  office?: string;
  department?: string;
  district?: string;
  trackingCode?: string;
  districts: Place[];
  city: { title: Title; workingDayMinutes: number };
}

export interface SignInOptions {
  development: boolean;
  oidc?: { issuer: string; clientId: string; scope: string };
}

export interface PersonToSignIn {
  id: string;
  name: Title;
  role: Role;
  unit: Title;
}

export interface TimeLeft {
  minutes: number;
  clock: 'working' | 'continuous';
}

export interface WorkItem {
  taskId: string;
  trackingCode: string;
  serviceId: string;
  /** store */
  service?: { id: string; title: Title };
  district: string;
  stepId: string;
  /** store */
  kind?: TaskKind;
  title: Title;
  assignee: Party;
  claimedBy?: string;
  /** store */
  openedAt?: When;
  deadline: When;
  /** store: time to the deadline on the task's clock (working or every minute), negative once past it. */
  left?: TimeLeft;
  sla: SlaState;
  escalationLevel?: number;
  escalatedTo?: string[];
}

export interface WorklistCounts {
  total: number;
  claimed: number;
  unclaimed: number;
  bySla: Partial<Record<SlaState, number>>;
  nearingSla: number;
  /** store */
  escalatedToMe?: number;
}

export interface Worklist extends Page<WorkItem> {
  counts: WorklistCounts;
}

export interface Outcome {
  id: string;
  title: Title;
}

export interface CurrentTask {
  taskId: string;
  step: string;
  kind: TaskKind;
  title: Title;
  assignee: Party;
  supervisor?: Party;
  routing?: string;
  decision?: RoutingDecision;
  moves?: { at: When; from: Party; to: Party; reason: string }[];
  openedAt: When;
  deadline: When;
  originalDeadline?: When;
  sla: SlaState;
  escalationLevel?: number;
  claimedBy?: string;
  outcomes: Outcome[];
}

/** How a rule chose among offices: who was considered, who was eligible and why, who won. */
export interface RoutingDecision {
  rule: string;
  district: string;
  tier: 'district' | 'neighbours' | 'city' | 'supervisor';
  candidates: {
    office: string;
    eligible: boolean;
    reason?: string;
    load?: number;
    capacity?: number;
    ratio?: number;
  }[];
  winner?: string;
  why: string;
}

export interface Fee {
  feeId?: string;
  title: Title;
  amount: number;
  billId: string;
  status: 'due' | 'paid';
  paidAt?: When;
  receipt?: string;
}

export interface Escalation {
  at: When;
  taskId: string;
  stepId: string;
  level: number;
  action: string;
  reason: string;
  from: Party;
  to: Party;
  /** Recorded at its instant, whom to alert still being found. */
  pending?: boolean;
}

export interface DeadlineChange {
  at: When;
  of: string;
  from: When;
  to: When;
  reason: string;
  by?: string;
}

export interface StepDone {
  step: string;
  kind: string;
  title: Title;
  taskId?: string;
  outcome?: string;
  actor?: string;
  note?: string;
  at: When;
}

/** A request as staff see it. */
export interface RequestStatus {
  trackingCode: string;
  service: { id: string; title: Title; version: number };
  state: RequestState;
  sla: SlaState;
  district: string;
  channel?: string;
  intakeOffice?: string;
  startedAt: When;
  endedAt?: When;
  deadlines: { target: When & { passed?: boolean }; statutory?: When };
  suspended?: { from: When; reason: string };
  currentTasks: CurrentTask[];
  stepsDone: StepDone[];
  escalations?: Escalation[];
  deadlineChanges?: DeadlineChange[];
  fees?: Fee[];
  data?: Record<string, unknown>;
}

/**
 * Where a request stands after a staff action: its state, deadlines and open tasks, with where
 * to read it in full.
 */
export type AfterAction = Omit<
  RequestStatus,
  'stepsDone' | 'escalations' | 'deadlineChanges' | 'fees' | 'data'
> & {
  href: string;
};

/** A request as its applicant sees it. */
export interface PublicStatus {
  trackingCode: string;
  service: { id: string; title: Title; version: number };
  state: RequestState;
  startedAt: When;
  endedAt?: When;
  deadline: When;
  /** While a step stops the clock: why, since when, and when it runs again by itself. */
  clockStopped?: { reason: Title; since: When; until?: When };
  /** `status`: what the step says the citizen reads there, instead of its title. */
  now: { step: string; title: Title; status?: Title; with: Title; deadline: When; waitsOnYou: boolean }[];
  stepsDone: { title: Title; outcome?: string; at: When }[];
  fees: Fee[];
}

/** Where a request stands after its applicant's action; the rest is read at `href`. */
export type PublicAfterAction = Omit<PublicStatus, 'stepsDone' | 'fees'> & { href: string };

export interface Started {
  trackingCode: string;
  secret: string;
  service: { id: string; title: Title; version: number };
  state: RequestState;
  /** The tasks open when the start answered, for staff who may read the request. */
  currentTasks?: CurrentTask[];
}

export interface DefinitionSummary {
  id: string;
  title: Title;
  domain: string;
  intake?: string[];
  version: number;
  sla?: string;
  steps?: number;
}

export type JsonSchema = Record<string, unknown>;

export interface PlanStep {
  id: string;
  kind: string;
  title: Title;
  form?: JsonSchema;
  outcomes?: Record<string, { title: Title; next: string | null }>;
}

export interface Plan {
  serviceId: string;
  version: number;
  title: Title;
  domain: string;
  intake: string[];
  form?: JsonSchema;
  documents: { id: string; title: Title; optional: boolean }[];
  steps: Record<string, PlanStep>;
}

export interface Definition extends DefinitionSummary {
  plan: Plan;
}

/** store */
export interface RequestSummary {
  trackingCode: string;
  service: { id: string; title: Title };
  district: string;
  channel?: string;
  state: RequestState;
  sla: SlaState;
  startedAt: When;
  endedAt?: When;
  deadline: When;
  currentSteps: { stepId: string; title: Title; assignee: string }[];
}

/** store */
export interface Notification {
  id: string;
  at: When;
  kind: 'message' | 'sla-reminder' | 'sla-breach' | 'escalation' | 'request-ended' | 'task-moved';
  trackingCode: string;
  taskId?: string;
  message: Title;
  read: boolean;
}

/** store */
export interface Notifications {
  total: number;
  unread: number;
  items: Notification[];
}

/** An entry of a request's history: a step, an escalation, a deadline change, a clock stop. */
export interface HistoryEntry {
  at: When;
  what: 'step' | 'escalation' | 'deadline' | 'suspension' | 'move';
  taskId?: string;
  actor?: string;
  title?: Title;
  outcome?: string;
  note?: string;
  reason?: string;
  level?: number;
  action?: string;
  to?: Party | When;
  from?: Party | When;
  pending?: boolean;
  kind?: string;
  stepId?: string;
}
