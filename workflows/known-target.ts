/**
 * Whom a rung goes to when the request knows it already: the supervisor is named on the task
 * when it is assigned. Every other rung asks the organisation (the resolveEscalation activity).
 * Shared by the activity and the workflow, so both answer alike.
 */
import type { RungTarget } from '../lib/plan/types';
import type { Party } from './types';

export interface KnownTarget {
  to: Party;
  reason: string;
}

export const supervisorAlerted = (supervisor: Party): KnownTarget => ({
  to: supervisor,
  reason: 'the SLA passed: the supervisor is alerted',
});

export function knownTarget(rung: RungTarget, supervisor: Party): KnownTarget | undefined {
  return rung === 'supervisor' ? supervisorAlerted(supervisor) : undefined;
}
