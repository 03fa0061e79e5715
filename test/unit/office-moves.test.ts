/**
 * Moving a stopped office's work (activities/reroute.ts) against stand-ins for Temporal and the
 * work store: each request is sent its moves with the routing decision made for it, the decisions
 * of a group count each other so the work spreads by capacity, and a later change of the licence
 * stops the moves still pending.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import type { TemporalAccess } from '../../activities/live-offices';
import { rerouteOfficeWork } from '../../activities/reroute';
import { cityDate } from '../../lib/calendar/working-time';
import type { LicenceState } from '../../lib/organisation/licences';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import type { Queryable } from '../../store/database';
import type { RerouteInput } from '../../workflows/types';

const org = loadOrganisation(repoPath('definitions/organisation'));
const STOPPED = 'o-0103';

/** The stopped office's licence after its suspension, and the others as the file has them. */
function licencesAfterSuspension(): Map<string, LicenceState> {
  const licences = new Map(org.allOffices().map((office) => [office.id, org.licenceOf(office)]));
  const stopped = licences.get(STOPPED) as LicenceState;
  stopped.status = 'suspended';
  stopped.reason = 'audit of the office books';
  stopped.history.push({
    at: new Date().toISOString(),
    action: 'suspend',
    status: 'suspended',
    reason: 'audit of the office books',
    by: 'manager:test',
  });
  return licences;
}

/** One open permit task at the stopped office per request, as the work store holds them. */
function storeHolding(requests: number): Queryable {
  const rows = Array.from({ length: requests }, (_, i) => {
    const code = `2000000${String(i).padStart(5, '0')}`;
    return {
      tracking_code: code,
      task_id: `${code}-review`,
      step_id: 'review',
      service_id: 'building-permit-residential',
      domain: 'urban-planning',
      district: 'd01',
      fallback: 'neighbours',
    };
  });
  return {
    query: <Row>(sql: string) => Promise.resolve((sql.includes('WITH held') ? rows : []) as Row[]),
  };
}

/** Temporal's client as far as the moves use it: each update is kept, and answered a moment later. */
function requestsAnswering(onUpdate: (input: RerouteInput) => void): TemporalAccess {
  const client = {
    workflow: {
      getHandle: () => ({
        executeUpdate: async (_update: unknown, options: { args: [RerouteInput] }) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          onUpdate(options.args[0]);
          return { moved: options.args[0].moves?.length ?? 0 };
        },
      }),
    },
  };
  return { client, taskQueue: 'test' } as unknown as TemporalAccess;
}

function run(requests: number, licences: () => LicenceState[], onUpdate: (input: RerouteInput) => void) {
  const loads = new Map<string, number>();
  const sent: RerouteInput[] = [];
  const temporal = requestsAnswering((input) => {
    sent.push(input);
    // The store shows the move once the request has answered.
    for (const move of input.moves ?? []) {
      const winner = move.to.decision?.winner;
      if (winner) loads.set(winner, (loads.get(winner) ?? 0) + 1);
    }
    onUpdate(input);
  });
  const job = () =>
    rerouteOfficeWork(
      {
        temporal,
        store: storeHolding(requests),
        org,
        live: {
          licences: () => Promise.resolve(new Map(licences().map((l) => [l.officeId, l]))),
          load: (officeId) => Promise.resolve(loads.get(officeId) ?? 0),
        },
        today: () => cityDate(org.calendar, Date.now()),
      },
      {
        officeId: STOPPED,
        reason: `licence of ${STOPPED} suspended: audit of the office books`,
        changes: 1,
      },
    );
  type Moved = Awaited<ReturnType<typeof rerouteOfficeWork>>;
  return { result: new MockActivityEnvironment().run<[], Moved, typeof job>(job), sent, loads };
}

describe('moving a stopped office’s work', () => {
  test('when an office is suspended, then each request is sent its moves with the decision made for it, and the work spreads by capacity', async () => {
    const licences = [...licencesAfterSuspension().values()];
    const { result, sent, loads } = run(
      140,
      () => licences,
      () => undefined,
    );
    expect(await result).toEqual({ moved: 140, failed: 0, left: 0 });
    expect(sent).toHaveLength(140);
    for (const input of sent) {
      expect(input.principal).toBe(`office:${STOPPED}`);
      expect(input.reason).toContain('suspended');
      const [move] = input.moves ?? [];
      expect(move?.taskId).toMatch(/-review$/);
      expect(move?.to.assignee.principal).toBe(`office:${move?.to.decision?.winner}`);
      expect(move?.to.note).toMatch(/^by the rule: /);
      expect(move?.to.decision?.candidates.find((c) => c.office === STOPPED)).toEqual(
        expect.objectContaining({ eligible: false }),
      );
    }
    // Eligible in d01 for urban planning: o-0101 (capacity 20), o-0102 (15), o-0302 (35). Each
    // decision counts those before it, so the shares follow capacity, not one office's turn.
    expect(Object.fromEntries(loads)).toEqual({ 'o-0101': 40, 'o-0102': 30, 'o-0302': 70 });
    const first = new Set(sent.slice(0, 8).map((input) => input.moves?.[0]?.to.decision?.winner));
    expect(first.size).toBeGreaterThan(1);
  });

  test('when the licence changes again while the work moves, then the moves still pending are not sent', async () => {
    const licences = licencesAfterSuspension();
    let answered = 0;
    const { result, sent } = run(
      400,
      () => [...licences.values()],
      () => {
        if (++answered !== 10) return;
        const stopped = licences.get(STOPPED) as LicenceState;
        stopped.status = 'active';
        stopped.history.push({
          at: new Date().toISOString(),
          action: 'reinstate',
          status: 'active',
          reason: 'books found in order',
          by: 'manager:test',
        });
      },
    );
    const { moved, left } = await result;
    expect(moved).toBe(sent.length);
    expect(moved).toBeGreaterThanOrEqual(10);
    // At most the moves already under way, and the group routed with them, go after the change.
    expect(moved).toBeLessThan(10 + 2 * 32);
    expect(left).toBe(400 - moved);
  });
});
