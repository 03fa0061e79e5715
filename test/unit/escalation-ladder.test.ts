/**
 * Escalation ladders climb the chain of superiors one level each: a district department's task
 * goes to its head, then the deputy mayor, then the steering committee, whatever the order of
 * supervisor, reassign and superior rungs; to a ladder's highest level at most, and a rung that
 * climbs every so often stands for one rung per level.
 */
import { escalationTarget, type EscalationInput } from '../../activities/escalation';
import type { LiveOffices } from '../../activities/routing';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { climbingLadder } from '../../lib/plan/ladder';
import type { PlanDuration, PlanEscalation, RungTarget } from '../../lib/plan/types';
import { repoPath } from '../../lib/paths';
import type { Party } from '../../workflows/types';

const org = loadOrganisation(repoPath('definitions/organisation'));
const live: LiveOffices = { licences: async () => new Map(), load: async () => 0 };

/** Climbs a ladder the way the interpreter does: each rung's target, the holder changing on reassign. */
async function climb(
  rungs: RungTarget[],
  options: { tellAlerted: boolean; maxDepth?: number } = { tellAlerted: true },
) {
  const unit = org.departmentUnit('urban-planning', 'd05');
  let assignee: Party = { principal: unit.principal, title: unit.title };
  let supervisor: Party = unit.supervisor;
  const alerted: Party[] = [];
  for (const to of rungs) {
    const input: EscalationInput = {
      to,
      trackingCode: 'T',
      stepId: 'review',
      serviceId: 'building-permit-residential',
      domain: 'urban-planning',
      district: 'd05',
      assignee,
      supervisor,
      ...(options.tellAlerted ? { alerted: [...alerted] } : {}),
      ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
    };
    const target = await escalationTarget(org, live, input, '2026-01-10', async () => ({
      alerted: [...alerted],
    }));
    alerted.push(target.to);
    if (target.reassigned) {
      assignee = target.reassigned.assignee;
      supervisor = target.reassigned.supervisor;
    }
  }
  return alerted.map((party) => party.principal);
}

const HEAD = 'head:d05.urban-planning';
const DEPUTY = 'head:urban-planning-deputy';
const COMMITTEE = 'head:steering-committee';

describe('escalation ladders', () => {
  test('when a superior rung follows a reassignment to the head, then it alerts the deputy mayor, not the committee', async () => {
    expect(await climb(['supervisor', 'reassign', 'superior'])).toEqual([HEAD, HEAD, DEPUTY]);
  });

  test('when superior rungs repeat, then each alerts one level higher', async () => {
    expect(await climb(['supervisor', 'superior', 'superior'])).toEqual([HEAD, DEPUTY, COMMITTEE]);
    expect(await climb(['superior', 'superior', 'superior'])).toEqual([DEPUTY, COMMITTEE, COMMITTEE]);
  });

  test('when the head takes the task first, then supervisor and superior climb past it one level each', async () => {
    expect(await climb(['reassign', 'supervisor', 'superior'])).toEqual([HEAD, DEPUTY, COMMITTEE]);
  });

  test('when the caller does not say whom the task reached, then the request is asked', async () => {
    expect(await climb(['supervisor', 'reassign', 'superior'], { tellAlerted: false })).toEqual([
      HEAD,
      HEAD,
      DEPUTY,
    ]);
  });

  test('when a ladder has a highest level, then a superior rung that would go higher alerts that level again', async () => {
    const maxDepth = 2;
    expect(await climb(['supervisor', 'superior', 'superior'], { tellAlerted: true, maxDepth })).toEqual([
      HEAD,
      DEPUTY,
      DEPUTY,
    ]);
    expect(await climb(['reassign', 'superior', 'superior'], { tellAlerted: true, maxDepth: 1 })).toEqual([
      HEAD,
      HEAD,
      HEAD,
    ]);
  });
});

describe('a rung that climbs every so often', () => {
  const days = (n: number): PlanDuration => ({
    text: `P${n}D`,
    duration: { days: n, ms: 0 },
    clock: 'working',
  });
  const ladder = (escalation: Partial<PlanEscalation>): PlanEscalation => ({
    remindAt: 0.8,
    ladder: [
      { after: days(0), to: 'supervisor' },
      { after: days(1), to: 'superior', every: days(2) },
      { after: days(4), to: 'steering-committee' },
    ],
    ...escalation,
  });
  const rungs = (escalation: PlanEscalation) =>
    climbingLadder(escalation).ladder.map((rung) => [rung.to, rung.after.duration.days, rung.every]);

  test('when it has a highest level, then it stands for one rung per level above those reached, in the order they come due', () => {
    expect(rungs(ladder({ maxDepth: 4, top: 5 }))).toEqual([
      ['supervisor', 0, undefined],
      ['superior', 1, undefined],
      ['superior', 3, undefined],
      ['steering-committee', 4, undefined],
      ['superior', 5, undefined],
    ]);
  });

  test('when it has none, then it climbs to the top of the chain', () => {
    expect(rungs(ladder({ top: 3 })).filter(([to]) => to === 'superior')).toHaveLength(2);
  });

  test('when no rung climbs so, then the ladder is as written', () => {
    const plain = { remindAt: 0, ladder: [{ after: days(0), to: 'supervisor' as const }] };
    expect(climbingLadder(plain)).toBe(plain);
  });
});
