/**
 * Who does a step: the intake office or a named one, a department (or a role in it) of the
 * request's district, an outside agency, the treasury, the operations department. Runs as an
 * activity so the workflow records the answer and replays it unchanged whatever the
 * organisation data says later.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { AssignableUnit, Organisation } from '../lib/organisation/organisation';
import type { PlanAssignee } from '../lib/plan/types';
import type { Assignment } from '../workflows/types';

/** The rules routing resolves; the applicant and "same as step X" are known to the workflow itself. */
export type RoutedRule = Exclude<PlanAssignee, { type: 'applicant' } | { type: 'same-as' }>;

export interface RoutingInput {
  trackingCode: string;
  rule: RoutedRule;
  domain: string;
  district: string;
  intakeOffice?: string;
  /** Offices not to choose, such as the one a task is being taken away from. */
  exclude?: string[];
}

export function assignTo(unit: AssignableUnit, note: string): Assignment {
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

/** An eligible office for the request, by rotation among those licensed for it. */
export function chooseOffice(org: Organisation, input: RoutingInput, today: string): Assignment {
  const eligible = org
    .eligibleOffices(input.domain, input.district, today)
    .map((office) => office.id)
    .filter((id) => !(input.exclude ?? []).includes(id))
    .sort();
  const chosen = eligible[rotation(input.trackingCode) % Math.max(eligible.length, 1)];
  if (!chosen) {
    throw ApplicationFailure.create({
      type: 'NoEligibleOffice',
      message: `no licensed office serves ${input.domain} in district ${input.district}`,
    });
  }
  return assignTo(
    org.officeUnit(chosen, input.district),
    `chosen among eligible offices ${eligible.join(', ')} by rotation on the tracking code`,
  );
}

export function route(org: Organisation, input: RoutingInput, today: string): Assignment {
  const { rule, district } = input;
  switch (rule.type) {
    case 'treasury':
      return assignTo(org.treasuryUnit(district), 'payments are confirmed by the municipal treasury');
    case 'operations':
      return assignTo(
        org.operationsUnit(district),
        'failing automatic steps go to the operations department',
      );
    case 'agency':
      return assignTo(org.agencyUnit(rule.agency, district), `inquiry to ${rule.agency}`);
    case 'department': {
      const scope = rule.perDistrict ? 'the district' : 'the city';
      const role = rule.role ? `, role ${rule.role}` : '';
      return assignTo(
        org.departmentUnit(rule.department, district, rule.role),
        `department of ${scope}${role}`,
      );
    }
    case 'office':
      return assignTo(org.officeUnit(rule.office, district), `office ${rule.office} named by the service`);
    case 'intake-office':
      if (input.intakeOffice) {
        return assignTo(org.officeUnit(input.intakeOffice, district), 'the office that took the request');
      }
      return chooseOffice(org, input, today);
  }
}
