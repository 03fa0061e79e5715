/**
 * How the API shows times and requests: every instant in ISO 8601 and as a Jalali date in the
 * city's time zone, the way people in the municipality read it.
 */
import { clockFor } from '../lib/calendar/clock';
import { formatJalali, gregorianToJalali } from '../lib/calendar/jalali';
import type { ResolvedCalendar } from '../lib/calendar/working-time';
import type { LicenceChange } from '../lib/organisation/licences';
import type { WorkItemRow } from '../store/worklists';
import type { Deadline, RequestStatus, RequestSummary, Suspension, TaskRecord } from '../workflows/types';
import { requestPath } from './still-working';

export interface When {
  at: string;
  jalali: string;
}

/** A calendar day, such as the last day of a licence. */
export interface Day {
  date: string;
  jalali: string;
}

export class Presenter {
  readonly timeZone: string;

  constructor(readonly calendar: ResolvedCalendar) {
    this.timeZone = calendar.timeZone;
  }

  /** Minutes left to a deadline on its clock (working minutes on the city calendar); negative once past. */
  left(deadline: string, clock: string, now = Date.now()) {
    const kind = clock === 'continuous' ? 'continuous' : 'working';
    const counted = clockFor(kind, this.calendar);
    const at = Date.parse(deadline);
    const ms = at >= now ? counted.between(now, at) : -counted.between(at, now);
    return { minutes: Math.trunc(ms / 60_000), clock: kind };
  }

  /** A task of a worklist or an SLA list, as people read it. */
  workItem(item: WorkItemRow, now = Date.now()) {
    const { serviceTitle, openedAt, deadline, clock, ...rest } = item;
    return {
      ...rest,
      service: { id: item.serviceId, title: serviceTitle },
      openedAt: this.when(openedAt),
      deadline: this.when(deadline),
      left: this.left(deadline, clock, now),
    };
  }

  when(iso: string): When {
    return { at: iso, jalali: formatJalali(new Date(iso), this.timeZone) };
  }

  /** A published version: `publishedAt` as kept (ISO 8601), and beside it as the city reads it. */
  version<T extends { publishedAt: string }>(version: T): T & { publishedAtJalali: string } {
    return { ...version, publishedAtJalali: this.when(version.publishedAt).jalali };
  }

  day(gregorian: string): Day {
    return { date: gregorian, jalali: gregorianToJalali(gregorian).replaceAll('-', '/') };
  }

  licenceChange(change: LicenceChange) {
    // The key of the step that made a change is the registry's own bookkeeping.
    const shown: LicenceChange = { ...change };
    delete shown.key;
    return {
      ...shown,
      at: this.when(change.at),
      ...(change.validUntil ? { validUntil: this.day(change.validUntil) } : {}),
    };
  }

  private deadline(deadline: Deadline, now: number) {
    return {
      ...this.when(deadline.at),
      original: this.when(deadline.original),
      clock: deadline.clock,
      passed: now > Date.parse(deadline.at),
    };
  }

  task(task: TaskRecord) {
    return {
      taskId: task.taskId,
      step: task.stepId,
      kind: task.kind,
      title: task.title,
      ...(task.applicationStatus ? { applicationStatus: task.applicationStatus } : {}),
      assignee: task.assignee,
      supervisor: task.supervisor,
      routing: task.routing,
      ...(task.decision ? { decision: task.decision } : {}),
      ...(task.billId ? { billId: task.billId } : {}),
      ...(task.moves ? { moves: task.moves.map((m) => ({ ...m, at: this.when(m.at) })) } : {}),
      openedAt: this.when(task.openedAt),
      deadline: this.when(task.deadline),
      ...(task.deadline !== task.originalDeadline
        ? { originalDeadline: this.when(task.originalDeadline) }
        : {}),
      ...(task.statutoryDeadline ? { statutoryDeadline: this.when(task.statutoryDeadline) } : {}),
      clock: task.clock,
      sla: task.sla,
      escalationLevel: task.escalationLevel,
      ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
      outcomes: task.outcomes,
    };
  }

  /**
   * What the applicant sees: where the request is, what waits on them, what they owe. No
   * internal notes, routing explanations, escalations or names of who did what.
   */
  publicStatus(status: RequestStatus) {
    return {
      trackingCode: status.trackingCode,
      service: { id: status.serviceId, title: status.serviceTitle, version: status.definitionVersion },
      state: status.state,
      startedAt: this.when(status.startedAt),
      ...(status.endedAt ? { endedAt: this.when(status.endedAt) } : {}),
      deadline: this.when(status.deadlines.target.at),
      ...(status.suspended?.title
        ? {
            clockStopped: {
              reason: status.suspended.title,
              since: this.when(status.suspended.from),
              ...(status.suspended.until ? { until: this.when(status.suspended.until) } : {}),
            },
          }
        : {}),
      now: this.publicNow(status),
      stepsDone: status.journal
        .filter((entry) => entry.kind !== 'routing' && entry.taskId !== undefined)
        .map((entry) => ({
          title: entry.title,
          ...(entry.outcome ? { outcome: entry.outcome } : {}),
          at: this.when(entry.at),
        })),
      fees: status.fees.map((fee) => ({
        title: fee.title,
        amount: fee.amount,
        billId: fee.billId,
        status: fee.status,
        ...(fee.paidAt ? { paidAt: this.when(fee.paidAt) } : {}),
        ...(fee.refund ? { refund: fee.refund } : {}),
      })),
    };
  }

