/**
 * Proxies of the activities, as the interpreter calls them: typed from the implementation's
 * factory by a type-only import (its code never enters the workflow bundle), with the timeouts
 * and retries the engine uses.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PlanAutomaticStep } from '../lib/plan/types';

export const engine = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

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
