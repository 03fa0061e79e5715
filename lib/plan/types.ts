/**
 * The execution plan: a service definition compiled for the interpreter, with defaults applied,
 * references resolved and expressions parsed. It travels inside each request's workflow input,
 * so a request keeps the plan it started with to its end. JSON only.
 */
import type { ClockKind } from '../calendar/clock';
import type { WorkingDuration } from '../calendar/working-time';
import type { Expr } from '../expressions/ast';
import type { ServiceDefinition, Title } from '../generated/service-definition';

export type { Title };

export type PlanAssignee =
  | { type: 'intake-office' }
  | { type: 'office'; office: string }
  | { type: 'office-in-field'; field: string }
  | { type: 'department'; department: string; perDistrict: boolean; role?: string }
  | { type: 'same-as'; step: string }
  | { type: 'applicant' }
  | { type: 'agency'; agency: string }
  | { type: 'treasury' }
  | { type: 'operations' };

export interface PlanDuration {
  text: string;
  duration: WorkingDuration;
  /** Working hours on the city calendar, or every hour of every day. */
  clock: ClockKind;
}

export type RungTarget = 'supervisor' | 'superior' | 'reassign' | 'steering-committee';

export interface PlanEscalation {
  /** Share of the SLA after which the assignee is reminded; 0 for none. */
  remindAt: number;
  ladder: { after: PlanDuration; to: RungTarget }[];
}

export interface PlanOutcome {
  title: Title;
  /** The step it leads to; null ends the parallel branch it is in. */
  next: string | null;
  /** How many times this outcome may be taken; set on every outcome that leads back. */
  maxTimes?: number;
}

interface StepBase {
  id: string;
  title: Title;
  /** The parallel branch the step runs in (`<parallel step>/<branch>`), or '' at the top level. */
  scope: string;
}

/** What every step with a deadline has: its target, the law's limit, how far it may be extended. */
interface Deadlined {
  sla: PlanDuration;
  statutoryDeadline?: PlanDuration;
  maxExtension?: PlanDuration;
  escalation: PlanEscalation;
}

/** Steps a person or an agency answers, with an SLA and outcomes. */
interface AnsweredStep extends StepBase, Deadlined {
  form?: Record<string, unknown>;
  outcomes: Record<string, PlanOutcome>;
  /** Outcome taken by itself when the SLA passes, instead of escalating. */
  onTimeout?: string;
}

export interface PlanTaskStep extends AnsweredStep {
  kind: 'task';
  assignee: PlanAssignee;
}

export interface PlanInquiryStep extends AnsweredStep {
  kind: 'inquiry';
  agency: string;
}

export interface PlanPaymentStep extends StepBase, Deadlined {
  kind: 'payment';
  fee: string;
  next: string | null;
}

export interface PlanBranchStep extends StepBase {
  kind: 'branch';
  cases: { when: Expr; text: string; next: string | null }[];
  default: string | null;
}

export interface PlanParallelStep extends StepBase {
  kind: 'parallel';
  join: 'all' | 'any';
  branches: { id: string; start: string }[];
  next: string | null;
}

export interface PlanAutomaticStep extends StepBase {
  kind: 'automatic';
  action: string;
  with: Record<string, unknown>;
  retry: { maxAttempts: number; initialInterval: string };
  next: string | null;
}

export interface PlanNotifyStep extends StepBase {
  kind: 'notify';
  to: PlanAssignee[];
  message: Title;
  next: string | null;
}

export interface PlanEndStep extends StepBase {
  kind: 'end';
  result: 'completed' | 'rejected';
}

export type PlanStep =
  | PlanTaskStep
  | PlanInquiryStep
  | PlanPaymentStep
  | PlanBranchStep
  | PlanParallelStep
  | PlanAutomaticStep
  | PlanNotifyStep
  | PlanEndStep;

/** Steps that open a task someone completes. */
export type PlanWorkStep = PlanTaskStep | PlanInquiryStep | PlanPaymentStep;

export interface PlanFee {
  id: string;
  title: Title;
  amount: { fixed: number } | { formula: Expr; text: string };
}

export interface ServicePlan {
  serviceId: string;
  /** Published version number; 0 for a plan compiled straight from files. */
  version: number;
  /** sha256 of the definition's canonical JSON. */
  hash: string;
  title: Title;
  domain: ServiceDefinition['domain'];
  intake: ServiceDefinition['intake'];
  sla: PlanDuration;
  /** A faster target for requests whose data makes them urgent. */
  urgency?: { when: Expr; text: string; sla: PlanDuration };
  statutoryDeadline?: PlanDuration;
  /** How office work is given out: whether the citizen may choose, where to look beyond the district. */
  routing?: { officeChoice: 'rule' | 'citizen'; fallback: 'neighbours' | 'city' };
  /** How far the request's target may be extended in all. */
  maxExtension?: PlanDuration;
  form?: Record<string, unknown>;
  documents: { id: string; title: Title; optional: boolean }[];
  fees: Record<string, PlanFee>;
  start: string;
  /** Every step by id, those of parallel branches included, in the order of the definition. */
  steps: Record<string, PlanStep>;
}
