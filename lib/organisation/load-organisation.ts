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
import { LANGUAGE_FEATURES, RUN_BY_INTERPRETER, type LanguageFeature } from '../plan/features';
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
    ...duplicateIds(file.agencies, 'agencies', source),
    ...duplicateIds(file.offices, 'offices', source),
  ];
  const reference = (ids: string[], what: string) => (id: string, path: (string | number)[]) => {
    if (!ids.includes(id)) {
      problems.push(source.problem(path, `unknown ${what} '${id}'${didYouMean(id, ids)}`, `unknown-${what}`));
    }
  };
  const district = reference(districts, 'district');
  const department = reference(departments, 'department');
  file.districts.forEach((d, i) =>
    (d.neighbours ?? []).forEach((id, j) => district(id, ['districts', i, 'neighbours', j])),
  );
  file.offices.forEach((o, i) =>
    o.districts.forEach((id, j) => district(id, ['offices', i, 'districts', j])),
  );
  file.agencies.forEach((a, i) => department(a.followUp, ['agencies', i, 'followUp']));
  file.departments.forEach((d, i) => {
    if (d.escalatesTo !== undefined) department(d.escalatesTo, ['departments', i, 'escalatesTo']);
  });
  department(file.escalation.officeSupervisor, ['escalation', 'officeSupervisor']);
  department(file.escalation.steeringCommittee, ['escalation', 'steeringCommittee']);
  department(file.duties.treasury, ['duties', 'treasury']);
  department(file.duties.operations, ['duties', 'operations']);
  problems.push(...escalationCycles(file, source));
  problems.push(...defaultLadderFeatures(file, source));
  problems.push(...peopleProblems(file, source));
  return problems;
}

/** Roles any office's staff may have; a department's are its own roles, its head, its staff. */
export const OFFICE_ROLES = ['manager', 'clerk'];

/** Each person is bound to one office, or to one department (of a district, for a per-district one). */
function peopleProblems(file: OrganisationFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [...duplicateIds(file.people ?? [], 'people', source)];
  (file.people ?? []).forEach((person, i) => {
    const at = (...path: (string | number)[]) => ['people', i, ...path];
    if ((person.office === undefined) === (person.department === undefined)) {
      problems.push(
        source.problem(at(), 'a person is bound to exactly one office or one department', 'person-binding'),
      );
      return;
    }
    let roles = OFFICE_ROLES;
    if (person.office !== undefined) {
      if (!file.offices.some((o) => o.id === person.office)) {
        problems.push(source.problem(at('office'), `unknown office '${person.office}'`, 'unknown-office'));
      }
      if (person.district !== undefined)
        problems.push(source.problem(at('district'), 'office staff have no district', 'person-binding'));
    } else {
      const department = file.departments.find((d) => d.id === person.department);
      if (!department) {
        problems.push(
          source.problem(
            at('department'),
            `unknown department '${person.department ?? ''}'`,
            'unknown-department',
          ),
        );
        return;
      }
      roles = [...(department.roles ?? []).map((r) => r.id), 'head', 'staff'];
      if (department.perDistrict && !file.districts.some((d) => d.id === person.district)) {
        problems.push(
          source.problem(
            at(),
            `staff of per-district '${department.id}' need the district they work in`,
            'person-binding',
          ),
        );
      }
      if (!department.perDistrict && person.district !== undefined) {
        problems.push(
          source.problem(
            at('district'),
            `'${department.id}' is a city department, not a district's`,
            'person-binding',
          ),
        );
      }
    }
    person.roles.forEach((role, r) => {
      if (!roles.includes(role)) {
        problems.push(
          source.problem(
            at('roles', r),
            `unknown role '${role}'${didYouMean(role, roles)}; here: ${roles.join(', ')}`,
            'unknown-role',
          ),
        );
      }
    });
  });
  return problems;
}

/** The default ladder may use only what the interpreter runs (lib/plan/features.ts). */
function defaultLadderFeatures(file: OrganisationFile, source: YamlSource): Problem[] {
  const uses: { feature: LanguageFeature; path: (string | number)[] }[] = [];
  const fallback = file.escalation.default;
  if (fallback.maxDepth !== undefined)
    uses.push({ feature: 'ladder-depth', path: ['escalation', 'default', 'maxDepth'] });
  (fallback.ladder ?? []).forEach((rung, i) => {
    if (rung.every !== undefined)
      uses.push({ feature: 'ladder-every', path: ['escalation', 'default', 'ladder', i, 'every'] });
  });
  return uses
    .filter((use) => !RUN_BY_INTERPRETER.has(use.feature))
    .map((use) =>
      source.problem(
        use.path,
        `${LANGUAGE_FEATURES[use.feature]} is in the language, but the interpreter does not run it yet`,
        'not-yet-run',
      ),
    );
}

/** An escalation chain must climb to the top, never come back to where it started. */
function escalationCycles(file: OrganisationFile, source: YamlSource): Problem[] {
  const above = new Map(file.departments.map((d) => [d.id, d.escalatesTo]));
  return file.departments.flatMap((department, index) => {
    const seen = new Set<string>([department.id]);
    for (let at = above.get(department.id); at !== undefined; at = above.get(at)) {
      if (at === department.id) {
        return [
          source.problem(
            ['departments', index, 'escalatesTo'],
            `escalation from '${department.id}' comes back to it: ${[...seen, at].join(' > ')}`,
            'escalation-cycle',
          ),
        ];
      }
      if (seen.has(at)) break;
      seen.add(at);
    }
    return [];
  });
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
