/**
 * What the demo made, read back from the work store once seeding is done: the requests by state,
 * the open tasks past their deadline, at risk and escalated; and where a person looks at them.
 */
import type { Queryable } from '../../store/database';
import { searchRequests } from '../../store/request-search';
import { slaSummary } from '../../store/sla-lists';
import type { RequestState } from '../../workflows/types';

const STATES: RequestState[] = ['active', 'completed', 'rejected', 'cancelled', 'expired'];
const EVERYONE = { everyone: true, principals: [] };

export interface WorkSummary {
  requests: number;
  byState: Partial<Record<RequestState, number>>;
  /** Requests that have ended, whichever way. */
  finished: number;
  /** Open tasks: past their deadline, near it, escalated. */
  breached: number;
  atRisk: number;
  escalated: number;
}

async function countIn(db: Queryable, state?: RequestState): Promise<number> {
  const search = { ...(state ? { state } : {}), page: 1, pageSize: 1 };
  return (await searchRequests(db, EVERYONE, search)).total;
}

/**
 * Reads the store's count of requests and their tasks; first waits (a bounded while) until it
 * holds `atLeast` requests, since each workflow writes its rows a moment after it answers.
 */
export async function readWorkSummary(db: Queryable, atLeast = 0, waitMs = 15_000): Promise<WorkSummary> {
  const deadline = Date.now() + waitMs;
  let requests = await countIn(db);
  while (requests < atLeast && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    requests = await countIn(db);
  }
  const byState: WorkSummary['byState'] = {};
  for (const state of STATES) {
    const n = await countIn(db, state);
    if (n > 0) byState[state] = n;
  }
  const groups = await slaSummary(db, 'district', {});
  const sum = (key: 'breached' | 'atRisk' | 'escalated') => groups.reduce((n, g) => n + g[key], 0);
  return {
    requests,
    byState,
    finished: requests - (byState.active ?? 0),
    breached: sum('breached'),
    atRisk: sum('atRisk'),
    escalated: sum('escalated'),
  };
}

/** The lines `npm start` prints under the demo's progress. */
export function summaryLines(summary: WorkSummary, webUrl: string, manager?: string): string[] {
  const states = Object.entries(summary.byState)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
  return [
    `  Requests     ${summary.requests}: ${states || 'none'} (${summary.finished} finished)`,
    `  Open tasks   ${summary.breached} past their deadline, ${summary.escalated} escalated, ${summary.atRisk} at risk`,
    `  See them     ${webUrl}/work?view=all&sla=breached   (signed in as ${manager ?? 'a manager'}; API: GET /api/sla/breaches)`,
  ];
}
