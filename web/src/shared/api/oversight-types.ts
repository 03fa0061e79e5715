/**
 * The shapes of the answers the oversight and design pages read: reports, SLA lists, offices and
 * licences, the organisation's directory, and the designer's workbench (see /api/openapi.json).
 */
import type { Page, Party, SlaState, TimeLeft, Title, When } from './types';

/** A day of the calendar, as the API gives it. */
export interface Day {
  date: string;
  jalali: string;
}

export interface Titled {
  id: string;
  title: Title;
}

export interface Directory {
  districts: Titled[];
  departments: (Titled & { perDistrict: boolean; head: Title; roles: Titled[] })[];
  offices: (Titled & { districts: string[] })[];
  agencies: Titled[];
  services: (Titled & { domain: string })[];
}

export interface ReportRange {
  range: { from: When; to: When };
}

export interface DistrictCell {
  district: string;
  domain: string;
  breaches: number;
  tasksDone: number;
  tasksOnTime: number;
}

export interface OnTimeRow {
  group: string;
  tasksDone: number;
  tasksOnTime: number;
  taskRate: number | null;
}

export interface PeriodRow {
  period: When;
  group: string;
  count: number;
}

export interface ThroughputRow {
  period: When;
  started: number;
  finished: number;
  completed: number;
  rejected: number;
}

export interface StepTimeRow {
  serviceId: string;
  stepId: string;
  stepTitle: Title;
  group: string;
  done: number;
  workingHours: { median: number; p90: number };
  elapsedHours: { median: number; p90: number };
}

export interface SlaItem {
  taskId: string;
  trackingCode: string;
  serviceId: string;
  service?: { id: string; title: Title };
  district: string;
  stepId: string;
  title: Title;
  assignee: Party;
  deadline: When;
  left?: TimeLeft;
  sla: SlaState;
  escalationLevel?: number;
  escalatedTo?: string[];
  /** Who held it when it breached (a principal): the breach counts against them. */
  breachedHolder?: string;
  lateBy: { ms: number; hours: number };
}

export interface SummaryGroup {
  key: string;
  title: Title;
  open: number;
  atRisk: number;
  breached: number;
  escalated: number;
}

export type LicenceStatus = 'active' | 'suspended' | 'revoked' | 'expired';

export interface OfficeView {
  id: string;
  title: Title;
  districts: string[];
  capacity: number;
  licence: { number: string; status: LicenceStatus; validUntil: Day; reason?: string };
  openLoad?: number;
}

export interface OfficePerformance {
  office: string;
  openLoad: number;
  capacity: number;
  tasksDone: number;
  meanCompletionHours: number | null;
  breaches: number;
}

export interface LicenceChange {
  officeId: string;
  office: Title;
  at: When;
  action: string;
  status: string;
  reason: string;
  by: string;
  validUntil?: Day;
}

export interface RoutingReport {
  service: string;
  district: string;
  requests: number;
  gini: number | null;
  loadGini: number | null;
  maxMinRatio: number | null;
  note?: string;
  offices: {
    office: string;
    requests: number;
    share: number;
    capacity: number;
    capacityShare: number;
    openLoad: number;
  }[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { subject: string; role: string; name?: string };
  action: string;
  target: Record<string, string>;
  result: { status: number; problem?: string };
}

export type AuditPage = Page<AuditEntry>;

export interface DesignVersion {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note: string;
  rolledBackFrom?: number;
  running: number;
}

export interface DesignService {
  id: string;
  title: Title;
  domain: string;
  version: number;
  running: number;
  versions: DesignVersion[];
}

export interface DefinitionProblem {
  line: number;
  column: number;
  path: string;
  message: string;
  rule: string;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface PlanDiff {
  added: { step: string; kind: string; title: string }[];
  removed: { step: string; kind: string; title: string }[];
  changed: { step: string; changes: FieldChange[] }[];
  service: FieldChange[];
}

export interface DraftCheck {
  valid: boolean;
  problems: DefinitionProblem[];
  serviceId?: string;
  title?: Title;
  stepTitles?: Record<string, Title>;
  mermaid?: string;
  published?: number;
  unchanged?: boolean;
  diff?: PlanDiff;
}
