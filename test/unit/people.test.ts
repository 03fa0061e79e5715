/**
 * Someone can sign in for every task of the catalog. For each service and district, every
 * holder of its work is found the way a running request finds it: each step's assignee as
 * routing resolves it (an office by the rule, or the office-supervising unit when no licence
 * allows one; a department of the district or of the city, a role in it, the department
 * following an agency up, the treasury confirming a payment, the operations department taking a
 * failed automatic step), its supervisor, whoever each rung of the step's escalation ladder
 * reaches or hands the task to, and whoever its notices go to. Each must have a person who, with
 * the claims the sign-in gives them, may act for it by the rule the API applies to a task.
 */
import { escalationTarget } from '../../activities/escalation';
import { route, type LiveOffices, type RoutedRule } from '../../activities/routing';
import { actsFor } from '../../api/auth/actor';
import { claimsOfPerson } from '../../api/auth/people';
import { run } from '../../cli/pishkhan';
import { loadConfig } from '../../lib/config';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import type { PlanAssignee, PlanEscalation, ServicePlan } from '../../lib/plan/types';
import type { Assignment, Party } from '../../workflows/types';

const org = loadOrganisation(repoPath('definitions/organisation'));
const plans = loadCatalogOrThrow(repoPath('definitions/services'), org).map((entry) => entry.plan);
const people = org.people().map(claimsOfPerson);

/** The licences as the file issues them, and no office loaded yet. */
const live: LiveOffices = {
  licences: async () => new Map(org.allOffices().map((office) => [office.id, org.licenceOf(office)])),
  load: async () => 0,
};
/** A day the licences of the file allow, and one after every one of them has lapsed. */
const DAYS = ['2026-11-30', '2040-01-01'];

const isRouted = (rule: PlanAssignee): rule is RoutedRule =>
  rule.type !== 'applicant' && rule.type !== 'same-as' && rule.type !== 'office-in-field';

/** A principal to act for in a district, and the first place it was met. */
type Holders = Map<string, { principal: string; district: string; where: string }>;

function hold(found: Holders, party: Party, district: string, where: string): void {
  const key = `${district} ${party.principal}`;
  if (!found.has(key)) found.set(key, { principal: party.principal, district, where });
}

/** Whoever the step's ladder reaches, rung by rung, as the SLA watch climbs it. */
async function climb(
  found: Holders,
  plan: ServicePlan,
  stepId: string,
  district: string,
  start: Assignment,
  escalation: PlanEscalation,
  today: string,
): Promise<void> {
  let { assignee, supervisor } = start;
  const alerted: Party[] = [];
  for (const rung of escalation.ladder) {
    const target = await escalationTarget(
      org,
      live,
      {
        to: rung.to,
        trackingCode: 'PK-PEOPLE-TEST',
        stepId,
        serviceId: plan.serviceId,
        domain: plan.domain,
        district,
        assignee,
        supervisor,
        alerted: [...alerted],
      },
      today,
    );
    const where = `${plan.serviceId}/${stepId} ${rung.to}`;
    hold(found, target.to, district, where);
    alerted.push(target.to);
    if (target.reassigned) {
      ({ assignee, supervisor } = target.reassigned);
      hold(found, assignee, district, where);
      hold(found, supervisor, district, where);
    }
  }
}

/** Every holder of work of the catalog in every district, on a day. */
async function holdersOfCatalog(today: string): Promise<Holders> {
  const found: Holders = new Map();
  for (const district of org.districtIds()) {
    for (const plan of plans) {
      const assign = (rule: RoutedRule, stepId: string) =>
        route(
          org,
          live,
          {
            trackingCode: 'PK-PEOPLE-TEST',
            stepId,
            serviceId: plan.serviceId,
            rule,
            domain: plan.domain,
            district,
            ...(plan.routing ? { fallback: plan.routing.fallback } : {}),
          },
          today,
        );
      for (const step of Object.values(plan.steps)) {
        const where = `${plan.serviceId}/${step.id}`;
        const rule: RoutedRule | undefined =
          step.kind === 'task'
            ? isRouted(step.assignee)
              ? step.assignee
              : undefined
            : step.kind === 'inquiry'
              ? { type: 'agency', agency: step.agency }
              : step.kind === 'payment'
                ? { type: 'treasury' }
                : step.kind === 'automatic'
                  ? { type: 'operations' }
                  : undefined;
        if (rule) {
          const assignment = await assign(rule, step.id);
          hold(found, assignment.assignee, district, where);
          hold(found, assignment.supervisor, district, where);
          if (step.kind === 'task' || step.kind === 'inquiry' || step.kind === 'payment')
            await climb(found, plan, step.id, district, assignment, step.escalation, today);
        }
        if (step.kind === 'notify') {
          for (const to of step.to.filter(isRouted))
            hold(found, (await assign(to, step.id)).assignee, district, where);
        }
      }
    }
  }
  return found;
}

/** Who, signed in as themselves, may act for a holder of work in a request of a district. */
const actingFor = (principal: string, district: string) =>
  people.filter((claims) => actsFor(claims, { principal, district }, org));

