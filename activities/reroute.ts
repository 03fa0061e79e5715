/**
 * When an office's licence stops (suspended, revoked, expired), every request of this
 * deployment where it holds open work is asked to give that work out again. The requests come
 * from the work store, which holds what each request has reported. Routing is decided here, a
 * group of requests at a time (activities/move-routing.ts), and each request records its moves
 * with their decisions; several requests are moved at once. While the work moves the licence is
 * read again and again: once it has changed since the stop (reinstated, renewed, or anything
 * else), no further move is sent and that work stays.
 */
import { Context } from '@temporalio/activity';
import type { LicenceState } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import { workflowIdOf } from '../lib/tracking-code';
import type { Queryable } from '../store/database';
import { openTasksHeldBy } from '../store/office-work';
import { rerouteWorkUpdate } from '../workflows/messages';
import type { TemporalAccess } from './live-offices';
import { byRequest, MoveLoads, routeMoves, type RequestMove } from './move-routing';
import type { LiveOffices } from './routing';

/** Requests moved at once at first: a stop undone at once moves little. */
const FIRST_WIDTH = 2;
/** Requests moved at once at most, once the moves have grown: enough to keep the workers busy. */
const MAX_WIDTH = 32;
/** How often the licence is read again while the work moves. */
const WATCH_MS = 100;

export interface RerouteJob {
  officeId: string;
  reason: string;
  /** How many changes the licence had when it stopped; a later one stops the moves. */
  changes?: number;
}

export interface RerouteDeps {
  temporal: TemporalAccess;
  store: Queryable;
  org: Organisation;
  live: LiveOffices;
  today: () => string;
}

export async function rerouteOfficeWork(
  deps: RerouteDeps,
  job: RerouteJob,
): Promise<{ moved: number; failed: number; left: number }> {
  const principal = `office:${job.officeId}`;
  const requests = byRequest(await openTasksHeldBy(deps.store, principal));
  const changedIn = (licences: Map<string, LicenceState>) => {
    const licence = licences.get(job.officeId);
    return job.changes !== undefined && licence !== undefined && licence.history.length !== job.changes;
  };
  let stopped = false;
  let done = false;
  const watch = async () => {
    while (!stopped && !done) {
      await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
      // A failed read is tried again; each group reads the licences before it is routed anyway.
      if (!done && changedIn(await deps.live.licences().catch(() => new Map()))) stopped = true;
    }
  };

  const loads = new MoveLoads((officeId) => deps.live.load(officeId));
  let moved = 0;
  let failed = 0;
  const send = async (request: RequestMove) => {
    try {
      await deps.temporal.client.workflow
        .getHandle(workflowIdOf(request.trackingCode))
        .executeUpdate(rerouteWorkUpdate, {
          args: [{ principal, reason: job.reason, moves: request.moves }],
        });
      moved++;
    } catch (error) {
      // A request that has just ended has nothing to move; it is not a reason to stop.
      failed++;
      Context.current().log.warn('could not reroute a request', {
        trackingCode: request.trackingCode,
        error: String(error),
      });
    } finally {
      loads.answered(request.offices);
    }
    Context.current().heartbeat({ moved, failed });
  };

  // Each answer lets one more request move at once, up to the widest: the moves under way double
  // with each round of answers. A group is routed, after a fresh read of the licences, while the
  // moves before it are still under way.
  const width = () => Math.min(FIRST_WIDTH + moved + failed, MAX_WIDTH);
  let next = 0;
  const routed: RequestMove[] = [];
  const underWay = new Set<Promise<void>>();
  void watch();
  try {
    while (!stopped) {
      if (underWay.size >= width()) {
        await Promise.race(underWay);
        continue;
      }
      const request = routed.shift();
      if (request) {
        const sent: Promise<void> = send(request).finally(() => underWay.delete(sent));
        underWay.add(sent);
        continue;
      }
      if (next >= requests.length) break;
      const licences = await deps.live.licences();
      if (changedIn(licences)) break;
      loads.nextGroup();
      const group = requests.slice(next, next + width());
      next += group.length;
      routed.push(...(await routeMoves(deps.org, licences, loads, job.officeId, group, deps.today())));
    }
  } finally {
    done = true;
    await Promise.all(underWay);
  }
  return { moved, failed, left: requests.length - moved - failed };
}
