/**
 * How the API shows times and requests: every instant in ISO 8601 and as a Jalali date in the
 * city's time zone, the way people in the municipality read it.
 */
import { formatJalali } from '../lib/calendar/jalali';
import type { RequestStatus, TaskRecord } from '../workflows/types';

export interface When {
  at: string;
  jalali: string;
}

export class Presenter {
  constructor(readonly timeZone: string) {}

  when(iso: string): When {
    return { at: iso, jalali: formatJalali(new Date(iso), this.timeZone) };
  }

  task(task: TaskRecord) {
    return {
      taskId: task.taskId,
      step: task.stepId,
      kind: task.kind,
      title: task.title,
      assignee: task.assignee,
      routing: task.routing,
      openedAt: this.when(task.openedAt),
      deadline: this.when(task.deadline),
      sla: task.sla,
      escalationLevel: task.escalationLevel,
      outcomes: task.outcomes,
    };
  }

  status(status: RequestStatus) {
    return {
      trackingCode: status.trackingCode,
      service: { id: status.serviceId, title: status.serviceTitle, version: status.definitionVersion },
      state: status.state,
      sla: status.sla,
      district: status.district,
      channel: status.channel,
      ...(status.intakeOffice ? { intakeOffice: status.intakeOffice } : {}),
      startedAt: this.when(status.startedAt),
      dueAt: this.when(status.dueAt),
      ...(status.endedAt ? { endedAt: this.when(status.endedAt) } : {}),
      currentTasks: status.openTasks.map((task) => this.task(task)),
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
      fees: status.fees.map((fee) => ({ ...fee, ...(fee.paidAt ? { paidAt: this.when(fee.paidAt) } : {}) })),
      outcomeCounts: status.outcomeCounts,
      data: status.data,
    };
  }
}