describe('people of the organisation', () => {
  test.each(DAYS)(
    'when any task of the catalog opens in any district on %s, or climbs its ladder, then someone may sign in and act for it',
    async (today) => {
      const holders = [...(await holdersOfCatalog(today)).values()];
      // Every kind of holder is met, so the walk itself is not what passes.
      const kinds = new Set(holders.map((h) => h.principal.replace(/:.*$/, '')));
      expect([...kinds].sort()).toEqual(
        today === DAYS[0] ? ['agency', 'department', 'head', 'office'] : ['agency', 'department', 'head'],
      );
      expect(holders.some((h) => h.principal === org.treasuryUnit('d01').principal)).toBe(true);
      expect(holders.some((h) => h.principal === org.steeringCommittee().principal)).toBe(true);
      const nobody = holders
        .filter((h) => actingFor(h.principal, h.district).length === 0)
        .map((h) => `${h.district} ${h.principal} (${h.where})`);
      expect(nobody).toEqual([]);
    },
  );

  test('when a department unit holds a task, then staff besides its head may act for it', async () => {
    const holders = [...(await holdersOfCatalog(DAYS[1] ?? '')).values()].filter((h) =>
      h.principal.startsWith('department:'),
    );
    expect(holders.length).toBeGreaterThan(100);
    const headOnly = holders
      .filter(
        (h) => !actingFor(h.principal, h.district).some((claims) => !(claims.roles ?? []).includes('head')),
      )
      .map((h) => `${h.district} ${h.principal}`);
    expect(headOnly).toEqual([]);
  });

  test('when work goes to any office, then the office has a manager and a clerk', () => {
    const unstaffed = org
      .officeIds()
      .filter(
        (office) =>
          !['manager', 'clerk'].every((role) =>
            people.some((c) => c.office === office && c.roles?.includes(role)),
          ),
      );
    expect(unstaffed).toEqual([]);
  });

  test('when a ladder climbs to the head of any department unit, then the head can sign in', () => {
    const units = org
      .departmentIds()
      .flatMap((id) =>
        org.department(id)?.perDistrict
          ? org.districtIds().map((district) => org.headOf(id, district).principal)
          : [org.headOf(id, '').principal],
      );
    const headless = units.filter(
      (principal) => !people.some((c) => actsFor(c, { principal, district: '' }, org)),
    );
    expect(headless).toEqual([]);
  });

  test('when every person is listed, then each has a Persian and an English name', () => {
    for (const person of org.people()) {
      expect(person.name.fa).toMatch(/^[\u0600-\u06FF\u200c ]+$/);
      expect(person.name.en).toMatch(/^[A-Za-z' -]+$/);
    }
  });

  test('when `people` is given a unit or a holder of work, then it lists only who is in it or may act for it', async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const cli = (...args: string[]) => {
      lines.length = 0;
      errors.length = 0;
      return run(args, { out: (l) => lines.push(l), err: (l) => errors.push(l) }, loadConfig({}));
    };
    const ids = () => lines.map((l) => l.split(' ')[0]);
    expect(await cli('people', '--unit', 'd17.urban-services')).toBe(0);
    expect(ids()).toEqual(['p-d17-us-head', 'p-d17-us-staff']);
    expect(await cli('people', 'd17.urban-services')).toBe(0);
    expect(ids()).toEqual(['p-d17-us-head', 'p-d17-us-staff']);
    expect(await cli('people', '--unit', 'department:d05.urban-planning/permit-clerk')).toBe(0);
    expect(ids()).toEqual(['p-d05-up-head', 'p-d05-up-staff']);
    expect(await cli('people', '--unit', 'head:d05.finance')).toBe(0);
    expect(ids()).toEqual(['p-d05-fin-head']);
    expect(await cli('people', '--unit', 'treasury')).toBe(0);
    expect(ids()).toEqual(people.filter((c) => c.department === 'treasury').map((c) => c.sub));
    expect(await cli('people', '--unit', 'o-0101')).toBe(0);
    expect(ids()).toEqual(['p-0101-manager', 'p-0101-clerk']);
    expect(await cli('people', '--unit', 'office:o-0101')).toBe(0);
    expect(ids()).toEqual(['p-0101-manager', 'p-0101-clerk']);
    // A department of every district: its people in each, and only them.
    expect(await cli('people', '--unit', 'urban-services')).toBe(0);
    expect(new Set(lines.map((l) => l.split(/ +/)[2]))).toEqual(
      new Set(org.districtIds().map((d) => `${d}.urban-services`)),
    );
    // A district: every unit of it, offices apart.
    expect(await cli('people', '--unit', 'd05')).toBe(0);
    expect(lines.every((l) => l.split(/ +/)[2]?.startsWith('d05.'))).toBe(true);
    // Each line names the person in Persian and in English.
    expect(lines[0]).toMatch(/[\u0600-\u06FF]+.* \([A-Za-z' -]+\)$/);
    // An agency's work is followed up by a unit of the request's district.
    expect(await cli('people', '--unit', 'agency:land-registry', '--district', 'd05')).toBe(0);
    expect(ids()).toEqual(['p-d05-up-head', 'p-d05-up-staff', 'p-d05-up-reviewer']);
    expect(await cli('people', '--unit', 'agency:land-registry')).toBe(1);
    expect(errors.join(' ')).toMatch(/--district/);

    // What names nothing is refused, and says why.
    expect(await cli('people', '--unit', 'nowhere')).toBe(1);
    expect(errors.join(' ')).toMatch(/no office, district or department 'nowhere'/);
    expect(await cli('people', '--unit', 'department:d05.urban-planning/approver')).toBe(1);
    expect(errors.join(' ')).toMatch(/no role 'approver'; its roles: plan-reviewer, permit-clerk/);
    expect(await cli('people', '--unit', 'd05.treasury')).toBe(1);
    expect(errors.join(' ')).toMatch(/one department for the whole city/);
    expect(await cli('people', '--unit', 'd23.finance')).toBe(1);
    expect(errors.join(' ')).toMatch(/no district 'd23'/);
    expect(await cli('people', 'o-0101', '--unit', 'o-0102')).toBe(1);
    expect(errors.join(' ')).toMatch(/two units/);
  });
});
