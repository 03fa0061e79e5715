/**
 * What a request's workflow takes, keeps and shows. Plain JSON throughout: it is the workflow
 * input, the query result and the update result.
 */
import type { ResolvedCalendar } from '../lib/calendar/working-time';
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
  plan: ServicePlan;
  calendar: ResolvedCalendar;
  district: string;
  channel: Channel;
  /** The licensed office that took the request, when it came in at an office. */
  intakeOffice?: string;
  applicant: Applicant;
  data: Record<string, unknown>;
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
  /** Outcomes the task may end with now (an outcome that reached its limit is left out). */
  outcomes: { id: string; title: Title }[];
  openedAt: string;
  atRiskAt: string;
  deadline: string;
  status: 'open' | 'done' | 'cancelled';
  /** The parallel branches the task runs in, outermost first (`<parallel step>/<branch>`). */
  branches: string[];
  sla: SlaState;
  escalationLevel: number;
  outcome?: string;
  actor?: string;
  closedAt?: string;
  data?: Record<string, unknown>;
  /** Why it closed when nobody completed it: the outcome taken on timeout, a branch cancelled. */
  note?: string;
}

/** One step done, in the order they happened. */
export interface JournalEntry {
  at: string;
  stepId: string;
  kind: 'task' | 'inquiry' | 'payment' | 'incident' | 'branch' | 'parallel' | 'automatic' | 'notify' | 'end';
  title: Title;
  taskId?: string;
  outcome?: string;
  actor?: string;
  /** Why the engine went where it went, for branches and routing. */
  note?: string;
}

export interface EscalationRecord {
  at: string;
  taskId: string;
  stepId: string;
  level: number;
  /** The rung of the ladder: the supervisor or the level above alerted, the task reassigned, the steering committee alerted. */
  action: RungTarget;
  reason: string;
  from: Party;
  to: Party;
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
}

export interface RequestStatus {
  trackingCode: string;
  serviceId: string;
  serviceTitle: Title;
  definitionVersion: number;
  definitionHash: string;
  district: string;
  channel: Channel;
  intakeOffice?: string;
  state: RequestState;
  /** The worst SLA state of the open tasks. */
  sla: SlaState;
  startedAt: string;
  dueAt: string;
  endedAt?: string;
  openTasks: TaskRecord[];
  journal: JournalEntry[];
  escalations: EscalationRecord[];
  fees: FeeRecord[];
  /** Times each outcome was taken, by `step/outcome`: the count of return-for-correction loops. */
  outcomeCounts: Record<string, number>;
  data: Record<string, unknown>;
}

export interface CompleteTaskInput {
  taskId: string;
  outcome: string;
  data?: Record<string, unknown>;
  /** Who completed it; until people sign in, the principal of the assignee. */
  actor: string;
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
}
