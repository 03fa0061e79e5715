/**
 * Loads the organisation folder (organisation.yaml, calendar.yaml): schema validation, then the
 * references between them, reporting every problem at once.
 */
import { join } from 'node:path';
import { resolveCalendar } from '../calendar/resolve-calendar';
import { loadYamlFile } from '../definitions/load-yaml';
import { DefinitionError, type Problem } from '../definitions/problem';
import { didYouMean } from '../definitions/schemas';
import type { WorkingCalendar } from '../generated/calendar';
import type { Organisation as OrganisationFile } from '../generated/organisation';
import type { YamlSource } from '../definitions/yaml-source';
import { Organisation } from './organisation';

function duplicateIds(items: { id: string }[], listName: string, source: YamlSource): Problem[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [source.problem([listName, index, 'id'], `duplicate id '${item.id}'`, 'duplicate-id')];
  });
}

function crossCheck(file: OrganisationFile, source: YamlSource): Problem[] {
  const districts = file.districts.map((d) => d.id);
  const departments = file.departments.map((d) => d.id);
  const problems = [
    ...duplicateIds(file.districts, 'districts', source),
    ...duplicateIds(file.departments, 'departments', source),
    ...duplicateIds(file.offices, 'offices', source),
  ];
  const unknownDistrict = (id: string, path: (string | number)[]) => {
    if (!districts.includes(id)) {
      problems.push(
        source.problem(path, `unknown district '${id}'${didYouMean(id, districts)}`, 'unknown-district'),
      );
    }
  };
  file.districts.forEach((district, i) =>
    (district.neighbours ?? []).forEach((id, j) => unknownDistrict(id, ['districts', i, 'neighbours', j])),
  );
  file.offices.forEach((office, i) =>
    office.districts.forEach((id, j) => unknownDistrict(id, ['offices', i, 'districts', j])),
  );
  for (const role of ['treasury', 'officeSupervisor'] as const) {
    const id = file.roles[role];
    if (!departments.includes(id)) {
      problems.push(
        source.problem(
          ['roles', role],
          `unknown department '${id}'${didYouMean(id, departments)}`,
          'unknown-department',
        ),
      );
    }
  }
  return problems;
}

/** Loads and checks the organisation; throws a DefinitionError listing every problem. */
export function loadOrganisation(dir: string): Organisation {
  const org = loadYamlFile<OrganisationFile>(join(dir, 'organisation.yaml'), 'organisation');
  const cal = loadYamlFile<WorkingCalendar>(join(dir, 'calendar.yaml'), 'calendar');
  const problems = [...org.problems, ...cal.problems];
  if (org.data) problems.push(...crossCheck(org.data, org.source));
  let resolved;
  if (cal.data) {
    const result = resolveCalendar(cal.data);
    problems.push(...result.issues.map((issue) => cal.source.problem(issue.path, issue.message, issue.rule)));
    resolved = result.calendar;
  }
  if (problems.length > 0 || !org.data || !resolved) throw new DefinitionError(problems);
  return new Organisation(org.data, resolved);
}
