/**
 * Worklists and SLA monitoring, read from Temporal's visibility: the search attributes narrow
 * the requests, the memo of each carries its open tasks, so a page is one list call with no
 * query per request. Filtering, sorting and paging of the tasks happen here, on the server.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { Organisation } from '../lib/organisation/organisation';
import { SA } from '../lib/temporal/search-attributes';
import type { OpenTaskSummary, SlaState } from '../workflows/types';
import { actsFor, isOversight, worklistPrincipals, type Actor } from './auth/actor';
import { ProblemError, unavailableProblem } from './problem';

export interface WorkItem extends OpenTaskSummary {
  trackingCode: string;
  serviceId: string;
  district: string;
}

export interface WorklistFilter {
  /** Oversight only: one holder's work. */
  assignee?: string;
  service?: string;
  district?: string;
  step?: string;
  sla?: SlaState;
  /** Only the tasks the caller claimed, or only those nobody has claimed. */
  view?: 'pool' | 'mine' | 'all';
  sort?: 'deadline' | '-deadline';
  page: number;
  pageSize: number;
}

export interface Counts {
  total: number;
  claimed: number;
  unclaimed: number;
  bySla: Record<SlaState, number>;
  /** At risk: past the reminder point, not yet past the deadline. */
  nearingSla: number;
}

export type GroupBy = 'office' | 'department' | 'service' | 'district';

/** Visibility values come from our own checked inputs; quotes are refused at the door, and doubled here too. */
const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

export function countsOf(items: WorkItem[]): Counts {
  const bySla: Record<SlaState, number> = { ok: 0, 'at-risk': 0, breached: 0 };
  let claimed = 0;
  for (const item of items) {
    bySla[item.sla] += 1;
    if (item.claimedBy) claimed += 1;
  }
  return {
    total: items.length,
    claimed,
    unclaimed: items.length - claimed,
    bySla,
    nearingSla: bySla['at-risk'],
  };
}

/** The group a task counts in: its holder's office or department unit, its service, its district. */
export function groupOf(item: WorkItem, by: GroupBy): string | undefined {
  const principal = item.assignee.principal;
  if (by === 'service') return item.serviceId;
  if (by === 'district') return item.district;
  if (by === 'office') return principal.startsWith('office:') ? principal.slice('office:'.length) : undefined;
  const unit = /^(?:department|head):([^/]+)/.exec(principal);
  return unit?.[1];
}

export class WorkQueries {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly org: Organisation,
  ) {}

  private async items(where: string[]): Promise<WorkItem[]> {
    const query = [`TaskQueue = ${quoted(this.taskQueue)}`, `ExecutionStatus = 'Running'`, ...where].join(
      ' AND ',
    );
    const items: WorkItem[] = [];
    try {
      for await (const info of this.client.workflow.list({ query })) items.push(...this.tasksOf(info));
    } catch (error) {
      throw unavailableProblem(error) ?? error;
    }
    return items;
  }

  private tasksOf(info: WorkflowExecutionInfo): WorkItem[] {
    const tasks = (info.memo?.openTasks as OpenTaskSummary[] | undefined) ?? [];
    return tasks.map((task) => ({
      ...task,
      trackingCode: info.workflowId.replace(/^request-/, ''),
      serviceId: info.typedSearchAttributes.get(SA.service) ?? '',
      district: info.typedSearchAttributes.get(SA.district) ?? '',
    }));
  }

  /** The caller's worklist: their pool (or what they claimed), filtered, sorted and paged. */
  async worklist(actor: Actor, me: string, filter: WorklistFilter) {
    const oversight = isOversight(actor);
    if (filter.assignee && !oversight)
      throw new ProblemError(
        'forbidden',
        'Only managers, inspectors and admins read the work of another holder.',
      );
    const principals = oversight
      ? filter.assignee
        ? [filter.assignee]
        : []
      : worklistPrincipals(actor, this.org);
    if (!oversight && principals.length === 0) return { items: [], total: 0, counts: countsOf([]) };
    const where: string[] = [];
    if (principals.length > 0)
      where.push(`(${principals.map((p) => `${SA.assignees.name} = ${quoted(p)}`).join(' OR ')})`);
    if (filter.service) where.push(`${SA.service.name} = ${quoted(filter.service)}`);
    if (filter.district) where.push(`${SA.district.name} = ${quoted(filter.district)}`);
    if (filter.step) where.push(`${SA.steps.name} = ${quoted(filter.step)}`);

    const held = (await this.items(where)).filter((item) => {
      if (filter.step && item.stepId !== filter.step) return false;
      if (oversight)
        return (
          !filter.assignee ||
          item.assignee.principal === filter.assignee ||
          item.assignee.principal.startsWith(`${filter.assignee}/`)
        );
      return actsFor(actor, { principal: item.assignee.principal, district: item.district }, this.org);
    });
    const counts = countsOf(held);
    const chosen = held.filter(
      (item) =>
        (!filter.sla || item.sla === filter.sla) &&
        (filter.view === 'mine' ? item.claimedBy === me : filter.view === 'pool' ? !item.claimedBy : true),
    );
    const direction = filter.sort === '-deadline' ? -1 : 1;
    chosen.sort(
      (a, b) => direction * a.deadline.localeCompare(b.deadline) || a.taskId.localeCompare(b.taskId),
    );
    const start = (filter.page - 1) * filter.pageSize;
    return { items: chosen.slice(start, start + filter.pageSize), total: chosen.length, counts };
  }

  /** Open tasks in an SLA state (or escalated), most late first, optionally for one supervisor. */
  async sla(kind: 'breached' | 'at-risk' | 'escalated', escalatedTo?: string): Promise<WorkItem[]> {
    // A request's SLA state is its worst task's: an at-risk task may sit in a breached request.
    const where = {
      escalated: [`${SA.escalationLevel.name} > 0`],
      breached: [`${SA.slaState.name} = 'breached'`],
      'at-risk': [`(${SA.slaState.name} = 'at-risk' OR ${SA.slaState.name} = 'breached')`],
    }[kind];
    if (escalatedTo) where.push(`${SA.escalatedTo.name} = ${quoted(escalatedTo)}`);
    return (await this.items(where))
      .filter((item) => (kind === 'escalated' ? item.escalationLevel > 0 : item.sla === kind))
      .filter((item) => !escalatedTo || item.escalatedTo.includes(escalatedTo))
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
  }

  /** Open, at-risk, breached and escalated tasks counted per office, department, service or district. */
  async summary(by: GroupBy) {
    const groups = new Map<string, { open: number; atRisk: number; breached: number; escalated: number }>();
    for (const item of await this.items([])) {
      const key = groupOf(item, by);
      if (!key) continue;
      const group = groups.get(key) ?? { open: 0, atRisk: 0, breached: 0, escalated: 0 };
      group.open += 1;
      if (item.sla === 'at-risk') group.atRisk += 1;
      if (item.sla === 'breached') group.breached += 1;
      if (item.escalationLevel > 0) group.escalated += 1;
      groups.set(key, group);
    }
    return [...groups.entries()]
      .map(([key, counts]) => ({ [by]: key, ...counts }))
      .sort((a, b) => b.breached - a.breached || b.open - a.open);
  }
}
