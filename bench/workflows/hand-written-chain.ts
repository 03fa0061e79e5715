/**
 * A ten-step chain written by hand as a Temporal workflow, the way one would without the
 * engine: for each step an assignment activity, a search attribute naming the assignee, an
 * update with a validator to complete it, and an SLA timer; at the end the assignee is cleared,
 * as the interpreter clears it, so that operators listing a department's work do not find it.
 * Like a request, it is started with an update that answers once the first step is open, and
 * each completion answers once the next is, so its callers never retry against a step not yet
 * open. The history benchmark compares it with the interpreter running the same chain.
 */
import {
  condition,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { SA } from '../../lib/temporal/search-attributes';

const { resolveAssignee } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

/** Answers the first step once it is open. */
export const firstStep = defineUpdate<number>('firstStep');
/** Completes the open step; answers the step open next, or the number of steps once all are done. */
export const completeStep = defineUpdate<number, [number]>('completeStep');

export async function handWrittenChain(steps: number, district: string): Promise<number> {
  let current = -1;
  let done = -1;
  setHandler(firstStep, async () => {
    await condition(() => current >= 0);
    return current;
  });
  setHandler(
    completeStep,
    async (step) => {
      done = step;
      if (step === steps - 1) return steps;
      await condition(() => current > step);
      return current;
    },
    {
      validator: (step) => {
        if (step !== current || done === step) throw new Error(`step ${step} is not open`);
      },
    },
  );
  for (let step = 0; step < steps; step++) {
    const assignment = await resolveAssignee({
      trackingCode: 'hand-written',
      stepId: `step-${step}`,
      serviceId: 'hand-written',
      rule: { type: 'department', department: 'urban-planning', perDistrict: true },
      domain: 'urban-planning',
      district,
    });
    current = step;
    upsertSearchAttributes([{ key: SA.assignees, value: [assignment.assignee.principal] }]);
    await condition(() => done === step, '5 days');
  }
  upsertSearchAttributes([{ key: SA.assignees, value: null }]);
  await condition(allHandlersFinished);
  return steps;
}
