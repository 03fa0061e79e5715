/**
 * The custom search attributes that make requests findable without reading their histories:
 * worklists, breach lists and dashboards are visibility queries over these. They are stored
 * unencrypted, so they never hold names, national ids or other personal data.
 * Imported by workflow code too: nothing here may touch Node.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

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
