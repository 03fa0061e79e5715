/**
 * Keeps the request findable in Temporal's own tools: search attributes for operators who list
 * workflows (who holds it, how late it is). Requests recorded before the work store also kept
 * their open tasks in the memo, which worklists read then. Upserts only what changed, to keep
 * histories short.
 */
import { upsertMemo, upsertSearchAttributes } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { SA } from '../lib/temporal/search-attributes';
import type { RequestCase } from './request-case';

const unique = (values: string[]) => [...new Set(values)].sort();

/** A role's tasks are also its department's: `department:d05.urban-planning/plan-reviewer` lists under both. */
const withDepartment = (principal: string) => {
  const slash = principal.indexOf('/');
  return slash === -1 ? [principal] : [principal, principal.slice(0, slash)];
};

export class VisibilityPublisher {
  private lastAttributes = '';
  private lastMemo = '';

  /** Upserts what changed; the memo of open tasks only for requests that do not write the work store. */
  publish(rc: RequestCase, options: { memo: boolean }): void {
    const open = rc.openTasks();
    const escalatedTo = unique(open.flatMap((task) => rc.escalatedTo(task.taskId)));
    const deadlines = open.map((task) => task.deadline).sort();
    const list = (values: string[]) => (values.length > 0 ? values : null);
    const pairs: SearchAttributeUpdatePair[] = [
      { key: SA.state, value: rc.state },
      { key: SA.slaState, value: rc.worstSla() },
      { key: SA.steps, value: list(unique(open.map((task) => task.stepId))) },
      {
        key: SA.assignees,
        value: list(unique(open.flatMap((task) => withDepartment(task.assignee.principal)))),
      },
      { key: SA.escalatedTo, value: list(escalatedTo) },
      { key: SA.deadline, value: deadlines[0] ? new Date(deadlines[0]) : null },
      { key: SA.escalationLevel, value: Math.max(0, ...open.map((task) => task.escalationLevel)) },
    ];
    const attributes = JSON.stringify(pairs.map((pair) => pair.value));
    if (attributes !== this.lastAttributes) {
      upsertSearchAttributes(pairs);
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
