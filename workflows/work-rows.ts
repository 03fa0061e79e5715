/**
 * The rows of the work store that a request's state stands for: the request, its tasks and each
 * holder they had, its journal, escalations, deadline changes, suspensions, fees and notifications.
 * Pure and deterministic: the workflow computes them to record its changes, and the rebuild and
 * reconcile commands compute them from a request's status to compare or restore the store.
 */
import { clockFor } from '../lib/calendar/clock';
import type { ResolvedCalendar } from '../lib/calendar/working-time';
import type { ServicePlan } from '../lib/plan/types';
import type { CaseState, Channel, EscalationRecord, NotificationRecord, Party, TaskRecord } from './types';

/** Who a request is and where it came in: what its rows need besides its state. */
export interface RequestIdentity {
  trackingCode: string;
  plan: Pick<ServicePlan, 'serviceId' | 'title' | 'domain' | 'version'>;
  district: string;
  channel: Channel;
  intakeOffice?: string;
  calendar: ResolvedCalendar;
}

export interface RequestRow {
  trackingCode: string;
  serviceId: string;
  serviceTitle: { fa: string; en: string };
  domain: string;
  definitionVersion: number;
  district: string;
  channel: Channel;
  intakeOffice: string | null;
  office: string | null;
  officeHow: string | null;
  state: string;
  sla: string;
  startedAt: string;
  endedAt: string | null;
  targetDeadline: string;
  statutoryDeadline: string | null;
  suspendedSince: string | null;
  receivedAt: string | null;
}

export interface TaskRow {
  taskId: string;
  trackingCode: string;
  serviceId: string;
  district: string;
  stepId: string;
  kind: string;
  title: { fa: string; en: string };
  holder: Party;
  holderUnit: string | null;
  holderDepartment: string | null;
  supervisor: string;
  claimedBy: string | null;
  claimedAt: string | null;
  status: string;
  openedAt: string;
  closedAt: string | null;
  deadline: string;
  originalDeadline: string;
  atRiskAt: string;
  statutoryDeadline: string | null;
  clock: string;
  sla: string;
  breachedAt: string | null;
  breachedHolder: string | null;
  breachedUnit: string | null;
  escalationLevel: number;
  onApplicant: boolean;
  outcome: string | null;
  actor: string | null;
  note: string | null;
  workingMinutes: number | null;
}

export interface HolderRow {
  taskId: string;
  seq: number;
  trackingCode: string;
  at: string;
  holder: Party;
  how: 'routed' | 'moved' | 'escalated';
  reason: string;
  decision: unknown;
}

export interface EventRow {
  seq: number;
  at: string;
  kind: string;
  stepId: string;
  title: { fa: string; en: string };
  taskId: string | null;
  outcome: string | null;
  actor: string | null;
  note: string | null;
}

export interface EscalationRow {
  seq: number;
  taskId: string | null;
  stepId: string;
  at: string;
  level: number;
  action: string;
  reason: string;
  from: string;
  to: Party;
}

export interface DeadlineChangeRow {
  seq: number;
  at: string;
  of: string;
  kind: string;
  from: string;
  to: string;
  cause: string;
  reason: string;
  by: string;
}

export interface SuspensionRow {
  seq: number;
  from: string;
  to: string | null;
  reason: string;
  by: string;
  taskId: string | null;
}

export interface FeeRow {
  seq: number;
  feeId: string;
  billId: string;
  title: { fa: string; en: string };
  amount: number;
  status: string;
  paidAt: string | null;
  receipt: string | null;
  refund: string | null;
}

export interface NotificationRow {
  id: string;
  taskId: string | null;
  kind: string;
  recipient: string;
  at: string;
  message: { fa: string; en: string };
}

/** Every row a request stands for, as it is now. */
export interface WorkRows {
  request: RequestRow;
  tasks: TaskRow[];
  holders: HolderRow[];
  events: EventRow[];
  escalations: EscalationRow[];
  deadlineChanges: DeadlineChangeRow[];
  suspensions: SuspensionRow[];
  fees: FeeRow[];
  notifications: NotificationRow[];
}

