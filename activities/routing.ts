/**
 * Who does a step: the intake office, a department of the request's district, or the
 * treasury. Runs as an activity so the workflow records the answer and replays it unchanged
 * whatever the organisation data says later.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { AssignableUnit, Organisation } from '../lib/organisation/organisation';
import type { PlanAssignee } from '../lib/plan/types';
import type { Assignment } from '../workflows/types';

export interface RoutingInput {
  trackingCode: string;
  rule: PlanAssignee | { type: 'treasury' };
  domain: string;
  district: string;
  intakeOffice?: string;
}

export type Routing = Assignment;

function assignTo(unit: AssignableUnit, note: string): Routing {
  return {
    assignee: { principal: unit.principal, title: unit.title },
    supervisor: { principal: unit.supervisor.principal, title: unit.supervisor.title },
    note,
  };
}

/** A stable number from a tracking code, to rotate among equally eligible offices. */
function rotation(trackingCode: string): number {
  let hash = 0;
  for (const char of trackingCode) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

export function route(org: Organisation, input: RoutingInput, today: string): Routing {
  const { rule, district } = input;
  if (rule.type === 'treasury') {
    return assignTo(org.treasuryUnit(district), 'payments are confirmed by the municipal treasury');
  }
  if (rule.type === 'department') {
    const scope = rule.perDistrict ? 'the district' : 'the city';
    return assignTo(org.departmentUnit(rule.department, district), `department of ${scope}`);
  }
  if (input.intakeOffice) {
    return assignTo(org.officeUnit(input.intakeOffice, district), 'the office that took the request');
  }
  const eligible = org
    .eligibleOffices(input.domain, district, today)
    .map((office) => office.id)
    .sort();
  const chosen = eligible[rotation(input.trackingCode) % Math.max(eligible.length, 1)];
  if (!chosen) {
    throw ApplicationFailure.create({
      type: 'NoEligibleOffice',
      message: `no licensed office serves ${input.domain} in district ${district}`,
    });
  }
  return assignTo(
    org.officeUnit(chosen, district),
    `online request routed to ${chosen} among eligible offices ${eligible.join(', ')} by rotation on the tracking code`,
  );
}
