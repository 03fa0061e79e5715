/**
 * Watches one open task against its deadline: reminds the assignee at the at-risk point, and
 * once the SLA has passed climbs the escalation ladder rung by rung. A step may instead take
 * an outcome by itself on timeout (an agency's silence counts as no objection); a task of the
 * applicant that runs out ends the request as expired.
 */
import { condition } from '@temporalio/workflow';
import type { PlanEscalation } from '../lib/plan/types';
import { engine } from './activities';
import type { RequestCase } from './request-case';
import type { TaskRecord } from './types';

export interface WatchContext {
  rc: RequestCase;
  publish: () => void;
}

export interface WatchPlan {
  escalation: PlanEscalation;
  onTimeout?: string;
  /** Whether the task waits on the citizen, whom nobody escalates. */
  applicant: boolean;
}

/** Waits until `done` holds or the instant passes; true when `done` won. */
async function until(done: () => boolean, instant: string): Promise<boolean> {
  const ms = Date.parse(instant) - Date.now();
  if (ms <= 0) return done();
  return condition(done, ms);
}

export async function watchTask(ctx: WatchContext, task: TaskRecord, plan: WatchPlan): Promise<void> {
  const { rc, publish } = ctx;
  const { trackingCode } = rc.input;
  const closed = () => task.status !== 'open';

  if (!plan.applicant && !plan.onTimeout && plan.escalation.remindAt > 0) {
    if (await until(closed, task.atRiskAt)) return;
    rc.markAtRisk(task);
    publish();
    await engine.notify({
      kind: 'sla-reminder',
      to: task.assignee.principal,
      trackingCode,
      taskId: task.taskId,
      message: {
        fa: `مهلت کار «${task.title.fa}» رو به پایان است: ${task.deadline}`,
        en: `Task "${task.title.en}" is due soon: ${task.deadline}`,
      },
    });
  }

  if (await until(closed, task.deadline)) return;

  if (plan.onTimeout) {
    rc.complete(
      { taskId: task.taskId, outcome: plan.onTimeout, actor: 'system' },
      Date.now(),
      `no answer within the term: taken as '${plan.onTimeout}'`,
    );
    publish();
    return;
  }
  if (plan.applicant) {
    task.status = 'cancelled';
    task.closedAt = new Date(Date.now()).toISOString();
    task.note = 'the applicant did not answer within the term';
    return;
  }

  rc.markBreached(task);
  publish();
  for (const rung of plan.escalation.ladder) {
    const at = new Date(
      rc.clock(rung.after).add(Date.parse(task.deadline), rung.after.duration),
    ).toISOString();
    if (await until(closed, at)) return;
    const target = await engine.resolveEscalation({
      to: rung.to,
      trackingCode,
      domain: rc.plan.domain,
      district: rc.input.district,
      assignee: task.assignee,
      supervisor: task.supervisor,
    });
    if (closed()) return;
    const previous = task.assignee;
    const escalation = rc.escalate(task, rung.to, target.to, target.reason, Date.now(), target.reassigned);
    publish();
    const recipients = target.reassigned ? [target.to.principal, previous.principal] : [target.to.principal];
    for (const to of recipients) {
      await engine.notify({
        kind: 'sla-breach',
        to,
        trackingCode,
        taskId: task.taskId,
        message: {
          fa: `کار «${task.title.fa}» از مهلت گذشته است (سطح ارجاع ${escalation.level})`,
          en: `Task "${task.title.en}" is past its SLA (escalation level ${escalation.level}): ${target.reason}`,
        },
      });
    }
  }
}