/** What the workflow sends to be written: the rows that changed since its last write. */
export interface WorkChanges extends Partial<Omit<WorkRows, 'request'>> {
  trackingCode: string;
  /** Grows with every write of the request: a row is only replaced by a later revision. */
  revision: number;
  request?: RequestRow;
  /** The applicant's national id, with the first write only: the store keeps a keyed hash of it. */
  nationalId?: string;
}

const SLA_ORDER = ['ok', 'at-risk', 'breached'];

/** The unit a principal belongs to, for reports: an office id, a department unit, an agency. */
export function unitOf(principal: string): { unit: string | null; department: string | null } {
  const match = /^(office|department|head|agency):([^/]+)/.exec(principal);
  if (!match) return { unit: null, department: null };
  const [, kind, unit = ''] = match;
  if (kind === 'office' || kind === 'agency') return { unit, department: null };
  // `d05.urban-planning` is a district's department; `treasury` a city department.
  return { unit, department: unit.includes('.') ? unit.slice(unit.indexOf('.') + 1) : unit };
}

/** When a task passed its deadline still open, and who held it then (a reassignment comes later). */
function breachOf(task: TaskRecord, escalations: EscalationRecord[]): { at: string; holder: string } | null {
  if (task.sla !== 'breached') return null;
  const reassigned = escalations.find(
    (e) => e.taskId === task.taskId && e.action === 'reassign' && !e.pending && e.at >= task.deadline,
  );
  const moved = (task.moves ?? []).find((m) => m.at >= task.deadline);
  const firstAfter = [reassigned && { at: reassigned.at, from: reassigned.from }, moved]
    .filter((x): x is { at: string; from: Party } => !!x)
    .sort((a, b) => a.at.localeCompare(b.at))[0];
  return { at: task.deadline, holder: (firstAfter?.from ?? task.assignee).principal };
}

