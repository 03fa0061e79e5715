/**
 * An action carries whom its caller acts for, and the workflow's validator decides with it: for
 * every person of the organisation and every holder of work in every district, the validator's
 * answer is the API's own (`actsFor`), so moving the decision into the workflow lets nobody act
 * for work they could not act for before, and stops nobody who could.
 */
import { actingFor, actsFor } from '../../api/auth/actor';
import { claimsOfPerson } from '../../api/auth/people';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { actsForHolder } from '../../workflows/request-case';

const org = loadOrganisation(repoPath('definitions/organisation'));
const people = org.people().map(claimsOfPerson);

/** Every holder of work there is in a district: offices, units, their roles and heads, agencies. */
function holdersIn(district: string): string[] {
  const holders = org.officeIds().map((office) => `office:${office}`);
  for (const department of org.departmentIds()) {
    const unit = org.departmentUnit(department, district).principal;
    holders.push(unit, unit.replace(/^department:/, 'head:'));
    for (const role of org.department(department)?.roles ?? []) holders.push(`${unit}/${role.id}`);
  }
  holders.push(...org.agencyIds().map((agency) => `agency:${agency}`));
  return holders;
}

test('when a person acts on any holder of work in any district, then the workflow decides as the API does', () => {
  const disagreements: string[] = [];
  for (const district of org.districtIds()) {
    for (const principal of holdersIn(district)) {
      for (const claims of people) {
        const api = actsFor(claims, { principal, district }, org);
        const workflow = actsForHolder(actingFor(claims, org), principal, district);
        if (api !== workflow) disagreements.push(`${claims.sub} on ${principal} in ${district}: API ${api}`);
      }
    }
  }
  expect(disagreements).toEqual([]);
});

test('when a head acts, then every role of their unit is theirs and no other unit is', () => {
  const head = people.find((claims) => claims.roles?.includes('head') && claims.district === 'd05');
  expect(head).toBeDefined();
  const acting = actingFor(head!, org);
  const unit = `department:d05.${head!.department}`;
  expect(actsForHolder(acting, `${unit}/any-role`, 'd05')).toBe(true);
  expect(actsForHolder(acting, `department:d06.${head!.department}/any-role`, 'd06')).toBe(false);
});
