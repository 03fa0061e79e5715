/**
 * The execution plan: a service definition compiled for the interpreter, with defaults applied,
 * references resolved and expressions parsed. It travels inside each request's workflow input,
 * so a request keeps the plan it started with to its end. JSON only. Fields added to the language
 * after plans were first saved are optional, so every plan a request carries stays valid.
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
  /** A department's unit; `role` a role inside it, or `head` for the unit's head. */
  | { type: 'department'; department: string; perDistrict: boolean; role?: string }
  | { type: 'same-as'; step: string }
  /** The citizen; `only`: the citizen themselves, whom the office at the desk may not answer for. */
  | { type: 'applicant'; only?: true }
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

export interface PlanRung {
  after: PlanDuration;
  to: RungTarget;
  /** With `superior`: after its first alert, one level higher every this long. */
  every?: PlanDuration;
}

export interface PlanEscalation {
  /** Share of the SLA after which the assignee is reminded; 0 for none. */
  remindAt: number;
  ladder: PlanRung[];
  /** The highest level above the assignee the ladder may alert (1: the supervisor). */
  maxDepth?: number;
  /** With a rung that climbs `every` so often: the level of the steering committee, the top of the chain. */
  top?: number;
}

/** Limits on extending a deadline beside `maxExtension`: how many times, and how far as a share of the term. */
export interface PlanExtension {
  maxTimes?: number;
  /** In all, at most this share of the original term (0.5: half of it again). */
  maxShare?: number;
}

export interface PlanOutcome {
  title: Title;
  /** The step it leads to; null ends the parallel branch it is in. */
  next: string | null;
  /** How many times this outcome may be taken; set on every outcome that leads back. */
  maxTimes?: number;
  /** Only holders of one of these roles in the unit doing the step may take it (`head`: the unit's head). */
  roles?: string[];
}

interface StepBase {
  id: string;
  title: Title;
  /** The parallel branch the step runs in (`<parallel step>/<branch>`), or '' at the top level. */
  scope: string;
  /** What the citizen reads while the request is at this step, instead of its title. */
  status?: Title;
}

/** What every step with a deadline has: its target, the law's limit, how far it may be extended. */
interface Deadlined {
  /** The step's target; for a step with no SLA of its own, the service's (see `slaOfService`). */
  sla: PlanDuration;
  /** No SLA of its own: the step's deadline is the request's target, and its time counts only against it. */
  slaOfService?: true;
  statutoryDeadline?: PlanDuration;
  maxExtension?: PlanDuration;
  extension?: PlanExtension;
  escalation: PlanEscalation;
}

/** Steps a person or an agency answers, with an SLA and outcomes. */
interface AnsweredStep extends StepBase, Deadlined {
  form?: Record<string, unknown>;
  outcomes: Record<string, PlanOutcome>;
  /** Outcome taken by itself when the SLA passes, instead of escalating. */
  onTimeout?: string;
  /** While the step is open the request's clock stands still, for at most `expected`; then it runs again by itself. */
  suspend?: { expected: PlanDuration; reason: Title };
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
  /** How many times, and how far as a share of its term, the request's target may be extended. */
  extension?: PlanExtension;
  form?: Record<string, unknown>;
  documents: { id: string; title: Title; optional: boolean }[];
  fees: Record<string, PlanFee>;
  start: string;
  /** Every step by id, those of parallel branches included, in the order of the definition. */
  steps: Record<string, PlanStep>;
}
