/**
 * The execution plan: a service definition compiled for the interpreter, with defaults applied,
 * references resolved and expressions parsed. It travels inside each request's workflow input,
 * so a request keeps the plan it started with to its end. JSON only.
 */
import type { WorkingDuration } from '../calendar/working-time';
import type { Expr } from '../expressions/ast';
import type { ServiceDefinition, Title } from '../generated/service-definition';

export type { Title };

export type PlanAssignee =
  { type: 'intake-office' } | { type: 'department'; department: string; perDistrict: boolean };

export interface PlanOutcome {
  title: Title;
  next: string;
  /** How many times this outcome may be taken; set on every outcome that leads back. */
  maxTimes?: number;
}

export interface PlanSla {
  text: string;
  duration: WorkingDuration;
}

export interface PlanTaskStep {
  kind: 'task';
  id: string;
  title: Title;
  assignee: PlanAssignee;
  sla: PlanSla;
  form?: Record<string, unknown>;
  outcomes: Record<string, PlanOutcome>;
}

export interface PlanPaymentStep {
  kind: 'payment';
  id: string;
  title: Title;
  fee: string;
  sla: PlanSla;
  next: string;
}

export interface PlanBranchStep {
  kind: 'branch';
  id: string;
  title: Title;
  cases: { when: Expr; text: string; next: string }[];
  default: string;
}

export interface PlanEndStep {
  kind: 'end';
  id: string;
  title: Title;
  result: 'completed' | 'rejected';
}

export type PlanStep = PlanTaskStep | PlanPaymentStep | PlanBranchStep | PlanEndStep;

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
  sla: PlanSla;
  form?: Record<string, unknown>;
  documents: { id: string; title: Title; optional: boolean }[];
  fees: Record<string, PlanFee>;
  start: string;
  /** Steps by id, in the order of the definition. */
  steps: Record<string, PlanStep>;
}
