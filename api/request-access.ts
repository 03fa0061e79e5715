/**
 * Who may see and touch a request. Oversight roles see every request in full; an office or a
 * department sees the requests it has worked on (or took in, or that were escalated to it), in
 * full; the applicant sees their own, in the public view. Everyone else is told no, and not whether the request exists.
 */
import type { Organisation } from '../lib/organisation/organisation';
import type { RequestStatus } from '../workflows/types';

/** What tells who has worked on a request: its status, or (just after its start) its summary. */
type Involvement = Pick<RequestStatus, 'trackingCode' | 'district' | 'intakeOffice' | 'openTasks'> &
  Partial<Pick<RequestStatus, 'closedTasks' | 'escalations'>>;
import { actsFor, isOversight, type Actor } from './auth/actor';
import { ProblemError } from './problem';

export type View = 'full' | 'public';

/** The holders a request's work has passed through, now or before, and whom it was escalated to. */
function holders(status: Involvement): string[] {
  const tasks = [...status.openTasks, ...(status.closedTasks ?? [])];
  const escalations = status.escalations ?? [];
  return [
    ...tasks.map((t) => t.assignee.principal),
    ...tasks.flatMap((t) => (t.moves ?? []).map((m) => m.from.principal)),
    ...escalations.map((e) => e.from.principal),
    // A supervisor an escalation reached may open the request it is about.
    ...escalations.map((e) => e.to.principal),
  ];
}

export function involved(actor: Actor, status: Involvement, org: Organisation): boolean {
  if (actor.office && status.intakeOffice === actor.office) return true;
  return holders(status).some((principal) => actsFor(actor, { principal, district: status.district }, org));
}

/** Whether the actor may read the request's full status: oversight, and the staff involved in it. */
export function readsInFull(actor: Actor | undefined, status: Involvement, org: Organisation): boolean {
  if (!actor) return false;
  if (isOversight(actor)) return true;
  return (actor.role === 'office' || actor.role === 'department') && involved(actor, status, org);
}

/** How much of a request the actor may read; a 404 for what they may not, so codes cannot be probed. */
export function viewFor(actor: Actor | undefined, status: RequestStatus, org: Organisation): View {
  if (!actor)
    throw new ProblemError(
      'unauthenticated',
      'Sign in, or open your request with its tracking code and secret.',
    );
  if (readsInFull(actor, status, org)) return 'full';
  if (actor.role === 'citizen' && actor.trackingCode === status.trackingCode) return 'public';
  throw new ProblemError(
    'request-not-found',
    `No request you can see has tracking code ${status.trackingCode}.`,
  );
}
