/**
 * The custom search attributes that make requests findable without reading their histories:
 * worklists, breach lists and dashboards are visibility queries over these. They are stored
 * unencrypted, so they never hold names, national ids or other personal data.
 * Imported by workflow code too: nothing here may touch Node.
 */
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';

export const SA = {
  /** Service id, such as building-permit-residential. */
  service: defineSearchAttributeKey('PkService', SearchAttributeType.KEYWORD),
  /** District of the request, such as d05. */
  district: defineSearchAttributeKey('PkDistrict', SearchAttributeType.KEYWORD),
  /** Request state: active, completed, rejected, cancelled, expired. */
  state: defineSearchAttributeKey('PkState', SearchAttributeType.KEYWORD),
  /** Worst SLA state of the open tasks: ok, at-risk, breached. */
  slaState: defineSearchAttributeKey('PkSlaState', SearchAttributeType.KEYWORD),
  /** Steps with an open task. */
  steps: defineSearchAttributeKey('PkSteps', SearchAttributeType.KEYWORD_LIST),
  /** Principals holding an open task: office:o-1101, department:d05.urban-planning. */
  assignees: defineSearchAttributeKey('PkAssignees', SearchAttributeType.KEYWORD_LIST),
  /** Supervisors an open task was escalated to. */
  escalatedTo: defineSearchAttributeKey('PkEscalatedTo', SearchAttributeType.KEYWORD_LIST),
  /** The soonest deadline among the open tasks. */
  deadline: defineSearchAttributeKey('PkDeadline', SearchAttributeType.DATETIME),
  /** Highest escalation level among the open tasks. */
  escalationLevel: defineSearchAttributeKey('PkEscalationLevel', SearchAttributeType.INT),
  /** Published version of the definition the request runs on. */
  definitionVersion: defineSearchAttributeKey('PkDefinitionVersion', SearchAttributeType.INT),
} as const;

export const ALL_SEARCH_ATTRIBUTES = Object.values(SA);

/** Where a request stands, as its search attributes say it (null: the attribute is unset). */
export interface RequestStanding {
  state: string;
  slaState: string;
  steps: string[] | null;
  assignees: string[] | null;
  escalatedTo: string[] | null;
  deadline: Date | null;
  escalationLevel: number;
}

/** The search attributes of a request's standing, in one fixed order. */
export function standingAttributes(standing: RequestStanding): SearchAttributeUpdatePair[] {
  return [
    { key: SA.state, value: standing.state },
    { key: SA.slaState, value: standing.slaState },
    { key: SA.steps, value: standing.steps },
    { key: SA.assignees, value: standing.assignees },
    { key: SA.escalatedTo, value: standing.escalatedTo },
    { key: SA.deadline, value: standing.deadline },
    { key: SA.escalationLevel, value: standing.escalationLevel },
  ];
}

/**
 * A request just begun: active, on time, no task open yet. The start sets these, so the
 * request's workflow need not upsert them before its first task opens.
 */
export const BEGUN: RequestStanding = {
  state: 'active',
  slaState: 'ok',
  steps: null,
  assignees: null,
  escalatedTo: null,
  deadline: null,
  escalationLevel: 0,
};

/** The search attributes a request starts with: what it is, and that it has just begun. */
export function startingAttributes(request: {
  serviceId: string;
  district: string;
  definitionVersion: number;
}): SearchAttributePair[] {
  return [
    { key: SA.service, value: request.serviceId },
    { key: SA.district, value: request.district },
    { key: SA.definitionVersion, value: request.definitionVersion },
    ...standingAttributes(BEGUN).filter((pair): pair is SearchAttributePair => pair.value !== null),
  ];
}
