/**
 * The patches of the request workflow, and the engine revisions that fold them in. A patch keeps
 * requests started before a change on their old path; `patched()` answers it by a marker in the
 * history (and a TemporalChangeVersion search attribute the SDK upserts with it). A request
 * started at a later engine revision needs no such question: every patch its revision folds in
 * applies to it as given, and its history carries neither. Requests started before revisions
 * were numbered carry none and still ask each patch.
 */
import { patched } from '@temporalio/workflow';
import type { RequestInput } from './types';

/** Requests write the work store; histories recorded before it kept open tasks in the memo. */
export const WORK_STORE_PATCH = 'work-store';

/**
 * A resumed clock moves a deadline at a close of business by whole working days; requests whose
 * clock started again before it moved each deadline by the working time lost, so one at a close
 * of business went to the next working morning after any pause at all.
 */
export const DAYS_STAY_PATCH = 'deadline-in-days-after-standstill';

/**
 * A deadline is recorded at its instant, in the workflow task its timer fires in, and the work
 * after it follows in a task of its own; histories recorded before it found a rung's target
 * first and wrote everything in the task the timer fired in.
 */
export const ESCALATE_AT_INSTANT_PATCH = 'escalate-at-instant';

/**
 * A statutory deadline is recorded at its instant, as a rung is, and the committee is found
 * after; histories recorded before it found the committee first.
 */
export const STATUTORY_AT_INSTANT_PATCH = 'statutory-at-instant';

/** A rung still being found when its request ends is closed as not needed; before, it stayed pending. */
export const SETTLE_PENDING_AT_END_PATCH = 'settle-pending-at-end';

/**
 * The revision requests are started at now. From revision 1: the patches below are given; the
 * start sets the search attributes of a request just begun, so the workflow does not upsert them
 * again; and continuing as new is decided on the history's length at the request's last change.
 * From revision 2: an open task's deadlines are watched in the task's own wait (one timer at a
 * time, not a wait and a watch beside it), and the work after each instant follows on its own.
 * From revision 3: the task's timed wait ends and answers what woke it in one step, holding two
 * promises fewer while the request waits.
 */
export const ENGINE_REVISION = 3;

/** Revision 2: the task's wait watches its deadlines (workflows/sla-watch.ts). */
export const WATCH_IN_WAIT_REVISION = 2;

/** Revision 3: the task's timed wait answers in the wait itself (workflows/timed-wait.ts). */
export const LEAN_TASK_WAIT_REVISION = 3;

/** The revision from which each patch is taken as given. */
const FOLDED_AT: Readonly<Record<string, number>> = {
  [WORK_STORE_PATCH]: 1,
  [DAYS_STAY_PATCH]: 1,
  [ESCALATE_AT_INSTANT_PATCH]: 1,
  [STATUTORY_AT_INSTANT_PATCH]: 1,
  [SETTLE_PENDING_AT_END_PATCH]: 1,
};

/** Whether the request takes the patched path: as given from its revision on, else as its history says. */
export function hasPatch(input: Pick<RequestInput, 'engineRevision'>, patchId: string): boolean {
  const folded = FOLDED_AT[patchId];
  return (folded !== undefined && startedAtRevision(input, folded)) || patched(patchId);
}

/** Whether the request was started at `revision` or later. */
export function startedAtRevision(input: Pick<RequestInput, 'engineRevision'>, revision: number): boolean {
  return (input.engineRevision ?? 0) >= revision;
}
