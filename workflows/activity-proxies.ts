/**
 * Proxies of the activities, as the interpreter calls them: typed from the implementation's
 * factory by a type-only import (its code never enters the workflow bundle). Every one gives up
 * in bounded time, so a step that cannot go on becomes an incident someone sees instead of a
 * request that waits forever.
 */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PlanAutomaticStep } from '../lib/plan/types';

/**
 * Routing, escalation targets and fees read the organisation, the offices' loads and the
 * request's data: quick when they answer, so a few minutes of retries cover a restart of the
 * worker or the store. A fee formula that cannot be evaluated fails at once (not retryable).
 */
const QUICK = {
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 10,
  },
} as const;
const quick = proxyActivities<Activities>(QUICK);

/** Notifications of requests recorded before the work store: the store may be away a while. */
const outbox = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 30,
  },
});

/**
 * A rung's target found after the rung is recorded, in the worker's own task: no round trip to
 * Temporal's activity queue while a city's deadlines of one instant are still being recorded.
 * The same bounds as the quick activities.
 */
const nearby = proxyLocalActivities<Activities>(QUICK);

export const engine = {
  resolveAssignee: quick.resolveAssignee,
  resolveEscalation: quick.resolveEscalation,
  /** The same, as a local activity: rungs recorded at their instant (workflows/sla-watch.ts). */
  findEscalationTarget: nearby.resolveEscalation,
  assessFee: quick.assessFee,
  notify: outbox.notify,
};

/** An automatic step's action, with the retries its definition asks for. */
export function actionRunner(step: PlanAutomaticStep) {
  return proxyActivities<Activities>({
    startToCloseTimeout: '1 minute',
    retry: {
      initialInterval: step.retry.initialInterval,
      backoffCoefficient: 2,
      maximumInterval: '10 minutes',
      maximumAttempts: step.retry.maxAttempts,
    },
  }).runAction;
}