  /** What the request waits on now, as the applicant reads it. */
  private publicNow(summary: RequestSummary) {
    return summary.openTasks.map((task) => ({
      step: task.stepId,
      title: task.title,
      ...(task.applicationStatus ? { status: task.applicationStatus } : {}),
      with: task.assignee.title,
      deadline: this.when(task.deadline),
      waitsOnYou: task.onApplicant || task.kind === 'payment',
    }));
  }

  /** Everything that happened to a request, in time order: steps, escalations, moves, clocks. */
  history(status: RequestStatus) {
    const entries = [
      ...status.journal.map((e) => ({ ...e, what: 'step' as const })),
      ...status.escalations.map((e) => ({ ...e, at: e.at, what: 'escalation' as const })),
      ...status.deadlineChanges.map((c) => ({
        ...c,
        at: c.at,
        from: this.when(c.from),
        to: this.when(c.to),
        what: 'deadline' as const,
      })),
      ...status.suspensions.map((s) => ({
        ...s,
        at: s.from,
        from: this.when(s.from),
        ...(s.to ? { to: this.when(s.to) } : {}),
        what: 'suspension' as const,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return { total: entries.length, items: entries.map((e) => ({ ...e, at: this.when(e.at) })) };
  }

  suspension(s: Suspension) {
    return {
      ...s,
      from: this.when(s.from),
      ...(s.to ? { to: this.when(s.to) } : {}),
      ...(s.until ? { until: this.when(s.until) } : {}),
    };
  }

  /**
   * Where a request stands after an action, as staff read it: its state, SLA, deadlines and open
   * tasks, with where to read the rest.
   */
  summary(summary: RequestSummary) {
    const now = Date.now();
    return {
      trackingCode: summary.trackingCode,
      service: { id: summary.serviceId, title: summary.serviceTitle, version: summary.definitionVersion },
      state: summary.state,
      sla: summary.sla,
      district: summary.district,
      channel: summary.channel,
      ...(summary.intakeOffice ? { intakeOffice: summary.intakeOffice } : {}),
      startedAt: this.when(summary.startedAt),
      deadlines: {
        target: this.deadline(summary.deadlines.target, now),
        ...(summary.deadlines.statutory
          ? { statutory: this.deadline(summary.deadlines.statutory, now) }
          : {}),
      },
      ...(summary.suspended ? { suspended: this.suspension(summary.suspended) } : {}),
      ...(summary.endedAt ? { endedAt: this.when(summary.endedAt) } : {}),
      currentTasks: summary.openTasks.map((task) => this.task(task)),
      href: requestPath(summary.trackingCode),
    };
  }

  /** Where a request stands after the applicant's action, as they read it: no staff names or notes. */
  publicSummary(summary: RequestSummary) {
    return {
      trackingCode: summary.trackingCode,
      service: { id: summary.serviceId, title: summary.serviceTitle, version: summary.definitionVersion },
      state: summary.state,
      startedAt: this.when(summary.startedAt),
      ...(summary.endedAt ? { endedAt: this.when(summary.endedAt) } : {}),
      deadline: this.when(summary.deadlines.target.at),
      now: this.publicNow(summary),
      href: requestPath(summary.trackingCode),
    };
  }

  status(status: RequestStatus) {
    const { href: _href, ...head } = this.summary(status);
    return {
      ...head,
      ...(status.received
        ? {
            received: {
              at: this.when(status.received.receivedAt),
              registeredAt: this.when(status.received.registeredAt),
              reason: status.received.reason,
              by: status.received.by,
            },
          }
        : {}),
      stepsDone: status.journal.map((entry) => ({
        step: entry.stepId,
        kind: entry.kind,
        title: entry.title,
        ...(entry.taskId ? { taskId: entry.taskId } : {}),
        ...(entry.outcome ? { outcome: entry.outcome } : {}),
        ...(entry.actor ? { actor: entry.actor } : {}),
        ...(entry.note ? { note: entry.note } : {}),
        at: this.when(entry.at),
      })),
      escalations: status.escalations.map((e) => ({ ...e, at: this.when(e.at) })),
      deadlineChanges: status.deadlineChanges.map((c) => ({
        ...c,
        at: this.when(c.at),
        from: this.when(c.from),
        to: this.when(c.to),
      })),
      suspensions: status.suspensions.map((s) => this.suspension(s)),
      fees: status.fees.map((fee) => ({ ...fee, ...(fee.paidAt ? { paidAt: this.when(fee.paidAt) } : {}) })),
      outcomeCounts: status.outcomeCounts,
      continuedAsNew: status.continuedAsNew,
      data: status.data,
    };
  }
}
