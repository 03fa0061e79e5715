/**
 * The organisation's directory (GET /api/organisation/directory), read once per visit: titles
 * for the keys reports and lists use (districts, offices, department units, services, holders'
 * principals), and the ids the definition editor completes.
 */
import { useEffect, useState } from 'react';
import { api } from './api/client';
import type { Directory } from './api/oversight-types';
import type { Title } from './api/types';

let loading: Promise<Directory> | undefined;

export function loadDirectory(): Promise<Directory> {
  loading ??= api.get<Directory>('/api/organisation/directory').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function useDirectory(): Directory | undefined {
  const [directory, setDirectory] = useState<Directory>();
  useEffect(() => {
    let live = true;
    loadDirectory().then(
      (found) => live && setDirectory(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return directory;
}

const joined = (a: Title, b: Title): Title => ({ fa: `${a.fa}، ${b.fa}`, en: `${a.en}, ${b.en}` });

/** The title of a report key or a principal, or the key itself when the directory does not know it. */
export function titleOf(
  directory: Directory | undefined,
  kind: 'district' | 'office' | 'department' | 'service' | 'agency' | 'principal',
  key: string,
): Title {
  const plain = { fa: key, en: key };
  if (!directory) return plain;
  const find = (list: { id: string; title: Title }[], id: string) =>
    list.find((item) => item.id === id)?.title;
  switch (kind) {
    case 'district':
      return find(directory.districts, key) ?? plain;
    case 'office':
      return find(directory.offices, key) ?? plain;
    case 'service':
      return find(directory.services, key) ?? plain;
    case 'agency':
      return find(directory.agencies, key) ?? plain;
    case 'department': {
      // `d05.urban-planning` is one district's unit; `treasury` a city department.
      const [first = '', second] = key.split('.');
      const department = find(directory.departments, second ?? first);
      if (!department) return plain;
      const district = second ? find(directory.districts, first) : undefined;
      return district ? joined(department, district) : department;
    }
    case 'principal': {
      // office:o-0101, department:d05.urban-planning/plan-reviewer, head:d05.urban-planning, agency:…
      const match = /^(office|department|head|agency):([^/]+)(?:\/(.+))?$/.exec(key);
      if (!match) return plain;
      const [, type = '', unit = '', role] = match;
      if (type === 'office') return titleOf(directory, 'office', unit);
      if (type === 'agency') return titleOf(directory, 'agency', unit);
      const base = titleOf(directory, 'department', unit);
      if (type === 'head') {
        const [first = '', second] = unit.split('.');
        const head = find(
          directory.departments.map((d) => ({ id: d.id, title: d.head })),
          second ?? first,
        );
        const district = second ? find(directory.districts, first) : undefined;
        return head ? (district ? joined(head, district) : head) : base;
      }
      const roleTitle = role
        ? directory.departments.flatMap((d) => d.roles).find((r) => r.id === role)?.title
        : undefined;
      return roleTitle ? joined(roleTitle, base) : base;
    }
  }
}
