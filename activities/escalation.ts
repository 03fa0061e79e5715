/**
 * Where a rung of an escalation ladder leads: the supervisor, the level above, the steering
 * committee, or (reassign) another eligible office by the stated rule, or the department head
 * as the new assignee. `superior` rungs climb the chain of superiors one level each: each
 * alerts the level above the highest one the task's rungs have reached so far, so a superior
 * after a reassignment to the head alerts the head's superior, and two superiors in a row
 * alert two levels.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Organisation } from '../lib/organisation/organisation';
import type { RungTarget } from '../lib/plan/types';
import { workflowIdOf } from '../lib/tracking-code';
import { statusQuery } from '../workflows/messages';
import { supervisorAlerted } from '../workflows/known-target';
import type { Assignment, Party } from '../workflows/types';
import type { TemporalAccess } from './live-offices';
import { routeToOffice, type LiveOffices } from './routing';

export interface EscalationInput {
  to: RungTarget;
  trackingCode: string;
  stepId: string;
  serviceId: string;
  domain: string;
  district: string;
  assignee: Party;
  supervisor: Party;
  /**
   * Whom the task's earlier rungs went to since its deadline last moved, in order. When the
   * caller does not say, a `superior` rung reads them from the request.
   */
  alerted?: Party[];
  /** The ladder's highest level (1: the supervisor); when the caller does not say, the request's task says it. */
  maxDepth?: number;
}

/** How far a task's ladder has climbed since its deadline last moved, and how high it may. */
export interface Climb {
  alerted: Party[];
  maxDepth?: number;
}

export interface EscalationTarget {
  to: Party;
  /** For a reassignment: who holds the task now. Absent when there is no one to give it to. */
  reassigned?: Assignment;
  reason: string;
}

/** How many levels a head is below the top of its chain: the steering committee is 0. */
function levelsToTop(org: Organisation, principal: string, district: string): number {
  const top = org.steeringCommittee().principal;
  let at = principal;
  for (let levels = 0; levels <= org.departmentIds().length; levels++) {
    if (at === top) return levels;
    at = org.superiorOf(at, district).principal;
  }
  return 0;
}

/**
 * The level a `superior` rung alerts: above the highest head the task's rungs reached (the
 * supervisor's superior when they reached none), so no level is skipped or alerted twice. A
 * ladder with a highest level alerts that level again rather than go above it: levels count
 * from the lowest head of the task's chain, its first supervisor (1).
 */
export function nextLevelUp(
  org: Organisation,
  input: EscalationInput,
  alerted: Party[],
  maxDepth?: number,
): Party {
  const toTop = (party: Party) => levelsToTop(org, party.principal, input.district);
  const heads = alerted.filter((party) => party.principal.startsWith('head:'));
  const highest = heads.reduce<Party | undefined>(
    (best, party) => (best === undefined || toTop(party) <= toTop(best) ? party : best),
    undefined,
  );
  const next = org.superiorOf((highest ?? input.supervisor).principal, input.district);
  if (maxDepth === undefined) return next;
  const lowest = [input.supervisor, ...heads].reduce((low, party) =>
    toTop(party) > toTop(low) ? party : low,
  );
  if (toTop(lowest) - toTop(next) + 1 <= maxDepth) return next;
  let level = lowest;
  for (let depth = 1; depth < maxDepth; depth++) level = org.superiorOf(level.principal, input.district);
  return level;
}

/**
 * Whom the open task of the step has been escalated to since its deadline last moved, as the
 * request records it; none when there is no Temporal to ask or no such request.
 */
export async function alertedSoFar(
  temporal: TemporalAccess | undefined,
  input: EscalationInput,
): Promise<Climb> {
  if (!temporal) return { alerted: [] };
  let status;
  try {
    status = await temporal.client.workflow.getHandle(workflowIdOf(input.trackingCode)).query(statusQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { alerted: [] };
    throw error;
  }
  const task = status.openTasks.find(
    (t) => t.stepId === input.stepId && t.assignee.principal === input.assignee.principal,
  );
  if (!task) return { alerted: [] };
  const ofTask = status.escalations.filter((e) => e.taskId === task.taskId);
  const alerted = ofTask.slice(Math.max(0, ofTask.length - task.rungsDone)).map((e) => e.to);
  return { alerted, ...(task.maxDepth !== undefined ? { maxDepth: task.maxDepth } : {}) };
}

export async function escalationTarget(
  org: Organisation,
  live: LiveOffices,
  input: EscalationInput,
  today: string,
  /** Reads whom the task was escalated to, and how high it may climb, when the input does not say. */
  history: (input: EscalationInput) => Promise<Climb> = async () => ({ alerted: [] }),
): Promise<EscalationTarget> {
  const { assignee, supervisor, district } = input;
  switch (input.to) {
    case 'supervisor':
      return supervisorAlerted(supervisor);
    case 'superior': {
      const climb = input.alerted ? { alerted: input.alerted } : await history(input);
      const maxDepth = input.maxDepth ?? climb.maxDepth;
      const to = nextLevelUp(org, input, climb.alerted, maxDepth);
      const capped = to.principal !== nextLevelUp(org, input, climb.alerted).principal;
      return {
        to,
        reason: capped
          ? `still open: the ladder goes no higher than level ${maxDepth ?? ''}, which is alerted again`
          : 'still open: the level above is alerted',
      };
    }
    case 'steering-committee':
      return { to: org.steeringCommittee(), reason: 'still open: the steering committee is alerted' };
    case 'reassign': {
      const [kind, id = ''] = assignee.principal.split(':');
      if (kind === 'office') {
        const reassigned = await routeToOffice(
          org,
          live,
          {
            trackingCode: input.trackingCode,
            stepId: input.stepId,
            serviceId: input.serviceId,
            rule: { type: 'intake-office' },
            domain: input.domain,
            district,
            exclude: [id],
          },
          today,
        );
        if (reassigned.assignee.principal.startsWith('office:')) {
          return {
            to: reassigned.assignee,
            reassigned,
            reason: `still open: taken from ${id} and given by the rule to another office`,
          };
        }
        return {
          to: supervisor,
          reason: 'still open, and no other office may take it: the supervisor is alerted again',
        };
      }
      if (kind === 'department') {
        const reassigned: Assignment = {
          assignee: supervisor,
          supervisor: org.superiorOf(supervisor.principal, district),
          note: 'reassigned to the department head after the SLA passed',
        };
        return { to: supervisor, reassigned, reason: 'still open: the department head takes the task over' };
      }
      return {
        to: supervisor,
        reason: `still open; a ${kind} task cannot be reassigned, so the supervisor is alerted again`,
      };
    }
  }
}
