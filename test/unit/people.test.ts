/**
 * Someone can sign in for every task of the catalog: for each service and district, each task's
 * holder (an office, a department of the district or of the city, a role in it, the department
 * following an agency up, the treasury) has a person who may act for it, and every unit a ladder
 * can climb to has its head.
 */
import { actsFor } from '../../api/auth/actor';
import { claimsOfPerson } from '../../api/auth/people';
import { run } from '../../cli/pishkhan';
import { loadConfig } from '../../lib/config';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

const org = loadOrganisation(repoPath('definitions/organisation'));
const plans = loadCatalogOrThrow(repoPath('definitions/services'), org).map((entry) => entry.plan);
const people = org.people().map(claimsOfPerson);

/** Whether someone of the organisation may act for work held by a principal in a district. */
const someoneFor = (principal: string, district: string) =>
  people.some((claims) => actsFor(claims, { principal, district }, org));

/** The holders of every task of the catalog in a district (offices apart: any may be routed to). */
function holders(district: string): Set<string> {
  const found = new Set<string>([
    org.treasuryUnit(district).principal,
    org.operationsUnit(district).principal,
  ]);
  for (const plan of plans) {
    for (const step of Object.values(plan.steps)) {
      if (step.kind === 'inquiry') found.add(org.agencyUnit(step.agency, district).principal);
      if (step.kind === 'task' && step.assignee.type === 'department')
        found.add(org.departmentUnit(step.assignee.department, district, step.assignee.role).principal);
    }
  }
  return found;
}

describe('people of the organisation', () => {
  test('when any task of the catalog opens in any district, then someone may sign in and act for it', () => {
    const nobody = org
      .districtIds()
      .flatMap((district) =>
        [...holders(district)]
          .filter((principal) => !someoneFor(principal, district))
          .map((p) => `${district} ${p}`),
      );
    expect(nobody).toEqual([]);
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
    const cli = (...args: string[]) => {
      lines.length = 0;
      return run(args, { out: (l) => lines.push(l), err: () => undefined }, loadConfig({}));
    };
    expect(await cli('people', 'd17.urban-services')).toBe(0);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['p-d17-us-head', 'p-d17-us-staff']);
    expect(await cli('people', 'department:d05.urban-planning/permit-clerk')).toBe(0);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['p-d05-up-head', 'p-d05-up-staff']);
    expect(await cli('people', 'o-0101')).toBe(0);
    expect(lines).toHaveLength(2);
    expect(await cli('people', 'nowhere')).toBe(1);
  });
});