/** The holders of a task in order: the first, then each move and each reassigning rung. */
function holdersOf(task: TaskRecord, escalations: EscalationRecord[], trackingCode: string): HolderRow[] {
  const changes = [
    ...(task.moves ?? []).map((m) => ({
      at: m.at,
      from: m.from,
      to: m.to,
      reason: m.reason,
      how: 'moved' as const,
    })),
    ...escalations
      .filter(
        (e) =>
          e.taskId === task.taskId &&
          e.action === 'reassign' &&
          !e.pending &&
          e.to.principal !== e.from.principal,
      )
      .map((e) => ({ at: e.at, from: e.from, to: e.to, reason: e.reason, how: 'escalated' as const })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const first = changes[0]?.from ?? task.assignee;
  const rows: HolderRow[] = [
    {
      taskId: task.taskId,
      seq: 0,
      trackingCode,
      at: task.openedAt,
      holder: first,
      how: 'routed',
      // Once a task has moved, its first routing note is no longer in the state: the row written
      // when it opened keeps it (history rows are written once).
      reason: changes.length === 0 ? task.routing : '',
      decision: changes.length === 0 ? (task.decision ?? null) : null,
    },
  ];
  changes.forEach((change, i) =>
    rows.push({
      taskId: task.taskId,
      seq: i + 1,
      trackingCode,
      at: change.at,
      holder: change.to,
      how: change.how,
      reason: change.reason,
      decision: i === changes.length - 1 ? (task.decision ?? null) : null,
    }),
  );
  return rows;
}

function taskRow(who: RequestIdentity, task: TaskRecord, escalations: EscalationRecord[]): TaskRow {
  const holder = unitOf(task.assignee.principal);
  const breach = breachOf(task, escalations);
  const working =
    task.status === 'done' && task.closedAt
      ? Math.round(
          clockFor(task.clock, who.calendar).between(Date.parse(task.openedAt), Date.parse(task.closedAt)) /
            60_000,
        )
      : null;
  return {
    taskId: task.taskId,
    trackingCode: who.trackingCode,
    serviceId: who.plan.serviceId,
    district: who.district,
    stepId: task.stepId,
    kind: task.kind,
    title: task.title,
    holder: task.assignee,
    holderUnit: holder.unit,
    holderDepartment: holder.department,
    supervisor: task.supervisor.principal,
    claimedBy: task.claimedBy ?? null,
    claimedAt: task.claimedAt ?? null,
    status: task.status,
    openedAt: task.openedAt,
    closedAt: task.closedAt ?? null,
    deadline: task.deadline,
    originalDeadline: task.originalDeadline,
    atRiskAt: task.atRiskAt,
    statutoryDeadline: task.statutoryDeadline ?? null,
    clock: task.clock,
    sla: task.sla,
    breachedAt: breach?.at ?? null,
    breachedHolder: breach?.holder ?? null,
    breachedUnit: breach ? unitOf(breach.holder).unit : null,
    escalationLevel: task.escalationLevel,
    onApplicant: task.onApplicant,
    outcome: task.outcome ?? null,
    actor: task.actor ?? null,
    note: task.note ?? null,
    workingMinutes: working,
  };
}

/** The office of record: the first office that held the request's work, and how it got it. */
function officeOfRecord(who: RequestIdentity, tasks: TaskRecord[], chosen: boolean) {
  const first = tasks.find((task) =>
    (task.moves?.[0]?.from ?? task.assignee).principal.startsWith('office:'),
  );
  if (!first) return { office: null, how: null };
  const original = first.moves?.[0]?.from ?? first.assignee;
  return {
    office: original.principal.slice('office:'.length),
    how: who.intakeOffice ? 'walk-in' : chosen ? 'chosen' : 'rule',
  };
}

/** Every row of a request as its state stands now. */
export function workRows(
  who: RequestIdentity,
  state: CaseState,
  options: { chosenOffice?: boolean; notifications?: NotificationRecord[] } = {},
): WorkRows {
  const { trackingCode } = who;
  const open = state.tasks.filter((task) => task.status === 'open');
  const sla = open.reduce(
    (worst, task) => (SLA_ORDER.indexOf(task.sla) > SLA_ORDER.indexOf(worst) ? task.sla : worst),
    'ok',
  );
  const office = officeOfRecord(who, state.tasks, options.chosenOffice ?? false);
  const suspended = state.suspensions.find((s) => s.to === undefined);
  return {
    request: {
      trackingCode,
      serviceId: who.plan.serviceId,
      serviceTitle: who.plan.title,
      domain: who.plan.domain,
      definitionVersion: who.plan.version,
      district: who.district,
      channel: who.channel,
      intakeOffice: who.intakeOffice ?? null,
      office: office.office,
      officeHow: office.how,
      state: state.state,
      sla,
      startedAt: state.startedAt,
      endedAt: state.endedAt ?? null,
      targetDeadline: state.deadlines.target.at,
      statutoryDeadline: state.deadlines.statutory?.at ?? null,
      suspendedSince: suspended?.from ?? null,
      receivedAt: state.received?.receivedAt ?? null,
    },
    tasks: state.tasks.map((task) => taskRow(who, task, state.escalations)),
    holders: state.tasks.flatMap((task) => holdersOf(task, state.escalations, trackingCode)),
    events: state.journal.map((entry, seq) => ({
      seq,
      at: entry.at,
      kind: entry.kind,
      stepId: entry.stepId,
      title: entry.title,
      taskId: entry.taskId ?? null,
      outcome: entry.outcome ?? null,
      actor: entry.actor ?? null,
      note: entry.note ?? null,
    })),
    escalations: state.escalations.map((e, seq) => ({
      seq,
      taskId: e.taskId === '' ? null : e.taskId,
      stepId: e.stepId,
      at: e.at,
      level: e.level,
      action: e.action,
      reason: e.reason,
      from: e.from.principal,
      to: e.to,
    })),
    deadlineChanges: state.deadlineChanges.map((c, seq) => ({ seq, ...c })),
    suspensions: state.suspensions.map((s, seq) => ({
      seq,
      from: s.from,
      to: s.to ?? null,
      reason: s.reason,
      by: s.by,
      taskId: s.taskId ?? null,
    })),
    fees: state.fees.map((fee, seq) => ({
      seq,
      feeId: fee.feeId,
      billId: fee.billId,
      title: fee.title,
      amount: fee.amount,
      status: fee.status,
      paidAt: fee.paidAt ?? null,
      receipt: fee.receipt ?? null,
      refund: fee.refund ?? null,
    })),
    notifications: (options.notifications ?? state.notifications ?? []).map((n, seq) => ({
      id: `${trackingCode}-n${seq + 1}`,
      taskId: n.taskId ?? null,
      kind: n.kind,
      recipient: n.to,
      at: n.at,
      message: n.message,
    })),
  };
}
