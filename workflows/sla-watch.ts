/**
 * Watches deadlines. A task: its assignee is reminded at the at-risk point; once its SLA has
 * passed the escalation ladder is climbed rung by rung; a step may instead take an outcome by
 * itself on timeout; a task of the applicant that runs out ends the request as expired. When
 * a deadline moves (the clock stood still, an extension), the watch starts over from the new
 * deadline: each reminder and rung is sent once per deadline. The request: when its statutory
 * deadline passes, the steering committee is told.
 */
import { condition, isCancellation } from '@temporalio/workflow';
import type { EscalationInput, EscalationTarget } from '../activities/escalation';
import type { PlanEscalation } from '../lib/plan/types';
import { engine } from './activity-proxies';
import { failureText } from './failure-text';
import { tell } from './notices';
import { iso, type RequestCase } from './request-case';
import type { TaskRecord } from './types';

export interface WatchContext {
  rc: RequestCase;
  publish: () => void;
}

export interface WatchPlan {
  escalation: PlanEscalation;
  onTimeout?: string;
}

type Wake = 'done' | 'moved' | 'due';

/**
 * Whom an escalation goes to. When the ladder's target cannot be found in bounded time, the
 * operations department the request was given at its start is told instead, with why: an
 * escalation never waits on routing forever.
 */
async function targetOf(rc: RequestCase, input: EscalationInput): Promise<EscalationTarget> {
  try {
    return await engine.resolveEscalation(input);
  } catch (error) {
    const operations = rc.input.operations;
    if (isCancellation(error) || !operations) throw error;
    return {
      to: operations.assignee,
      reason: `the target of the rung '${input.to}' could not be found (${failureText(error)}); the operations department is told`,
    };
  }
}

/** Waits until the instant, unless the task closes or its deadline moves first. */
async function until(task: TaskRecord, version: number, instant: string): Promise<Wake> {
  const wake = (): Wake | undefined =>
    task.status !== 'open' ? 'done' : task.deadlineVersion !== version ? 'moved' : undefined;
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await condition(() => wake() !== undefined, ms);
  return wake() ?? 'due';
}

export async function watchTask(ctx: WatchContext, task: TaskRecord, plan: WatchPlan): Promise<void> {
  const { rc, publish } = ctx;
  const { trackingCode } = rc.input;

  watch: for (;;) {
    const version = task.deadlineVersion;
    const reminds = !task.onApplicant && !plan.onTimeout && task.remindAt > 0 && task.sla === 'ok';
    if (reminds) {
      const woke = await until(task, version, task.atRiskAt);
      if (woke === 'done') return;
      if (woke === 'moved') continue;
      rc.markAtRisk(task);
      publish();
      await tell(rc, publish, {
        kind: 'sla-reminder',
        to: task.assignee.principal,
        taskId: task.taskId,
        message: {
          fa: `مهلت کار «${task.title.fa}» رو به پایان است: ${task.deadline}`,
          en: `Task "${task.title.en}" is due soon: ${task.deadline}`,
        },
      });
    }

    const atDeadline = await until(task, version, task.deadline);
    if (atDeadline === 'done') return;
    if (atDeadline === 'moved') continue;

    if (plan.onTimeout) {
      rc.complete(
        { taskId: task.taskId, outcome: plan.onTimeout, actor: 'system' },
        Date.now(),
        `no answer within the term: taken as '${plan.onTimeout}'`,
      );
      publish();
      return;
    }
    if (task.onApplicant) {
      rc.cancelTask(task, 'the applicant did not answer within the term', Date.now());
      return;
    }

    rc.markBreached(task);
    publish();
    for (const rung of plan.escalation.ladder.slice(task.rungsDone)) {
      const at = iso(rc.clock(rung.after).add(Date.parse(task.deadline), rung.after.duration));
      const woke = await until(task, version, at);
      if (woke === 'done') return;
      if (woke === 'moved') continue watch;
      const target = await targetOf(rc, {
        to: rung.to,
        trackingCode,
        stepId: task.stepId,
        serviceId: rc.plan.serviceId,
        domain: rc.plan.domain,
        district: rc.input.district,
        assignee: task.assignee,
        supervisor: task.supervisor,
      });
      if (task.status !== 'open') return;
      if (task.deadlineVersion !== version) continue watch;
      const previous = task.assignee;
      const escalation = rc.escalate(task, rung.to, target.to, target.reason, Date.now(), target.reassigned);
      publish();
      const recipients = target.reassigned
        ? [target.to.principal, previous.principal]
        : [target.to.principal];
      for (const to of recipients) {
        await tell(rc, publish, {
          kind: 'sla-breach',
          to,
          taskId: task.taskId,
          message: {
            fa: `کار «${task.title.fa}» از مهلت گذشته است (سطح ارجاع ${escalation.level})`,
            en: `Task "${task.title.en}" is past its SLA (escalation level ${escalation.level}): ${target.reason}`,
          },
        });
      }
    }
    // Every rung climbed: wait for the task to close, or its deadline to move and start over.
    await condition(() => task.status !== 'open' || task.deadlineVersion !== version);
    if (task.status !== 'open') return;
  }
}

/** Tells the steering committee when the request passes its statutory deadline still open. */
export async function watchStatutoryDeadline(ctx: WatchContext): Promise<void> {
  const { rc, publish } = ctx;
  for (;;) {
    const statutory = rc.s.deadlines.statutory;
    if (!statutory) return;
    const at = statutory.at;
    const ms = Date.parse(at) - Date.now();
    const moved = () => rc.s.deadlines.statutory?.at !== at;
    if (ms > 0) await condition(() => rc.state !== 'active' || moved(), ms);
    if (rc.state !== 'active') return;
    if (moved()) continue;
    if (rc.suspension()) {
      // Standing still: the deadline will move when the clock runs again.
      await condition(() => rc.state !== 'active' || moved());
      continue;
    }
    const committee = await targetOf(rc, {
      to: 'steering-committee',
      trackingCode: rc.input.trackingCode,
      stepId: '',
      serviceId: rc.plan.serviceId,
      domain: rc.plan.domain,
      district: rc.input.district,
      assignee: { principal: '', title: rc.plan.title },
      supervisor: { principal: '', title: rc.plan.title },
    });
    const escalation = rc.escalateRequest(
      committee.to,
      `the statutory deadline ${at} passed with the request still open`,
      Date.now(),
    );
    publish();
    await tell(rc, publish, {
      kind: 'sla-breach',
      to: escalation.to.principal,
      message: {
        fa: `مهلت قانونی درخواست ${rc.input.trackingCode} گذشته است`,
        en: `Request ${rc.input.trackingCode} is past its statutory deadline`,
      },
    });
    return;
  }
}
