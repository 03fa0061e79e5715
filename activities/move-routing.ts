/**
 * Routing for the work of a stopped office, decided by the activity that moves it rather than by
 * each request: the licences are read once for a group of requests, each office's load once, and
 * every decision counts the ones made before it, so a group does not all go to the office that
 * was least loaded when it began. The requests record the decisions as they come.
 */
import type { LicenceState } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import type { HeldTask } from '../store/office-work';
import type { RoutedMove } from '../workflows/types';
import { routeToOffice } from './routing';

/**
 * Offices' open loads as the moves see them: the store's count, read once per group, plus the
 * moves already decided that the store may not show yet (decided in this group, or sent and not
 * yet answered when the count was read).
 */
export class MoveLoads {
  private readonly unanswered = new Map<string, number>();
  private readonly read = new Map<string, Promise<number>>();
  private readonly decided = new Map<string, number>();

  constructor(private readonly stored: (officeId: string) => Promise<number>) {}

  /** A new group: loads are read from the store again. */
  nextGroup(): void {
    this.read.clear();
    this.decided.clear();
  }

  async load(officeId: string): Promise<number> {
    let read = this.read.get(officeId);
    if (!read) {
      const pending = this.unanswered.get(officeId) ?? 0;
      read = this.stored(officeId).then((n) => n + pending);
      this.read.set(officeId, read);
    }
    return (await read) + (this.decided.get(officeId) ?? 0);
  }

  /** A request's work was decided to go to these offices. */
  decide(officeIds: string[]): void {
    for (const id of officeIds) {
      bump(this.decided, id, 1);
      bump(this.unanswered, id, 1);
    }
  }

  /** The request answered (or failed): the store shows its move from the next read on. */
  answered(officeIds: string[]): void {
    for (const id of officeIds) bump(this.unanswered, id, -1);
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** One request's tasks to move, with where each goes. */
export interface RequestMove {
  trackingCode: string;
  moves: RoutedMove[];
  /** The offices that get its work, counted once each. */
  offices: string[];
}

/** Decides, one request after another, where the stopped office's tasks of these requests go. */
export async function routeMoves(
  org: Organisation,
  licences: Map<string, LicenceState>,
  loads: MoveLoads,
  officeId: string,
  requests: HeldTask[][],
  today: string,
): Promise<RequestMove[]> {
  const live = { licences: () => Promise.resolve(licences), load: (id: string) => loads.load(id) };
  const decided: RequestMove[] = [];
  for (const tasks of requests) {
    const moves: RoutedMove[] = [];
    for (const task of tasks) {
      const to = await routeToOffice(
        org,
        live,
        {
          trackingCode: task.trackingCode,
          stepId: task.stepId,
          serviceId: task.serviceId,
          rule: { type: 'intake-office' },
          domain: task.domain,
          district: task.district,
          exclude: [officeId],
          ...(task.fallback ? { fallback: task.fallback } : {}),
        },
        today,
      );
      moves.push({ taskId: task.taskId, to });
    }
    const offices = [
      ...new Set(moves.flatMap((move) => (move.to.decision?.winner ? [move.to.decision.winner] : []))),
    ];
    loads.decide(offices);
    decided.push({ trackingCode: tasks[0]?.trackingCode ?? '', moves, offices });
  }
  return decided;
}

/** Held tasks grouped by request, in the order read. */
export function byRequest(tasks: HeldTask[]): HeldTask[][] {
  const groups = new Map<string, HeldTask[]>();
  for (const task of tasks) {
    const group = groups.get(task.trackingCode);
    if (group) group.push(task);
    else groups.set(task.trackingCode, [task]);
  }
  return [...groups.values()];
}
