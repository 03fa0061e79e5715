/**
 * Every service of the catalog can be started in every district of the city: online, at the
 * district's department, or at an office licensed for it that serves the district. A pair
 * nobody can start is refused when the system loads, located at the service's intake.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityDate } from '../../lib/calendar/working-time';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { DefinitionError } from '../../lib/definitions/problem';
import { loadDomain } from '../../lib/load-domain';
import { openTestStore } from '../support/test-store';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { startGaps } from '../../lib/organisation/start-coverage';
import { repoPath } from '../../lib/paths';
import { fixture } from '../support/paths';

const transportOnlyAtOffices = `id: taxi-card
title: { fa: کارت تاکسی, en: Taxi card }
domain: transport
intake: [office]
sla: P5D
steps:
  - { id: intake, kind: task, title: { fa: پذیرش, en: Intake }, assignee: { office: intake }, sla: P1D }
  - { id: done, kind: end, result: completed }
`;

function domainOf(definition: string) {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
  writeFileSync(join(dir, 'taxi-card.yaml'), definition);
  return async () => {
    const store = await openTestStore();
    try {
      return await loadDomain({ servicesDir: dir, organisationDir: fixture('organisation') }, store.db);
    } finally {
      await store.close();
    }
  };
}

describe('where services can be started', () => {
  test('when the shipped catalog and organisation load, then every service can be started in every district today', () => {
    const org = loadOrganisation(repoPath('definitions/organisation'));
    const plans = loadCatalogOrThrow(repoPath('definitions/services'), org).map((entry) => entry.plan);
    expect(plans.length * org.districtIds().length).toBe(128 * 22);
    expect(startGaps(org, plans, cityDate(org.calendar, Date.now()))).toEqual([]);
  });

  test('when a service starts only at offices and no office of a district may take it, then each pair is refused at its intake', async () => {
    let problems: DefinitionError['problems'] = [];
    try {
      await domainOf(transportOnlyAtOffices)();
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      problems = error.problems;
    }
    expect(problems.map((p) => [p.rule, p.path, p.line])).toEqual([
      ['cannot-start', 'intake', 4],
      ['cannot-start', 'intake', 4],
    ]);
    expect(problems[0]?.message).toContain("nobody can start 'taxi-card' in d01");
    expect(problems[0]?.message).toContain('o-1: licence does not cover transport or taxi-card');
    expect(problems[1]?.message).toContain("nobody can start 'taxi-card' in d02");
  });

  test('when the same service may also be started online, then it loads', async () => {
    const online = transportOnlyAtOffices.replace('intake: [office]', 'intake: [office, online]');
    expect((await domainOf(online)()).catalog.all()).toHaveLength(1);
  });
});
