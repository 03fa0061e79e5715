/**
 * Where a rung of an escalation ladder leads: the supervisor, the level above, the steering
 * committee, or (reassign) another eligible office by the stated rule, or the department head
 * as the new assignee.
 */
import type { Organisation } from '../lib/organisation/organisation';
import type { RungTarget } from '../lib/plan/types';
import type { Assignment, Party } from '../workflows/types';
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
}

export interface EscalationTarget {
  to: Party;
  /** For a reassignment: who holds the task now. Absent when there is no one to give it to. */
  reassigned?: Assignment;
  reason: string;
}

export async function escalationTarget(
  org: Organisation,
  live: LiveOffices,
  input: EscalationInput,
  today: string,
): Promise<EscalationTarget> {
  const { assignee, supervisor, district } = input;
  switch (input.to) {
    case 'supervisor':
      return { to: supervisor, reason: 'the SLA passed: the supervisor is alerted' };
    case 'superior':
      return {
        to: org.superiorOf(supervisor.principal, district),
        reason: 'still open: the level above is alerted',
      };
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
