/**
 * The workflow every request runs: one interpreter for every service. It answers the status
 * and plan queries, takes completions, clock stops, extensions, payments and withdrawals
 * through updates whose validators refuse what cannot be done, walks the plan from its first
 * step to an end, and continues as new when its history grows long.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  extendDeadline,
  resumeClock,
  suspendClock,
  validateExtension,
  validateResume,
  validateSuspend,
} from './deadlines';
import { ContinueAsNewAt, Interpreter, type Exit } from './interpreter';
import { tell } from './notices';
import {
  claimTaskUpdate,
  reassignTaskUpdate,
  returnTaskUpdate,
  answerForApplicantUpdate,
  completeTaskUpdate,
  extendDeadlineUpdate,
  planQuery,
  recordPaymentUpdate,
  REJECTION,
  rerouteWorkUpdate,
  resumeClockUpdate,
  startedUpdate,
  statusQuery,
  suspendClockUpdate,
  withdrawUpdate,
  workRowsQuery,
} from './messages';
import { reject, RequestCase } from './request-case';
import { assertSealed } from './sealed';
import { watchStatutoryDeadline } from './sla-watch';
import type {
  ClaimInput,
  ReassignInput,
  ReturnInput,
  ApplicantAnswerInput,
  CompleteTaskInput,
  ExtendInput,
  PaymentInput,
  RequestInput,
  RequestStatus,
  RerouteInput,
  ResumeInput,
  StartedInput,
  SuspendInput,
  TaskRecord,
  WithdrawInput,
} from './types';
import { hasPatch, startedAtRevision, WORK_STORE_PATCH } from './request-patches';
import { VisibilityPublisher } from './visibility';
import { WorkRecorder } from './work-recorder';
import { workRows } from './work-rows';

/** History length after which a request continues as new, unless its input says otherwise. */
export const CONTINUE_AS_NEW_AFTER = 2000;

/** How the engine runs a request beyond its input; only a benchmark changes it. */
export interface EngineOptions {
  /** Whether the request writes the work store (off only to weigh what the store costs). */
  workStore?: boolean;
}

