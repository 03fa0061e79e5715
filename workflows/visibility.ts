/**
 * Keeps the request findable in Temporal's own tools: search attributes for operators who list
 * workflows (who holds it, how late it is). Requests recorded before the work store also kept
 * their open tasks in the memo, which worklists read then. Upserts only what changed, to keep
 * histories short.
 */
import { upsertMemo, upsertSearchAttributes } from '@temporalio/workflow';
import { BEGUN, standingAttributes, type RequestStanding } from '../lib/temporal/search-attributes';
import type { RequestCase } from './request-case';

const unique = (values: string[]) => [...new Set(values)].sort();

/** A role's tasks are also its department's: `department:d05.urban-planning/plan-reviewer` lists under both. */
const withDepartment = (principal: string) => {
  const slash = principal.indexOf('/');
  return slash === -1 ? [principal] : [principal, principal.slice(0, slash)];
};

const list = (values: string[]) => (values.length > 0 ? values : null);

function standingOf(rc: RequestCase): RequestStanding {
  const open = rc.openTasks();
  const deadlines = open.map((task) => task.deadline).sort();
  return {
    state: rc.state,
    slaState: rc.worstSla(),
    steps: list(unique(open.map((task) => task.stepId))),
    assignees: list(unique(open.flatMap((task) => withDepartment(task.assignee.principal)))),
    escalatedTo: list(unique(open.flatMap((task) => rc.escalatedTo(task.taskId)))),
    deadline: deadlines[0] ? new Date(deadlines[0]) : null,
    escalationLevel: Math.max(0, ...open.map((task) => task.escalationLevel)),
  };
}

const textOf = (standing: RequestStanding) =>
  JSON.stringify(standingAttributes(standing).map((pair) => pair.value));

export class VisibilityPublisher {
  private lastAttributes: string;
  private lastMemo = '';

  /** `begun`: the start set the attributes of a request just begun, so they are not upserted again. */
  constructor(begun = false) {
    this.lastAttributes = begun ? textOf(BEGUN) : '';
  }

  /** Upserts what changed; the memo of open tasks only for requests that do not write the work store. */
  publish(rc: RequestCase, options: { memo: boolean }): void {
    const standing = standingOf(rc);
    const attributes = textOf(standing);
    if (attributes !== this.lastAttributes) {
      upsertSearchAttributes(standingAttributes(standing));
      this.lastAttributes = attributes;
    }
    if (!options.memo) return;
    const office = rc.officeOfRecord();
    const memo = { openTasks: rc.openTaskSummaries(), work: rc.workSummary(), ...(office ? { office } : {}) };
    const memoText = JSON.stringify(memo);
    if (memoText !== this.lastMemo) {
      upsertMemo(memo);
      this.lastMemo = memoText;
    }
  }
}
