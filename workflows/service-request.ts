/**
 * The interpreter: one workflow runs every service. It walks the request's execution plan
 * step by step, waits for people through updates, counts each task's SLA on the city
 * calendar and escalates a task that stalls past it.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { holds } from '../lib/expressions/evaluate';
import type { PlanBranchStep, PlanPaymentStep, PlanTaskStep } from '../lib/plan/types';
import { completeTaskUpdate, planQuery, statusQuery } from './messages';
import { RequestCase } from './request-case';
import type { CompleteTaskInput, RequestInput, RequestStatus, TaskRecord } from './types';
import { VisibilityPublisher } from './visibility';

const { resolveAssignee, assessFee, notify } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Waits until `done` holds or the instant passes; true when `done` won. */
async function waitUntil(done: () => boolean, instant: string): Promise<boolean> {
  const ms = Date.parse(instant) - Date.now();
  if (ms <= 0) return done();
  return condition(done, ms);
}

export async function serviceRequest(input: RequestInput): Promise<RequestStatus> {
  const rc = new RequestCase(input, Date.now());
  const visibility = new VisibilityPublisher();
  const publish = () => visibility.publish(rc);

  setHandler(statusQuery, () => rc.status());
  setHandler(planQuery, () => input.plan);
  setHandler(
    completeTaskUpdate,
    async (command) => {
      rc.complete(command, Date.now());
      // Answer with the state the request settles in: the next tasks open, or the end.
      await condition(() => rc.settled);
      return rc.status();
    },
    { validator: (command: CompleteTaskInput) => rc.validateCompletion(command) },
  );

  /** Reminds at the at-risk point, then escalates to the supervisor when the SLA passes. */
  async function watchSla(task: TaskRecord): Promise<void> {
    const closed = () => task.status !== 'open';
    if (await waitUntil(closed, task.atRiskAt)) return;
    rc.markAtRisk(task);
    publish();
    await notify({
      kind: 'sla-reminder',
      to: task.assignee.principal,
      trackingCode: input.trackingCode,
      taskId: task.taskId,
      message: {
        fa: `مهلت کار «${task.title.fa}» رو به پایان است: ${task.deadline}`,
        en: `Task "${task.title.en}" is due soon: ${task.deadline}`,
      },
    });
    if (await waitUntil(closed, task.deadline)) return;
    const escalation = rc.breach(task, Date.now());
    if (!escalation) return;
    publish();
    await notify({
      kind: 'sla-breach',
      to: escalation.to.principal,
      trackingCode: input.trackingCode,
      taskId: task.taskId,
      message: {
        fa: `مهلت کار «${task.title.fa}» نزد ${task.assignee.title.fa} گذشته و به شما ارجاع شد`,
        en: `Task "${task.title.en}" at ${task.assignee.title.en} is past its SLA and escalated to you`,
      },
    });
  }

  /** Opens a task, keeps its SLA watched, and waits for someone to complete it. */
  async function awaitTask(
    step: PlanTaskStep | PlanPaymentStep,
    rule: Parameters<typeof resolveAssignee>[0]['rule'],
  ) {
    const routing = await resolveAssignee({
      trackingCode: input.trackingCode,
      rule,
      domain: input.plan.domain,
      district: input.district,
      ...(input.intakeOffice ? { intakeOffice: input.intakeOffice } : {}),
    });
    const task = rc.openTask(step, routing, Date.now());
    publish();
    void watchSla(task);
    rc.settled = true;
    await condition(() => task.status !== 'open');
    return task;
  }

  async function runTask(step: PlanTaskStep): Promise<string> {
    const task = await awaitTask(step, step.assignee);
    const outcome = step.outcomes[task.outcome ?? ''];
    return outcome?.next ?? step.id;
  }

  async function runPayment(step: PlanPaymentStep): Promise<string> {
    const fee = input.plan.fees[step.fee];
    if (!fee) return step.next;
    const bill = await assessFee({ trackingCode: input.trackingCode, fee, data: rc.data });
    if (bill.amount === 0) {
      rc.record(
        {
          stepId: step.id,
          kind: 'payment',
          title: step.title,
          note: `fee '${fee.id}' is zero: nothing to pay`,
        },
        Date.now(),
      );
      return step.next;
    }
    rc.addFee({ feeId: fee.id, title: fee.title, amount: bill.amount, billId: bill.billId, status: 'due' });
    await awaitTask(step, { type: 'treasury' });
    return step.next;
  }

  function runBranch(step: PlanBranchStep): string {
    const taken = step.cases.find((branch) => holds(branch.when, rc.data));
    const note = taken ? `'${taken.text}' holds` : 'no case holds: default';
    const next = taken?.next ?? step.default;
    rc.record(
      { stepId: step.id, kind: 'branch', title: step.title, note: `${note}, next '${next}'` },
      Date.now(),
    );
    return next;
  }

  publish();
  let stepId = input.plan.start;
  for (;;) {
    const step = rc.step(stepId);
    switch (step.kind) {
      case 'task':
        stepId = await runTask(step);
        break;
      case 'payment':
        stepId = await runPayment(step);
        break;
      case 'branch':
        stepId = runBranch(step);
        break;
      case 'end':
        rc.finish(step, Date.now());
        publish();
        rc.settled = true;
        await condition(allHandlersFinished);
        return rc.status();
    }
  }
}
