/**
 * The workflow every request runs: one interpreter for every service. It answers the status
 * and plan queries, takes task completions through an update whose validator refuses what
 * cannot be done, and walks the plan from its first step to an end.
 */
import { allHandlersFinished, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { Interpreter } from './interpreter';
import { completeTaskUpdate, planQuery, statusQuery } from './messages';
import { RequestCase } from './request-case';
import type { CompleteTaskInput, RequestInput, RequestStatus } from './types';
import { VisibilityPublisher } from './visibility';

export async function serviceRequest(input: RequestInput): Promise<RequestStatus> {
  const rc = new RequestCase(input, Date.now());
  const visibility = new VisibilityPublisher();
  const publish = () => visibility.publish(rc);
  const interpreter = new Interpreter(rc, publish);

  setHandler(statusQuery, () => rc.status());
  setHandler(planQuery, () => input.plan);
  setHandler(
    completeTaskUpdate,
    async (command) => {
      rc.complete(command, Date.now());
      // Answer with the state the request settles in: the next tasks open, or the end.
      await condition(() => interpreter.isSettled());
      return rc.status();
    },
    {
      validator: (command: CompleteTaskInput) =>
        rc.validateCompletion(command, (task) => interpreter.declaredOutcomes(task)),
    },
  );

  publish();
  const exit = await interpreter.runChain(input.plan.start, []);
  if (exit.kind === 'end') rc.finish(exit.step, Date.now());
  else if (exit.kind === 'expired') rc.end('expired', Date.now());
  else throw ApplicationFailure.nonRetryable('the plan ran out of steps without an end step', 'PlanError');
  publish();
  await condition(allHandlersFinished);
  return rc.status();
}
