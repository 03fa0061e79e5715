/**
 * What the definition editor offers after `department:`, `role:`, `roles: [`, `office:` and
 * `agency:`: the ids the city's organisation has, each with its titles. Within a line that names
 * a department, roles are that department's. Pure: the editor turns these into suggestions.
 */
import type { Directory } from '../../shared/api/oversight-types';
import type { Title } from '../../shared/api/types';

export interface IdSuggestion {
  id: string;
  /** Its titles; or, for the words the organisation does not name, a key of the catalogs. */
  title: Title | string;
  kind: 'department' | 'role' | 'office' | 'agency';
}

/** The key whose value the cursor is in, at the end of the text before it on its line. */
export function keyAt(linePrefix: string): string | undefined {
  const inList = /(?:^|[\s{,])(roles)\s*:\s*\[[^\]]*$/.exec(linePrefix);
  if (inList) return inList[1];
  return /(?:^|[\s{,-])([A-Za-z]+)\s*:\s*[a-z0-9.-]*$/.exec(linePrefix)?.[1];
}

export function organisationSuggestions(
  linePrefix: string,
  line: string,
  directory: Directory,
): IdSuggestion[] {
  const key = keyAt(linePrefix);
  switch (key) {
    case 'department':
      return directory.departments.map((d) => ({ id: d.id, title: d.title, kind: 'department' }));
    case 'role':
    case 'roles': {
      const named = /department\s*:\s*([a-z0-9-]+)/.exec(line)?.[1];
      const departments = directory.departments.filter((d) => !named || d.id === named);
      const roles = new Map<string, Title>();
      for (const department of departments)
        for (const role of department.roles) roles.set(role.id, role.title);
      const head = named ? departments[0]?.head : undefined;
      return [
        { id: 'head', title: head ?? 'design.completion.head', kind: 'role' as const },
        ...[...roles].map(([id, title]) => ({ id, title, kind: 'role' as const })),
      ];
    }
    case 'office':
      return [
        { id: 'intake', title: 'design.completion.intake', kind: 'office' },
        ...directory.offices.map((o) => ({ id: o.id, title: o.title, kind: 'office' as const })),
      ];
    case 'agency':
      return directory.agencies.map((a) => ({ id: a.id, title: a.title, kind: 'agency' }));
    default:
      return [];
  }
}