export async function serviceRequest(
  input: RequestInput,
  engine: EngineOptions = {},
): Promise<RequestStatus> {
  const rc = new RequestCase(input, Date.now());
  // From revision 1 the start itself carries the search attributes of a request just begun.
  const visibility = new VisibilityPublisher(!input.resume && startedAtRevision(input, 1));
  const recorder = new WorkRecorder(rc, engine.workStore ?? true);
  /**
   * How long the history was at the last change. A change comes only from what the history
   * keeps (an accepted update, a timer, an activity's answer), whereas a task that only ran an
   * update's validator and refused it may be dropped from the history; deciding to continue as
   * new on a length read then would not replay.
   */
  let atLastChange = { historyLength: 0, continueAsNewSuggested: false };
  /** Every change is published: search attributes for operators, the rows of the work store. */
  const publish = () => {
    // Histories recorded before the work store kept the open tasks in the memo instead.
    const recording = hasPatch(input, WORK_STORE_PATCH);
    visibility.publish(rc, { memo: !recording });
    if (recording) recorder.changed();
    const { historyLength, continueAsNewSuggested } = workflowInfo();
    atLastChange = { historyLength, continueAsNewSuggested };
  };
  /** Before the workflow ends or continues as new, its last changes are in the store. */
  const recorded = () => condition(() => recorder.idle());
  const limit = input.continueAsNewAfter ?? CONTINUE_AS_NEW_AFTER;
  const historyFull = () => {
    // Requests started before revision 1 read the length of whatever task runs, and replay so.
    const { historyLength, continueAsNewSuggested } = startedAtRevision(input, 1)
      ? atLastChange
      : workflowInfo();
    return continueAsNewSuggested || historyLength >= limit;
  };
  const interpreter = new Interpreter(rc, publish, historyFull, input.resume?.taskId);
  const root = new CancellationScope();

  /** Answers an update once the request has settled: the next tasks open, or the end. */
  const settled = async () => {
    await condition(() => interpreter.isSettled() || rc.state !== 'active');
    return rc.summary();
  };

  setHandler(statusQuery, () => rc.status());
  setHandler(planQuery, () => input.plan);
  setHandler(workRowsQuery, () => ({
    ...workRows(input, rc.s, { chosenOffice: input.chosenOffice !== undefined }),
    revision: rc.s.storeRevision ?? 0,
    ...(input.applicant.nationalId ? { nationalId: input.applicant.nationalId } : {}),
  }));

  /** Whether the chain has begun; the update sent with the start is handled before it does. */
  let begun = false;
  setHandler(
    startedUpdate,
    async () => {
      await condition(() => begun);
      return settled();
    },
    { validator: (command: StartedInput) => assertSealed(command) },
  );

  const completion = {
    declared: (task: TaskRecord) => interpreter.declaredOutcomes(task),
    form: (task: TaskRecord) => interpreter.formOf(task),
    roles: (task: TaskRecord, outcome: string) => interpreter.outcomeRoles(task, outcome),
  };
  setHandler(
    completeTaskUpdate,
    async (command: CompleteTaskInput) => {
      rc.complete(command, Date.now());
      return settled();
    },
    {
      validator: (command: CompleteTaskInput) => {
        assertSealed(command);
        rc.validateCompletion(command, completion);
      },
    },
  );

  setHandler(
    answerForApplicantUpdate,
    async (answer: ApplicantAnswerInput) => {
      rc.complete(rc.applicantCompletion(answer), Date.now());
      return settled();
    },
    {
      validator: (answer: ApplicantAnswerInput) => {
        assertSealed(answer);
        rc.assertForApplicant(answer.caller);
        const asked = rc.applicantCompletion(answer);
        rc.assertAnswerableBy(answer.caller, asked.taskId);
        rc.validateCompletion(asked, completion);
      },
    },
  );

  /** The open task that waits on a bill; one opened before tasks knew their bill waits on any. */
  const paymentTaskOf = (billId: string) => {
    const payments = rc.openTasks().filter((t) => t.kind === 'payment');
    return payments.find((t) => t.billId === billId) ?? payments.find((t) => t.billId === undefined);
  };
  setHandler(
    recordPaymentUpdate,
    async (payment: PaymentInput) => {
      const task = paymentTaskOf(payment.billId) as TaskRecord;
      rc.complete(
        { taskId: task.taskId, outcome: 'paid', data: { receipt: payment.receipt }, actor: payment.actor },
        Date.now(),
      );
      return settled();
    },
    {
      validator: (payment: PaymentInput) => {
        assertSealed(payment);
        if (!payment.caller?.treasury) rc.assertForApplicant(payment.caller);
        rc.assertActive();
        const fee = rc.s.fees.find((f) => f.billId === payment.billId);
        if (!fee) reject(REJECTION.billNotDue, `request ${input.trackingCode} has no bill ${payment.billId}`);
        if (fee.status !== 'due' || !paymentTaskOf(payment.billId)) {
          reject(REJECTION.billNotDue, `bill ${payment.billId} is not due: it is ${fee.status}`);
        }
        if (payment.receipt.trim() === '') reject(REJECTION.invalidData, 'a payment needs its receipt');
      },
    },
  );

  setHandler(
    claimTaskUpdate,
    (command: ClaimInput) => {
      rc.claim(command, Date.now());
      publish();
      return rc.summary();
    },
    {
      validator: (command: ClaimInput) => {
        assertSealed(command);
        rc.validateClaim(command);
      },
    },
  );
  setHandler(
    returnTaskUpdate,
    (command: ReturnInput) => {
      rc.release(command);
      publish();
      return rc.summary();
    },
    {
      validator: (command: ReturnInput) => {
        assertSealed(command);
        rc.validateReturn(command);
      },
    },
  );
  setHandler(
    reassignTaskUpdate,
    (command: ReassignInput) => {
      const task = rc.liveTask(command.taskId);
      const reason = `moved by ${command.by}: ${command.reason}`;
      rc.moveTask(task, command.to, reason, Date.now());
      rc.record(
        {
          stepId: task.stepId,
          kind: 'routing',
          title: task.title,
          taskId: task.taskId,
          actor: command.by,
          note: `${reason}; now ${command.to.assignee.principal}`,
        },
        Date.now(),
      );
      publish();
      return rc.summary();
    },
    {
      validator: (command: ReassignInput) => {
        assertSealed(command);
        rc.validateReassign(command);
      },
    },
  );

  setHandler(
    rerouteWorkUpdate,
    async (command: RerouteInput) => ({
      moved: await interpreter.moveWorkAway(command.principal, command.reason, command.moves),
    }),
    {
      validator: (command: RerouteInput) => {
        assertSealed(command);
        rc.assertActive();
      },
    },
  );

  setHandler(
    suspendClockUpdate,
    (command) => {
      suspendClock(rc, command.reason, command.actor, Date.now());
      publish();
      return rc.summary();
    },
    {
      validator: (command: SuspendInput) => {
        assertSealed(command);
        rc.assertHoldsWork(command.caller);
        validateSuspend(rc, command.reason);
      },
    },
  );
  setHandler(
    resumeClockUpdate,
    (command) => {
      resumeClock(rc, command.actor, Date.now());
      publish();
      return rc.summary();
    },
    {
      validator: (command: ResumeInput) => {
        assertSealed(command);
        rc.assertHoldsWork(command.caller);
        validateResume(rc);
      },
    },
  );
  setHandler(
    extendDeadlineUpdate,
    (command) => {
      extendDeadline(rc, command, Date.now());
      publish();
      return rc.summary();
    },
    {
      validator: (command: ExtendInput) => {
        assertSealed(command);
        rc.assertHoldsWork(command.caller);
        validateExtension(rc, command);
      },
    },
  );

  setHandler(
    withdrawUpdate,
    async (command) => {
      const holders = rc.openTasks().map((task) => task.assignee.principal);
      rc.withdraw(command.reason, command.actor, Date.now());
      root.cancel();
      publish();
      for (const to of new Set([...holders, `applicant:${input.trackingCode}`])) {
        await tell(rc, publish, {
          kind: 'request-ended',
          to,
          message: {
            fa: `درخواست ${input.trackingCode} به انصراف متقاضی بسته شد`,
            en: `Request ${input.trackingCode} was withdrawn by the applicant`,
          },
        });
      }
      return rc.summary();
    },
    {
      validator: (command: WithdrawInput) => {
        assertSealed(command);
        rc.assertForApplicant(command.caller);
        rc.assertActive();
        if (command.reason.trim().length < 3)
          reject(REJECTION.invalidData, 'say why the request is withdrawn');
      },
    },
  );

  // Without the store (a benchmark's weighing) nothing waits to write it.
  if (recorder.enabled) {
    recorder.run().catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
  }
  publish();
  watchStatutoryDeadline({ rc, publish }).catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
  });
  let exit: Exit | undefined;
  begun = true;
  try {
    exit = await root.run(() => interpreter.runChain(input.resume?.stepId ?? input.plan.start, []));
  } catch (error) {
    if (error instanceof ContinueAsNewAt) {
      await condition(allHandlersFinished);
      await recorded();
      return continueAsNew<typeof serviceRequest>({
        ...input,
        resume: { state: rc.s, stepId: error.stepId, taskId: error.taskId },
      });
    }
    if (!(isCancellation(error) && rc.state === 'cancelled')) throw error;
  }
  // A withdrawal has ended the request already; the chain only wound down.
  if (rc.state !== 'active') exit = undefined;
  if (exit?.kind === 'end') rc.finish(exit.step, Date.now());
  else if (exit?.kind === 'expired') rc.end('expired', Date.now());
  else if (exit?.kind === 'cancelled') rc.cancelOverIncident(exit.task, Date.now());
  else if (exit?.kind === 'branch-done') {
    throw ApplicationFailure.nonRetryable('the plan ran out of steps without an end step', 'PlanError');
  }
  publish();
  await condition(allHandlersFinished);
  await recorded();
  return rc.status();
}
