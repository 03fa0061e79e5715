import type { Directory } from '../../shared/api/oversight-types';
import { keyAt, organisationSuggestions } from './organisation-completion';

const t = (en: string) => ({ fa: en, en });
const directory: Directory = {
  districts: [{ id: 'd01', title: t('District 1') }],
  departments: [
    {
      id: 'urban-planning',
      title: t('Urban planning'),
      perDistrict: true,
      head: t('Deputy for urban planning'),
      roles: [{ id: 'plan-reviewer', title: t('Plan reviewer') }],
    },
    {
      id: 'finance',
      title: t('Finance'),
      perDistrict: true,
      head: t('Head of revenue'),
      roles: [{ id: 'assessor', title: t('Assessor') }],
    },
  ],
  offices: [{ id: 'o-0101', title: t('Office 0101'), districts: ['d01'] }],
  agencies: [{ id: 'land-registry', title: t('Land registry') }],
  services: [],
};

const ids = (prefix: string, line = prefix) =>
  organisationSuggestions(prefix, line, directory).map((s) => s.id);

describe('completing the organisation in the definition editor', () => {
  test('when the cursor follows `department:`, then every department is offered', () => {
    expect(ids('    assignee: { department: ')).toEqual(['urban-planning', 'finance']);
    expect(keyAt('    department: urb')).toBe('department');
  });

  test("when the line names a department, then `role:` offers its head and that department's roles only", () => {
    const line = '    assignee: { department: urban-planning, role:  }';
    expect(ids('    assignee: { department: urban-planning, role: ', line)).toEqual([
      'head',
      'plan-reviewer',
    ]);
  });

  test('when the cursor is inside `roles: [`, then roles are offered', () => {
    expect(ids('      approve: { roles: [head, ')).toContain('assessor');
  });

  test('when the cursor follows `office:` or `agency:`, then the intake office and the offices, or the agencies, are offered', () => {
    expect(ids('    assignee: { office: ')).toEqual(['intake', 'o-0101']);
    expect(ids('    agency: ')).toEqual(['land-registry']);
  });

  test('when the cursor is after another key, then nothing of the organisation is offered', () => {
    expect(ids('    sla: ')).toEqual([]);
    expect(ids('title: { fa: ')).toEqual([]);
  });
});
